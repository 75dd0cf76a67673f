// The order-history import: a Bulk Operation exported, polled, streamed and committed in batches with a checkpoint,
// so an interrupted import resumes where it stopped, with no order lost or counted twice; and the jobs that run it.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/db.server";
import { appQueue } from "../../app/jobs/app-queue.server";
import { startWorkers } from "../../app/jobs/workers.server";
import { requireAdmin } from "../../app/services/admin-context.server";
import { runBackfill, requestBackfill } from "../../app/services/order-backfill.server";
import { createDemoShopData } from "../../app/shop-data/demo-adapter.server";
import type { BulkOperation, ShopDataPort } from "../../app/shop-data/port";
import * as route from "../../app/routes/app.recommendations";

vi.mock("../../app/services/admin-context.server", () => ({ requireAdmin: vi.fn() }));

const ORDERS = 130;

async function seedOrders(shop: string) {
  await prisma.demoShop.create({ data: { shop, name: shop, currencyCode: "USD", ianaTimezone: "UTC", primaryLocale: "en", locales: ["en"], seedVersion: 2 } });
  const start = Date.UTC(2026, 5, 1);
  await prisma.demoOrder.createMany({
    data: Array.from({ length: ORDERS }, (_, i) => ({
      shop, id: `gid://shopify/Order/${shop.length}${i + 1}`, name: `#${i + 1}`, createdAt: new Date(start + i * 3_600_000), updatedAt: new Date(start + i * 3_600_000),
      currencyCode: "USD", subtotalMinor: 2 * 1500, totalDiscountMinor: 0, customerId: `gid://shopify/Customer/${i % 40}`,
    })),
  });
  await prisma.demoOrderLine.createMany({
    data: Array.from({ length: ORDERS }, (_, i) =>
      [1, 2].map((n) => ({
        shop, id: `gid://shopify/LineItem/${shop.length}${i + 1}0${n}`, orderId: `gid://shopify/Order/${shop.length}${i + 1}`,
        productId: `gid://shopify/Product/${n}`, variantId: `gid://shopify/ProductVariant/${n}`, title: "x", quantity: 1, unitPriceMinor: 1500, discountMinor: 0,
        properties: n === 2 ? { _pairwise_offer: "kit" } : {},
      })),
    ).flat(),
  });
}

/** The demo store, with its export's file cut off after `failAfterLines` lines (a dropped connection, a killed process). */
function interrupted(shopData: ShopDataPort, failAfterLines: number): ShopDataPort {
  return {
    ...shopData,
    async *readBulkOperationResult(url) {
      let lines = 0;
      for await (const line of shopData.readBulkOperationResult(url)) {
        if ((lines += 1) > failAfterLines) throw new Error("socket hang up");
        yield line;
      }
    },
  };
}

const noSleep = async () => undefined;

afterAll(async () => {
  await (await appQueue()).stop({ graceful: false, timeout: 1000 });
});

