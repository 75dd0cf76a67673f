// The order webhook routes under load: Shopify's library verifies each signature without loading the shop's session,
// concurrent webhooks share one insert of their events and one of their jobs, and each 200 still comes only after
// its own event is stored.
import { API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/db.server";
import { appQueue } from "../../app/jobs/app-queue.server";
import { requeueStrandedEvents } from "../../app/services/order-pipeline.server";
import { action as ordersCreate } from "../../app/routes/webhooks.orders.create";
import { shopifyOrderPayload } from "../support/orders";
import { webhookRequest } from "../support/webhooks";

const SHOP = "batching.myshopify.com";

const signed = (body: string, webhookId = crypto.randomUUID(), secret = API_SECRET_KEY) =>
  webhookRequest({ path: "/webhooks/orders/create", topic: "orders/create", shop: SHOP, body, secret, webhookId });
const post = (request: Request) => ordersCreate({ request, params: {}, context: {} });

async function jobsFor(webhookIds: string[]): Promise<number> {
  const rows = await prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'order-events' AND data->>'webhookId' = ANY($1)`, webhookIds);
  return Number(rows[0]?.n ?? 0);
}

beforeAll(async () => {
  await appQueue();
});

afterAll(async () => {
  await (await appQueue()).stop({ graceful: false, timeout: 1000 });
});

describe("order webhook signatures", () => {
  it("answers 401 to a wrong signature, 400 without Shopify's headers or with a body that is not JSON, 405 to a GET", async () => {
    const body = JSON.stringify(shopifyOrderPayload(100));
    expect((await post(signed(body, undefined, "not-the-secret"))).status).toBe(401);
    const tampered = signed(body);
    expect((await post(new Request(tampered.url, { method: "POST", headers: tampered.headers, body: body.replace("USD", "EUR") }))).status).toBe(401);
    const headerless = signed(body);
    headerless.headers.delete("X-Shopify-Webhook-Id");
    expect((await post(headerless)).status).toBe(400);
    expect((await post(signed("not json"))).status).toBe(400);
    expect((await post(new Request("https://pairwise.test/webhooks/orders/create"))).status).toBe(405);
    expect(await prisma.orderEvent.count({ where: { shop: SHOP } })).toBe(0);
  });

  it("does not read the shop's session", async () => {
    const sessions = vi.spyOn(prisma.session, "findUnique");
    expect((await post(signed(JSON.stringify(shopifyOrderPayload(101))))).status).toBe(200);
    expect(sessions).not.toHaveBeenCalled();
    sessions.mockRestore();
  });
});

describe("batched writes", () => {
  it("stores and queues each of many concurrent webhooks once, a concurrent replay included", async () => {
    const deliveries = Array.from({ length: 40 }, (_, index) => ({ id: crypto.randomUUID(), body: JSON.stringify(shopifyOrderPayload(200 + index)) }));
    const first = deliveries[0];
    if (!first) throw new Error("no delivery");
    const responses = await Promise.all([...deliveries, first].map(({ id, body }) => post(signed(body, id))));
    expect(responses.map((response) => response.status)).toEqual(Array(41).fill(200));
    const ids = deliveries.map(({ id }) => id);
    expect(await prisma.orderEvent.count({ where: { webhookId: { in: ids } } })).toBe(40);
    expect(await prisma.webhookDelivery.count({ where: { webhookId: { in: ids } } })).toBe(40);
    expect(await jobsFor(ids)).toBe(40);
  });

  it("fails only the webhook whose payload PostgreSQL refuses, not those written in the same batch", async () => {
    const good = [crypto.randomUUID(), crypto.randomUUID()];
    const bad = crypto.randomUUID();
    const outcomes = await Promise.allSettled([
      post(signed(JSON.stringify(shopifyOrderPayload(300)), good[0])),
      // A NUL character: jsonb refuses it.
      post(signed(JSON.stringify(shopifyOrderPayload(301, { name: "#\u0000" })), bad)),
      post(signed(JSON.stringify(shopifyOrderPayload(302)), good[1])),
    ]);
    expect(outcomes.map((outcome) => (outcome.status === "fulfilled" ? outcome.value.status : "error"))).toEqual([200, "error", 200]);
    expect(await prisma.orderEvent.count({ where: { webhookId: { in: good } } })).toBe(2);
    expect(await prisma.orderEvent.count({ where: { webhookId: bad } })).toBe(0);
  });

  it("answers 200 once the event is stored even when its job cannot be inserted, and the sweep queues it later", async () => {
    const queue = await appQueue();
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const insert = vi.spyOn(queue, "insert").mockRejectedValueOnce(new Error("queue unavailable"));
    const webhookId = crypto.randomUUID();
    expect((await post(signed(JSON.stringify(shopifyOrderPayload(400)), webhookId))).status).toBe(200);
    insert.mockRestore();
    logged.mockRestore();
    expect(await prisma.orderEvent.count({ where: { webhookId } })).toBe(1);
    expect(await jobsFor([webhookId])).toBe(0);
    await requeueStrandedEvents(prisma, queue, new Date(Date.now() + 120_000));
    expect(await jobsFor([webhookId])).toBe(1);
  });
});
