// Frequently bought together from the shop's own orders: the history import, the rebuild, the admin's overrides, and
// bundles from pairs.
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/db.server";
import { requireAdmin } from "../../app/services/admin-context.server";
import { recommendFor } from "../../app/services/recommendations.server";
import { rebuildRecommendations } from "../../app/services/recommendation-rebuild.server";
import { runBackfill, requestBackfill } from "../../app/services/order-backfill.server";
import { createDemoShopData } from "../../app/shop-data/demo-adapter.server";
import * as route from "../../app/routes/app.recommendations";
import { findOffer } from "../../app/models/offer.server";
import { processOrderEvent } from "../../app/services/order-pipeline.server";
import { shopifyOrderPayload } from "../support/orders";
import { API_SECRET_KEY, RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { loader as proxyRecommendations } from "../../app/routes/proxy.recommendations";

vi.mock("../../app/services/admin-context.server", () => ({ requireAdmin: vi.fn() }));
// The storefront route reaches the shop through the Shopify adapter; here the seeded store stands in for Shopify.
vi.mock("../../app/shop-data/shopify-adapter.server", async () => {
  const { createDemoShopData: demo } = await import("../../app/shop-data/demo-adapter.server");
  const { prisma: client } = await import("../../app/db.server");
  return { createShopifyShopData: (shop: string) => demo(shop, client) };
});

const SHOP = "fbt.myshopify.com";
const P = (n: number) => `gid://shopify/Product/${n}`;

async function seedStore(shop: string) {
  await prisma.demoShop.create({ data: { shop, name: "FBT", currencyCode: "USD", ianaTimezone: "UTC", primaryLocale: "en", locales: ["en"], seedVersion: 2 } });
  const products: [number, string, number, number][] = [
    [1, "Dripper", 3500, 10],
    [2, "Filters", 1200, 10],
    [3, "Kettle", 6000, 10],
    [4, "Sold-out mug", 1500, 0],
  ];
  for (const [n, title, price, stock] of products) {
    await prisma.demoProduct.create({
      data: {
        shop, id: P(n), title, handle: `p${n}`, vendor: "V", productType: title, tags: [], status: "ACTIVE", publishedOnlineStore: true, createdAt: new Date(),
        variants: { create: [{ id: `gid://shopify/ProductVariant/${n}`, title: "Default Title", sku: `S${n}`, priceMinor: price, inventoryQuantity: stock, inventoryPolicy: "DENY", position: 1 }] },
      },
    });
  }
  // 20 orders of an unrelated product keep the dripper's pairs well above chance.
  const baskets = [...Array(8).fill([1, 2]), ...Array(4).fill([1, 3]), ...Array(5).fill([1, 4]), [2], [3], ...Array(20).fill([5]), Array.from({ length: 60 }, (_, i) => 100 + i)];
  let line = 0;
  for (const [index, basket] of baskets.entries()) {
    const id = `gid://shopify/Order/${index + 1}`;
    await prisma.demoOrder.create({
      data: {
        shop, id, name: `#${index + 1}`, createdAt: new Date(), updatedAt: new Date(Date.UTC(2026, 0, 1, 0, index)), currencyCode: "USD",
        subtotalMinor: 1000, totalDiscountMinor: 0, test: false,
        lines: { create: (basket as number[]).map((n) => ({ id: `gid://shopify/LineItem/${(line += 1)}`, productId: P(n), variantId: `gid://shopify/ProductVariant/${n}`, title: "x", quantity: 1, unitPriceMinor: 1000, discountMinor: 0, properties: {} })) },
      },
    });
  }
  // A test order and a cancelled one never count.
  for (const [id, extra] of [["gid://shopify/Order/900", { test: true }], ["gid://shopify/Order/901", { cancelledAt: new Date() }]] as const) {
    await prisma.demoOrder.create({
      data: {
        shop, id, name: id, createdAt: new Date(), updatedAt: new Date(), currencyCode: "USD", subtotalMinor: 1, totalDiscountMinor: 0, ...extra,
        lines: { create: [3, 2].map((n) => ({ id: `gid://shopify/LineItem/${id.split("/").at(-1)}${n}`, productId: P(n), variantId: `gid://shopify/ProductVariant/${n}`, title: "x", quantity: 1, unitPriceMinor: 1, discountMinor: 0, properties: {} })) },
      },
    });
  }
}

beforeAll(async () => {
  await seedStore(SHOP);
  vi.mocked(requireAdmin).mockResolvedValue({ shop: SHOP, shopData: createDemoShopData(SHOP, prisma), embedded: false });
});

describe("frequently bought together", () => {
  it("rebuilds from the imported order history, counting only real orders and capping very large ones", async () => {
    await requestBackfill(prisma, SHOP, new Date());
    const backfill = await runBackfill(prisma, createDemoShopData(SHOP, prisma));
    expect(backfill).toMatchObject({ status: "finished", ordersTotal: 42, ordersImported: 42, linesRead: 42 + 8 * 2 + 4 * 2 + 5 * 2 + 2 + 20 + 60 + 2 * 2 });
    await rebuildRecommendations(prisma, SHOP, new Date());
    const run = await prisma.recommendationRun.findFirstOrThrow({ where: { shop: SHOP } });
    expect(run).toMatchObject({ status: "finished", ordersRead: 40, ordersTotal: 40, cappedOrders: 1 });
    const complements = await prisma.productComplement.findMany({ where: { shop: SHOP, productId: P(1) }, orderBy: { rank: "asc" } });
    // Dripper: 17 orders; with filters 8, with the sold-out mug 5, with the kettle 4.
    // (Confidence is compared to 12 places: PostgreSQL's float text form drops the last digit.)
    expect(complements.map((c) => [c.complementId, c.pairCount, c.confidence.toFixed(12)])).toEqual([
      [P(2), 8, (8 / 17).toFixed(12)],
      [P(4), 5, (5 / 17).toFixed(12)],
      [P(3), 4, (4 / 17).toFixed(12)],
    ]);
  });

  it("suggests buyable complements, respecting the merchant's pins and exclusions", async () => {
    const shopData = createDemoShopData(SHOP, prisma);
    expect((await recommendFor(SHOP, shopData, [P(1)])).map((r) => r.productId)).toEqual([P(2), P(3)]);
    await route.action({ request: post({ intent: "pin", productId: P(1), complementId: P(3) }), params: {}, context: {} });
    await route.action({ request: post({ intent: "exclude", productId: P(1), complementId: P(2) }), params: {}, context: {} });
    expect((await recommendFor(SHOP, shopData, [P(1)])).map((r) => [r.productId, r.pinned])).toEqual([[P(3), true]]);
    await route.action({ request: post({ intent: "none", productId: P(1), complementId: P(2) }), params: {}, context: {} });
    expect((await recommendFor(SHOP, shopData, [P(1)])).map((r) => r.productId)).toEqual([P(3), P(2)]);
    // Another shop's data is not consulted.
    expect(await recommendFor("other.myshopify.com", shopData, [P(1)])).toEqual([]);
  });

  it("follows new orders between rebuilds: a pair bought together three more times becomes a complement", async () => {
    const before = await prisma.productComplement.findMany({ where: { shop: SHOP, productId: P(3) } });
    expect(before.map((c) => c.complementId)).not.toContain(P(2));
    const lines = [
      { id: 1, product_id: 2, variant_id: 2, quantity: 1, price: "12.00", properties: [] },
      { id: 2, product_id: 3, variant_id: 3, quantity: 1, price: "60.00", properties: [] },
    ];
    for (const n of [1, 2, 3, 4]) {
      const webhookId = `incremental-${n}`;
      const payload = shopifyOrderPayload(5000 + n, { line_items: lines.map((line) => ({ ...line, id: 90_000 + n * 10 + line.id })), test: n === 4 });
      await prisma.orderEvent.create({ data: { shop: SHOP, webhookId, topic: "ORDERS_CREATE", payload } });
      await processOrderEvent(prisma, webhookId);
    }
    const kettle = await prisma.productComplement.findMany({ where: { shop: SHOP, productId: P(3) }, orderBy: { rank: "asc" } });
    // Kettle: in 4 orders before (with the dripper) + 1 alone + 3 new = 8 (the test order does not count).
    expect(kettle.find((c) => c.complementId === P(2))).toMatchObject({ pairCount: 3, confidence: 3 / 8 });
    expect((await prisma.productStatTotal.findUniqueOrThrow({ where: { shop: SHOP } })).orderCount).toBe(40 + 3);
  });

  it("shows the admin the top products with their complements, and turns a pair into a draft bundle", async () => {
    const page = await route.loader({ request: new Request("https://pairwise.test/app/recommendations"), params: {}, context: {} });
    const dripper = page.products.find((entry) => entry.product.id === P(1));
    expect(dripper).toMatchObject({ product: { title: "Dripper" }, orderCount: 17 });
    expect(dripper?.complements[0]).toMatchObject({ title: "Filters", pairCount: 8 });
    const response = (await route.action({ request: post({ intent: "bundle", productId: P(1), complementId: P(2) }), params: {}, context: {} })) as Response;
    const id = /\/app\/offers\/([^?]+)/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";
    expect((await findOffer(SHOP, id))?.offer).toMatchObject({ kind: "fixed_bundle", title: "Dripper + Filters", status: "draft" });
    expect(await route.action({ request: post({ intent: "pin", productId: "bogus", complementId: P(2) }), params: {}, context: {} })).toEqual({
      ok: false,
      error: "That action needs a product and its complement.",
    });
  });
});

describe("storefront recommendations through the app proxy", () => {
  const STORE = "fbt";
  const proxied = (query: string) => setUpValidRequest({ type: RequestType.Public, store: STORE, apiSecretKey: API_SECRET_KEY }, new Request(`https://pairwise.test/proxy/recommendations?${query}`));
  const call = async (request: Request) => {
    try {
      return await proxyRecommendations({ request, params: {}, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };

  it("answers a signed request with buyable complements and their prices, and refuses a forged one", async () => {
    await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "token", scope: "read_products,read_orders,write_discounts" } });
    const response = await call(await proxied("product_ids=1"));
    expect(response.status).toBe(200);
    const body = (await response.json()) as { recommendations: { productId: string; title: string; price: unknown }[] };
    expect(body.recommendations[0]).toMatchObject({ productId: P(3), title: "Kettle", price: { amountMinor: 6000, currency: "USD" }, pinned: true });

    const forged = new URL((await proxied("product_ids=1")).url);
    forged.searchParams.set("product_ids", "1,2");
    expect((await call(new Request(forged))).status).toBe(400);
    expect((await call(new Request(`https://pairwise.test/proxy/recommendations?shop=${SHOP}&product_ids=1`))).status).toBe(400);
  });

  it("explains a malformed query, and says when the shop has not installed the app", async () => {
    const bad = await call(await proxied("product_ids=1,kettle"));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "a product id" });
    const missing = await call(await proxied("other=1"));
    expect(await missing.json()).toEqual({ error: "product_ids is required" });
    const notInstalled = await call(await setUpValidRequest({ type: RequestType.Public, store: "stranger", apiSecretKey: API_SECRET_KEY }, new Request("https://pairwise.test/proxy/recommendations?product_ids=1")));
    expect(notInstalled.status).toBe(404);
  });
});

function post(fields: Record<string, string>) {
  return new Request("https://pairwise.test/app/recommendations", { method: "POST", body: new URLSearchParams(fields) });
}