describe("order backfill", () => {
  const SHOP = "backfill.myshopify.com";
  beforeAll(() => seedOrders(SHOP));

  it("resumes an interrupted import from its checkpoint: every order stored once, the count exact", async () => {
    const shopData = createDemoShopData(SHOP, prisma);
    await requestBackfill(prisma, SHOP, new Date());
    // Cut off in the middle of the 45th order (each order is 3 lines): two batches of 20 were committed.
    await expect(runBackfill(prisma, interrupted(shopData, 3 * 44 + 2), { batchSize: 20 })).rejects.toThrow("socket hang up");
    const stopped = await prisma.orderBackfill.findUniqueOrThrow({ where: { shop: SHOP } });
    expect(stopped).toMatchObject({ status: "importing", ordersImported: 40, linesRead: 120, ordersTotal: ORDERS });
    expect(stopped.error).toContain("socket hang up");
    expect(await prisma.orderFact.count({ where: { shop: SHOP } })).toBe(40);

    const finished = await runBackfill(prisma, shopData, { batchSize: 20 });
    expect(finished).toMatchObject({ status: "finished", ordersImported: ORDERS, linesRead: 3 * ORDERS, error: null });
    expect(await prisma.orderFact.count({ where: { shop: SHOP } })).toBe(ORDERS);
    expect(await prisma.orderLineFact.count({ where: { shop: SHOP } })).toBe(2 * ORDERS);
    const fact = await prisma.orderFact.findFirstOrThrow({ where: { shop: SHOP, name: "#7" }, include: { lines: { orderBy: { lineId: "asc" } } } });
    expect(fact).toMatchObject({ subtotalMinor: 3000, currencyCode: "USD", test: false });
    expect(fact.customerKey).toMatch(/^[0-9a-f]{64}$/);
    expect(fact.lines.map((line) => line.properties)).toEqual([{}, { _pairwise_offer: "kit" }]);
    // A finished import is not run again by a stray job.
    expect(await runBackfill(prisma, shopData)).toMatchObject({ status: "finished" });
  });

  it("waits for Shopify to finish the export, showing its count, and resumes polling the same export after a restart", async () => {
    const shop = "polling.myshopify.com";
    await seedOrders(shop);
    const demo = createDemoShopData(shop, prisma);
    const statuses: BulkOperation["status"][] = ["RUNNING", "RUNNING", "COMPLETED"];
    const started = vi.fn(demo.startOrdersExport);
    const exportedSeen: number[] = [];
    const shopData: ShopDataPort = {
      ...demo,
      startOrdersExport: started,
      async getBulkOperation(id) {
        const operation = await demo.getBulkOperation(id);
        const status = statuses.shift() ?? "COMPLETED";
        exportedSeen.push((await prisma.orderBackfill.findUniqueOrThrow({ where: { shop } })).ordersExported);
        return operation && { ...operation, status, rootObjectCount: status === "COMPLETED" ? operation.rootObjectCount : 50, url: status === "COMPLETED" ? operation.url : null };
      },
    };
    await requestBackfill(prisma, shop, new Date());
    const sleep = vi.fn(async () => {
      if (sleep.mock.calls.length === 1) throw new Error("process stopped");
    });
    await expect(runBackfill(prisma, shopData, { sleep })).rejects.toThrow("process stopped");
    expect(await prisma.orderBackfill.findUniqueOrThrow({ where: { shop } })).toMatchObject({ status: "exporting", ordersExported: 50 });
    expect(await runBackfill(prisma, shopData, { sleep: noSleep })).toMatchObject({ status: "finished", ordersImported: ORDERS });
    expect(started).toHaveBeenCalledTimes(1);
    expect(exportedSeen).toEqual([0, 50, 50]);
  });

  it("stops with Shopify's reason when the export fails", async () => {
    const shop = "failing.myshopify.com";
    await seedOrders(shop);
    const demo = createDemoShopData(shop, prisma);
    const shopData: ShopDataPort = { ...demo, getBulkOperation: async (id) => ({ id, status: "FAILED", rootObjectCount: 0, url: null, errorCode: "ACCESS_DENIED" }) };
    await requestBackfill(prisma, shop, new Date());
    expect(await runBackfill(prisma, shopData, { sleep: noSleep })).toMatchObject({ status: "failed", error: "Shopify's export ended failed (ACCESS_DENIED)" });
    expect(await prisma.orderFact.count({ where: { shop } })).toBe(0);
  });

  it("runs from the admin through the job queue: import, then a rebuild, with progress on the page", async () => {
    const shop = "queued.myshopify.com";
    await seedOrders(shop);
    vi.mocked(requireAdmin).mockResolvedValue({ shop, shopData: createDemoShopData(shop, prisma), embedded: false });
    const queue = await appQueue();
    await startWorkers(prisma, queue, async (name) => createDemoShopData(name, prisma));
    const post = (intent: string) => route.action({ request: new Request("https://pairwise.test/app/recommendations", { method: "POST", body: new URLSearchParams({ intent }) }), params: {}, context: {} });
    const load = () => route.loader({ request: new Request("https://pairwise.test/app/recommendations"), params: {}, context: {} });

    expect(await post("backfill")).toEqual({ ok: true });
    expect((await load()).backfill).toMatchObject({ status: expect.stringMatching(/exporting|importing|finished/) });
    await vi.waitFor(async () => expect((await load()).run).toMatchObject({ status: "finished", ordersRead: ORDERS }), { timeout: 20_000, interval: 200 });
    const page = await load();
    expect(page.backfill).toMatchObject({ status: "finished", ordersImported: ORDERS, ordersTotal: ORDERS });
    expect(page.products.map((entry) => entry.product.id)).toEqual(["gid://shopify/Product/1", "gid://shopify/Product/2"]);

    // Asking for a rebuild lists it as queued at once; the worker then runs it.
    expect(await post("rebuild")).toEqual({ ok: true });
    expect((await load()).run?.status).toMatch(/queued|running|finished/);
    await vi.waitFor(async () => expect((await load()).run?.status).toBe("finished"), { timeout: 20_000, interval: 200 });
  });
});
