// Orders in, exactly once: signed webhooks are stored with their job in one transaction, and the worker turns each
// event into order facts once, in Shopify's order of updates, retrying failures and keeping what keeps failing.
import { API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { prisma } from "../../app/db.server";
import { appQueue } from "../../app/jobs/app-queue.server";
import { customerKey, processOrderEvent, requeueStrandedEvents, workOrderEvents } from "../../app/services/order-pipeline.server";
import { action as ordersCreate } from "../../app/routes/webhooks.orders.create";
import { action as ordersUpdated } from "../../app/routes/webhooks.orders.updated";
import { action as refundsCreate } from "../../app/routes/webhooks.refunds.create";
import { shopifyOrderPayload } from "../support/orders";
import { webhookRequest } from "../support/webhooks";

const SHOP = "orders.myshopify.com";

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;
const deliver = async (action: Action, topic: string, payload: unknown, webhookId = crypto.randomUUID()) => {
  const request = webhookRequest({ path: `/webhooks/${topic}`, topic, shop: SHOP, body: JSON.stringify(payload), secret: API_SECRET_KEY, webhookId });
  return { response: await action({ request, params: {}, context: {} }), webhookId };
};

async function queuedJobs(): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'order-events'`);
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  await appQueue();
});

afterAll(async () => {
  await (await appQueue()).stop({ graceful: false, timeout: 1000 });
});

describe("order webhooks", () => {
  it("stores the event and its job at once, answers 200, and a replay adds neither", async () => {
    const jobsBefore = await queuedJobs();
    const first = await deliver(ordersCreate, "orders/create", shopifyOrderPayload(1));
    expect(first.response.status).toBe(200);
    const replay = await deliver(ordersCreate, "orders/create", shopifyOrderPayload(1), first.webhookId);
    expect(replay.response.status).toBe(200);
    expect(await prisma.orderEvent.count({ where: { webhookId: first.webhookId } })).toBe(1);
    expect(await queuedJobs()).toBe(jobsBefore + 1);
    const event = await prisma.orderEvent.findUniqueOrThrow({ where: { webhookId: first.webhookId } });
    expect(event).toMatchObject({ shop: SHOP, topic: "ORDERS_CREATE", processedAt: null });
    expect(JSON.stringify(event.payload)).toContain("line_items");
  });

  it("turns an event into order facts once, in minor units, with a customer key instead of the customer", async () => {
    const { webhookId } = await deliver(ordersCreate, "orders/create", shopifyOrderPayload(2));
    expect(await processOrderEvent(prisma, webhookId)).toBe("processed");
    expect(await processOrderEvent(prisma, webhookId)).toBe("already-processed");
    const fact = await prisma.orderFact.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId: "gid://shopify/Order/2" } }, include: { lines: { orderBy: { lineId: "asc" } } } });
    expect(fact).toMatchObject({ name: "#1002", subtotalMinor: 5240, totalDiscountMinor: 524, customerKey: customerKey(SHOP, "gid://shopify/Customer/191167") });
    expect(fact.lines.map((line) => [line.productId, line.unitPriceMinor, line.discountMinor, line.properties])).toEqual([
      ["gid://shopify/Product/1", 3495, 350, { _pairwise_offer: "kit" }],
      ["gid://shopify/Product/2", 2269, 174, {}],
    ]);
    // The raw payload, with the customer's details, is not kept once processed.
    expect((await prisma.orderEvent.findUniqueOrThrow({ where: { webhookId } })).payload).toEqual({});
  });

  it("applies updates in Shopify's order: an older update arriving late changes nothing", async () => {
    const created = await deliver(ordersCreate, "orders/create", shopifyOrderPayload(3));
    const newer = await deliver(ordersUpdated, "orders/updated", shopifyOrderPayload(3, { updated_at: "2026-11-20T12:00:00Z", cancelled_at: "2026-11-20T12:00:00Z" }));
    const older = await deliver(ordersUpdated, "orders/updated", shopifyOrderPayload(3, { updated_at: "2026-11-20T11:00:00Z", name: "#stale" }));
    for (const { webhookId } of [created, newer, older]) await processOrderEvent(prisma, webhookId);
    const fact = await prisma.orderFact.findUniqueOrThrow({ where: { shop_orderId: { shop: SHOP, orderId: "gid://shopify/Order/3" } } });
    expect(fact.name).toBe("#1003");
    expect(fact.cancelledAt).toEqual(new Date("2026-11-20T12:00:00Z"));
  });

  it("a refund that arrives before its order fails, keeps its error, and applies once the order is there", async () => {
    const refund = { id: 77, order_id: 4, created_at: "2026-11-21T09:00:00Z", refund_line_items: [{ quantity: 1, subtotal: "34.95" }] };
    const early = await deliver(refundsCreate, "refunds/create", refund);
    await expect(processOrderEvent(prisma, early.webhookId)).rejects.toThrow("has not arrived yet");
    expect(await prisma.orderEvent.findUniqueOrThrow({ where: { webhookId: early.webhookId } })).toMatchObject({ processedAt: null, attempts: 1, lastError: expect.stringContaining("has not arrived yet") });

    const order = await deliver(ordersCreate, "orders/create", shopifyOrderPayload(4, { refunds: [refund] }));
    await processOrderEvent(prisma, order.webhookId);
    expect(await processOrderEvent(prisma, early.webhookId)).toBe("processed");
    // Listed in the order and delivered on its own: one refund.
    expect(await prisma.orderRefund.findMany({ where: { shop: SHOP, orderId: "gid://shopify/Order/4" }, select: { amountMinor: true } })).toEqual([{ amountMinor: 3495 }]);
  });

  it("keeps an event that cannot be processed, with its payload and error, for inspection", async () => {
    const { webhookId } = await deliver(ordersCreate, "orders/create", { id: 5, name: "#broken" });
    await expect(processOrderEvent(prisma, webhookId)).rejects.toThrow();
    const event = await prisma.orderEvent.findUniqueOrThrow({ where: { webhookId } });
    expect(event.processedAt).toBeNull();
    expect(event.lastError).toBeTruthy();
    expect(event.payload).toMatchObject({ id: 5, name: "#broken" });
  });

  it("answers 400 to an order webhook without an order id, storing nothing", async () => {
    const { response, webhookId } = await deliver(ordersCreate, "orders/create", { name: "no id" });
    expect(response.status).toBe(400);
    expect(await prisma.orderEvent.count({ where: { webhookId } })).toBe(0);
  });

  it("the worker processes queued events, and events stored but never queued are swept up", async () => {
    const queued = await deliver(ordersCreate, "orders/create", shopifyOrderPayload(6));
    // As if the process had stopped right after the commit, before queuing:
    await prisma.orderEvent.create({ data: { shop: SHOP, webhookId: "stranded-7", topic: "ORDERS_CREATE", payload: shopifyOrderPayload(7), receivedAt: new Date(Date.now() - 120_000) } });
    const queue = await appQueue();
    expect(await requeueStrandedEvents(prisma, queue, new Date())).toBeGreaterThanOrEqual(1);
    await workOrderEvents(prisma, queue, { pollingIntervalSeconds: 0.5 });
    const deadline = Date.now() + 20_000;
    while (Date.now() < deadline) {
      const pending = await prisma.orderEvent.count({ where: { webhookId: { in: [queued.webhookId, "stranded-7"] }, processedAt: null } });
      if (pending === 0) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    expect(await prisma.orderFact.count({ where: { shop: SHOP, orderId: { in: ["gid://shopify/Order/6", "gid://shopify/Order/7"] } } })).toBe(2);
  });
});
