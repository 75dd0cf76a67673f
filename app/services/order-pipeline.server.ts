import { createHash } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import type { PgBoss } from "pg-boss";
import type { Database } from "../db/database.server";
import { z } from "zod";
import { normalizeOrder, normalizeRefund, shopifyOrderSchema, shopifyRefundSchema, type NormalizedOrder, type NormalizedRefund } from "../domain/orders/shopify-order";
import { ORDER_EVENTS_QUEUE } from "../jobs/queue.server";
import { countNewOrder } from "./copurchase-stats.server";
import { linkCustomerOrders, refreshRollups } from "./rollups.server";

export const ORDER_TOPICS = ["ORDERS_CREATE", "ORDERS_UPDATED", "ORDERS_CANCELLED", "REFUNDS_CREATE"] as const;

/** What a webhook route checks before answering 200: enough to know which order it is about. */
export const orderEventPayloadSchema = z.object({ id: z.union([z.number(), z.string()]) });

/** The one-way key a customer is counted under (repeat purchases), never their identity. */
export function customerKey(shop: string, customerId: string): string {
  return createHash("sha256").update(`${shop}|${customerId}`).digest("hex");
}

export type ReceivedOrderEvent = { shop: string; webhookId: string; topic: string; payload: unknown };

/**
 * Stores order webhooks as received, each together with its delivery record, in one statement on a plain connection
 * (the busiest write of the app: one round trip and one commit for a whole batch, no ORM work). Returns, for each
 * event in order, whether it was stored: a replay of a webhook id (or its second copy in the batch) stores nothing.
 */
export async function recordOrderEvent(database: Database, ...events: ReceivedOrderEvent[]): Promise<boolean[]> {
  const rows = await database.withSession((session) =>
    session.query<{ webhookId: string }>(
      `WITH incoming AS (
         SELECT DISTINCT ON ("webhookId") * FROM jsonb_to_recordset($1::jsonb) AS e("webhookId" text, "shop" text, "topic" text, "payload" jsonb)
       ), delivery AS (
         INSERT INTO "WebhookDelivery" ("webhookId", "shop", "topic") SELECT "webhookId", "shop", "topic" FROM incoming
         ON CONFLICT ("webhookId") DO NOTHING
         RETURNING "webhookId"
       )
       INSERT INTO "OrderEvent" ("webhookId", "shop", "topic", "payload")
       SELECT "webhookId", "shop", "topic", "payload" FROM incoming JOIN delivery USING ("webhookId")
       RETURNING "webhookId"`,
      [JSON.stringify(events)],
    ),
  );
  const stored = new Set(rows.map((row) => row.webhookId));
  // Only the first copy of a webhook id counts as stored, so that it is queued once.
  return events.map((event) => stored.delete(event.webhookId));
}

/**
 * Queues the processing of one or more events in one insert (one statement and commit however many), each job keyed
 * by its event (processing is idempotent anyway).
 */
export async function enqueueOrderEvent(queue: PgBoss, ...webhookIds: string[]): Promise<void> {
  await queue.insert(ORDER_EVENTS_QUEUE, webhookIds.map((webhookId) => ({ data: { webhookId }, singletonKey: webhookId })));
}

const STRANDED_AFTER_MS = 60_000;

/**
 * Queues events that were stored but never queued (the process stopped between the commit and the enqueue), so a
 * crash loses nothing. Events whose processing failed are left to the queue's retries and the dead-letter queue.
 */
export async function requeueStrandedEvents(prisma: PrismaClient, queue: PgBoss, now: Date): Promise<number> {
  const stranded = await prisma.orderEvent.findMany({
    where: { processedAt: null, attempts: 0, receivedAt: { lt: new Date(now.getTime() - STRANDED_AFTER_MS) } },
    select: { webhookId: true },
    take: 1000,
  });
  for (const event of stranded) await enqueueOrderEvent(queue, event.webhookId);
  return stranded.length;
}

export const orderEventJobSchema = z.object({ webhookId: z.string() });

export type ProcessOutcome = "processed" | "already-processed" | "missing";

async function applyRefunds(tx: Prisma.TransactionClient, shop: string, orderId: string, refunds: NormalizedRefund[]) {
  for (const refund of refunds) {
    await tx.orderRefund.upsert({
      where: { shop_refundId: { shop, refundId: refund.refundId } },
      create: { shop, orderId, ...refund },
      update: { amountMinor: refund.amountMinor },
    });
  }
}

/**
 * Stores orders as facts, only moving each forward in Shopify's updated_at (a delivery older than what is stored
 * changes nothing but its refunds). Orders arriving one by one (webhooks) are counted into the co-purchase statistics
 * and the dashboard's rollups at once; an import (`incremental: false`) leaves both to the rebuilds that follow it.
 */
