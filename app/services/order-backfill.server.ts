import type { OrderBackfill, PrismaClient } from "@prisma/client";
import { assembleBulkOrders, BulkFormatError, type BulkOrder } from "../domain/orders/bulk-orders";
import type { Sleep } from "../shop-data/admin-graphql.server";
import { ShopDataError, type BulkOperation, type ShopDataPort } from "../shop-data/port";
import { applyOrders } from "./order-pipeline.server";
import { rebuildRollups } from "./rollups.server";

// Imports the shop's order history through a Bulk Operation. Takes the client as an argument (no web-app database
// import), so job workers can run it. Design: docs/decisions/0007-order-backfill.md.

/** Orders committed per transaction, together with the checkpoint that lets a restart resume after them. */
export const BACKFILL_BATCH = 250;
const POLL_MS = 2000;

export type BackfillStatus = "exporting" | "importing" | "finished" | "failed";

/** Records a new backfill unless one is under way (which then goes on); the caller queues its job. */
export async function requestBackfill(prisma: PrismaClient, shop: string, now: Date): Promise<void> {
  const current = await prisma.orderBackfill.findUnique({ where: { shop } });
  if (current && (current.status === "exporting" || current.status === "importing")) return;
  const fresh = { status: "exporting", operationId: null, resultUrl: null, ordersTotal: null, ordersExported: 0, linesRead: 0, ordersImported: 0, startedAt: now, finishedAt: null, error: null };
  await prisma.orderBackfill.upsert({ where: { shop }, create: { shop, ...fresh }, update: fresh });
}

export type BackfillRunOptions = { sleep?: Sleep; pollMs?: number; batchSize?: number };

const realSleep: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

/** A failure no retry can fix (Shopify failed the export, the file is malformed): the backfill stops with it. */
class BackfillFailure extends Error {}

/**
 * Runs (or resumes) the shop's backfill: starts the export if it has none, waits for Shopify to finish it, then
 * streams the file from the last checkpoint, committing orders in batches with the checkpoint. Transient errors
 * are thrown for the job queue to retry, which resumes from the checkpoint; permanent ones mark it failed.
 */
export async function runBackfill(prisma: PrismaClient, shopData: ShopDataPort, options: BackfillRunOptions = {}): Promise<OrderBackfill | null> {
  const shop = shopData.shop;
  const sleep = options.sleep ?? realSleep;
  const update = (data: Partial<OrderBackfill>) => prisma.orderBackfill.update({ where: { shop }, data });
  let backfill = await prisma.orderBackfill.findUnique({ where: { shop } });
  if (!backfill || backfill.status === "finished" || backfill.status === "failed") return backfill;
  try {
    if (backfill.status === "exporting") {
      const operation = await finishedExport(backfill, shopData, update, sleep, options.pollMs ?? POLL_MS);
      backfill = await update({ status: "importing", resultUrl: operation.url, ordersExported: operation.rootObjectCount, ordersTotal: operation.rootObjectCount });
    }
    backfill = await importExport(prisma, shopData, backfill, options.batchSize ?? BACKFILL_BATCH);
    await rebuildRollups(prisma, shop);
    return await update({ status: "finished", finishedAt: new Date(), error: null });
  } catch (error) {
    // Shopify's refusals (an expired file, missing access) and a malformed file do not get better with retries.
    if (error instanceof BackfillFailure || error instanceof BulkFormatError || error instanceof ShopDataError) return update({ status: "failed", error: error.message });
    await update({ error: `Retrying after: ${String(error)}` });
    throw error;
  }
}

async function finishedExport(
  backfill: OrderBackfill,
  shopData: ShopDataPort,
  update: (data: Partial<OrderBackfill>) => Promise<OrderBackfill>,
  sleep: Sleep,
  pollMs: number,
): Promise<BulkOperation & { url: string }> {
  let operationId = backfill.operationId;
  if (!operationId) {
    const ordersTotal = await shopData.countOrders();
    operationId = (await shopData.startOrdersExport()).id;
    await update({ operationId, ordersTotal });
  }
  for (;;) {
    const operation = await shopData.getBulkOperation(operationId);
    if (!operation) throw new BackfillFailure(`Shopify no longer knows the export ${operationId}`);
    await update({ ordersExported: operation.rootObjectCount });
    if (operation.status === "COMPLETED") {
      // An export with no orders has no file.
      return { ...operation, url: operation.url ?? "" };
    }
    if (operation.status === "FAILED" || operation.status === "CANCELED" || operation.status === "EXPIRED") {
      throw new BackfillFailure(`Shopify's export ended ${operation.status.toLowerCase()}${operation.errorCode ? ` (${operation.errorCode})` : ""}`);
    }
    await sleep(pollMs);
  }
}

async function importExport(prisma: PrismaClient, shopData: ShopDataPort, backfill: OrderBackfill, batchSize: number): Promise<OrderBackfill> {
  const shop = shopData.shop;
  if (!backfill.resultUrl) return backfill;
  let batch: BulkOrder[] = [];
  let checkpoint = backfill.linesRead;
  let current = backfill;
  const commit = async () => {
    const refunds = await shopData.getOrderRefunds(batch.filter((order) => order.refundIds.length > 0).map((order) => order.orderId));
    for (const order of batch) {
      order.refunds = refunds
        .filter((refund) => refund.orderId === order.orderId)
        .map((refund) => ({ refundId: refund.refundId, amountMinor: refund.amount.amountMinor, createdAt: refund.createdAt }));
    }
    const orders = batch;
    current = await prisma.$transaction(async (tx) => {
      await applyOrders(tx, shop, orders, { incremental: false });
      return tx.orderBackfill.update({ where: { shop }, data: { linesRead: checkpoint, ordersImported: { increment: orders.length } } });
    });
    batch = [];
  };
  for await (const { order, linesAfter } of assembleBulkOrders(shopData.readBulkOperationResult(backfill.resultUrl), backfill.linesRead)) {
    batch.push(order);
    checkpoint = linesAfter;
    if (batch.length >= batchSize) await commit();
  }
  if (batch.length > 0) await commit();
  return current;
}

export type BackfillProgress = {
  status: BackfillStatus;
  ordersTotal: number | null;
  ordersExported: number;
  ordersImported: number;
  startedAt: Date;
  finishedAt: Date | null;
  error: string | null;
};

export async function backfillProgress(prisma: PrismaClient, shop: string): Promise<BackfillProgress | null> {
  const row = await prisma.orderBackfill.findUnique({ where: { shop } });
  if (!row) return null;
  const status = (["exporting", "importing", "finished", "failed"] as const).find((known) => known === row.status) ?? "failed";
  return { status, ordersTotal: row.ordersTotal, ordersExported: row.ordersExported, ordersImported: row.ordersImported, startedAt: row.startedAt, finishedAt: row.finishedAt, error: row.error };
}