export async function applyOrders(tx: Prisma.TransactionClient, shop: string, orders: NormalizedOrder[], options: { incremental: boolean }) {
  const latest = new Map<string, NormalizedOrder>();
  for (const order of orders) {
    const seen = latest.get(order.orderId);
    if (!seen || seen.sourceUpdatedAt <= order.sourceUpdatedAt) latest.set(order.orderId, order);
  }
  const stored = await tx.orderFact.findMany({ where: { shop, orderId: { in: [...latest.keys()] } }, select: { orderId: true, sourceUpdatedAt: true, processedAt: true } });
  const storedAt = new Map(stored.map((fact) => [fact.orderId, fact.sourceUpdatedAt]));
  const changed = [...latest.values()].filter((order) => {
    const at = storedAt.get(order.orderId);
    return !at || at <= order.sourceUpdatedAt;
  });
  if (options.incremental) {
    for (const order of latest.values()) {
      if (storedAt.has(order.orderId) || order.test || order.cancelledAt) continue;
      await countNewOrder(tx, shop, order.lines.flatMap((line) => (line.productId ? [line.productId] : [])));
    }
  }
  const changedIds = changed.map((order) => order.orderId);
  // The rollups of every bucket these orders were or are placed in, or were refunded in (a changed order changes its
  // refunds' shares per offer), are recomputed below.
  const touched = [
    ...stored.filter((fact) => changedIds.includes(fact.orderId)).map((fact) => fact.processedAt),
    ...changed.map((order) => order.processedAt),
    ...(await tx.orderRefund.findMany({ where: { shop, orderId: { in: changedIds } }, select: { createdAt: true } })).map((refund) => refund.createdAt),
    ...orders.flatMap((order) => order.refunds.map((refund) => refund.createdAt)),
  ];
  // Replacing the order replaces its lines too (they cascade).
  await tx.orderFact.deleteMany({ where: { shop, orderId: { in: changed.map((order) => order.orderId) } } });
  await tx.orderFact.createMany({
    data: changed.map((order) => ({
      shop,
      orderId: order.orderId,
      name: order.name,
      currencyCode: order.currencyCode,
      presentmentCurrency: order.presentmentCurrency,
      customerKey: order.customerId ? customerKey(shop, order.customerId) : null,
      processedAt: order.processedAt,
      sourceUpdatedAt: order.sourceUpdatedAt,
      subtotalMinor: order.subtotalMinor,
      totalDiscountMinor: order.totalDiscountMinor,
      cancelledAt: order.cancelledAt,
      test: order.test,
    })),
  });
  await tx.orderLineFact.createMany({
    data: changed.flatMap((order) => order.lines.map((line) => ({ shop, orderId: order.orderId, ...line, properties: line.properties }))),
  });
  for (const order of orders) await applyRefunds(tx, shop, order.orderId, order.refunds);
  if (options.incremental) {
    await linkCustomerOrders(tx, shop, changed.flatMap((order) => (order.customerId ? [customerKey(shop, order.customerId)] : [])));
    await refreshRollups(tx, shop, touched);
  }
}

/**
 * Turns one stored order event into order facts, exactly once: the event row is locked for the transaction, an
 * event already processed is left alone, and order facts only move forward in Shopify's updated_at. A failure
 * rolls everything back and is recorded on the event (the queue retries it).
 */
export async function processOrderEvent(prisma: PrismaClient, webhookId: string): Promise<ProcessOutcome> {
  try {
    return await prisma.$transaction(async (tx) => {
      const locked = await tx.$queryRaw<{ processedAt: Date | null }[]>`
        SELECT "processedAt" FROM "OrderEvent" WHERE "webhookId" = ${webhookId} FOR UPDATE`;
      const row = locked[0];
      if (!row) return "missing";
      if (row.processedAt) return "already-processed";
      const event = await tx.orderEvent.findUniqueOrThrow({ where: { webhookId } });
      if (event.topic === "REFUNDS_CREATE") {
        const refund = shopifyRefundSchema.parse(event.payload);
        const order = await tx.orderFact.findFirst({ where: { shop: event.shop, orderId: `gid://shopify/Order/${refund.order_id}` }, select: { currencyCode: true, orderId: true } });
        if (!order) throw new Error(`Refund for order ${String(refund.order_id)}, which has not arrived yet`);
        const normalized = normalizeRefund(refund, order.currencyCode);
        await applyRefunds(tx, event.shop, order.orderId, [normalized]);
        await refreshRollups(tx, event.shop, [normalized.createdAt]);
      } else {
        await applyOrders(tx, event.shop, [normalizeOrder(shopifyOrderSchema.parse(event.payload))], { incremental: true });
      }
      // Processed: the raw payload (with the customer's details) is no longer needed.
      await tx.orderEvent.update({ where: { webhookId }, data: { processedAt: new Date(), attempts: { increment: 1 }, lastError: null, payload: {} } });
      return "processed";
    });
  } catch (error) {
    await prisma.orderEvent.updateMany({ where: { webhookId }, data: { attempts: { increment: 1 }, lastError: String(error) } });
    throw error;
  }
}

/** Runs the order-event worker on this process until the queue stops, sweeping for stranded events every minute. */
export async function workOrderEvents(prisma: PrismaClient, queue: PgBoss, options: { batchSize?: number; pollingIntervalSeconds?: number } = {}) {
  const sweep = setInterval(() => void requeueStrandedEvents(prisma, queue, new Date()).catch((error: unknown) => console.error("[sweep]", error)), STRANDED_AFTER_MS);
  sweep.unref();
  queue.once("stopped", () => clearInterval(sweep));
  return queue.work(
    ORDER_EVENTS_QUEUE,
    { batchSize: options.batchSize ?? 10, pollingIntervalSeconds: options.pollingIntervalSeconds ?? 0.5 },
    async (jobs) => {
      for (const job of jobs) await processOrderEvent(prisma, orderEventJobSchema.parse(job.data).webhookId);
    },
  );
}
