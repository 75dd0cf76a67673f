// The storefront blocks' server side, through the app proxy as Shopify forwards it (signed query): what a cart
// qualifies for and what to suggest, and the events the blocks report.
import { API_SECRET_KEY, RequestType, setUpValidRequest } from "@shopify/shopify-api/test-helpers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/db.server";
import type { EngineOffer } from "../../app/domain/engine/types";
import { action as proxyCart } from "../../app/routes/proxy.cart";
import { action as proxyEvents } from "../../app/routes/proxy.events";
import type { CartOffersView } from "../../app/services/cart-offers.server";

// The routes reach the shop through the Shopify adapter; here the seeded store stands in for Shopify.
vi.mock("../../app/shop-data/shopify-adapter.server", async () => {
  const { createDemoShopData: demo } = await import("../../app/shop-data/demo-adapter.server");
  const { prisma: client } = await import("../../app/db.server");
  return { createShopifyShopData: (shop: string) => demo(shop, client) };
});

const STORE = "blocks";
const SHOP = `${STORE}.myshopify.com`;
const P = (n: number) => `gid://shopify/Product/${n}`;
const V = (n: number) => `gid://shopify/ProductVariant/${n}`;
const EVERYWHERE = { product: true, order: true, shipping: true };

const OFFERS: EngineOffer[] = [
  {
    id: "kit", title: "Pour-over kit", status: "active", priority: 1, combinesWith: EVERYWHERE, kind: "fixed_bundle",
    items: [{ selector: { productIds: [P(1)] }, quantity: 1 }, { selector: { productIds: [P(2)] }, quantity: 1 }], reward: { type: "percentage", basisPoints: 1000 }, maxApplications: 1,
  },
  { id: "tiers", title: "Free shipping over $75", status: "active", priority: 0, combinesWith: EVERYWHERE, kind: "spend_tiers", tiers: [{ minSubtotalMinor: 7500, freeShipping: true }] },
  { id: "mugs", title: "Mugs go with coffee", status: "active", priority: 0, combinesWith: EVERYWHERE, kind: "cart_rule", actions: [{ type: "suggest", productIds: [P(4), P(3)] }] },
];

beforeAll(async () => {
  await prisma.demoShop.create({ data: { shop: SHOP, name: "Blocks", currencyCode: "USD", ianaTimezone: "UTC", primaryLocale: "en", locales: ["en"], seedVersion: 1 } });
  const products: [number, string, number, number][] = [[1, "Dripper", 3500, 10], [2, "Filters", 1200, 10], [3, "Kettle", 6000, 10], [4, "Sold-out mug", 1500, 0]];
  for (const [n, title, price, stock] of products) {
    await prisma.demoProduct.create({
      data: {
        shop: SHOP, id: P(n), title, handle: `p${n}`, vendor: "V", productType: title, tags: [], status: "ACTIVE", publishedOnlineStore: true, createdAt: new Date(),
        variants: { create: [{ id: V(n), title: "Default Title", sku: `S${n}`, priceMinor: price, inventoryQuantity: stock, inventoryPolicy: "DENY", position: 1 }] },
      },
    });
  }
  for (const offer of OFFERS) {
    await prisma.offer.create({ data: { shop: SHOP, id: offer.id, kind: offer.kind, title: offer.title, status: offer.status, priority: offer.priority, definition: offer, texts: {} } });
  }
  await prisma.session.create({ data: { id: `offline_${SHOP}`, shop: SHOP, state: "", isOnline: false, accessToken: "token", scope: "read_products" } });
});

const signed = (path: string, body: string, store = STORE) =>
  setUpValidRequest({ type: RequestType.Public, store, apiSecretKey: API_SECRET_KEY }, new Request(`https://pairwise.test/proxy/${path}`, { method: "POST", body, headers: { "Content-Type": "application/json" } }));

async function call(handler: typeof proxyCart, request: Request): Promise<Response> {
  try {
    return await handler({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const cartBody = (lines: [number, number][], currency = "USD", presentmentRate = "1") =>
  JSON.stringify({ currency, presentmentRate, lines: lines.map(([n, quantity]) => ({ variantId: n * 1, productId: n, quantity, unitPriceMinor: { 1: 3500, 2: 1200, 3: 6000, 4: 1500 }[n]! * Number(presentmentRate) })) });

describe("cart offers through the app proxy", () => {
  it("shows the progress to the next tier, the nudge to complete a bundle and only buyable suggestions", async () => {
    const response = await call(proxyCart, await signed("cart", cartBody([[1, 1]])));
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("private, no-store");
    const view = (await response.json()) as CartOffersView;
    expect(view.progress).toMatchObject({ offerId: "tiers", subtotalMinor: 3500, targetMinor: 7500, remainingMinor: 4000, freeShipping: true });
    expect(view.nudges).toContainEqual(expect.objectContaining({ type: "complete_bundle", offerId: "kit", productIds: [P(2)] }));
    // The sold-out mug is never suggested; the bundle's missing item comes first (its offer has priority).
    expect(view.suggestions.map((s) => [s.offerId, s.title, s.handle, s.price.amountMinor])).toEqual([["kit", "Filters", "p2", 1200], ["mugs", "Kettle", "p3", 6000]]);
    expect(view.appliedOffers).toEqual([]);
  });

  it("says what the complete bundle saves, as checkout will apply it", async () => {
    const view = (await (await call(proxyCart, await signed("cart", cartBody([[1, 1], [2, 1]])))).json()) as CartOffersView;
    expect(view.appliedOffers).toEqual([{ offerId: "kit", title: "Pour-over kit", savingMinor: 470 }]);
    expect(view).toMatchObject({ subtotalMinor: 4700, discountedSubtotalMinor: 4230, savingMinor: 470 });
  });

  it("answers in the shopper's currency", async () => {
    const view = (await (await call(proxyCart, await signed("cart", cartBody([[1, 1]], "EUR", "0.92")))).json()) as CartOffersView;
    expect(view.currency).toBe("EUR");
    expect(view.progress).toMatchObject({ subtotalMinor: 3220, targetMinor: 6900, remainingMinor: 3680 });
    expect(view.suggestions[0]?.price).toEqual({ amountMinor: 1104, currency: "EUR" });
  });

  it("refuses forged and unsigned requests, says what is wrong with a bad cart, and refuses oversized bodies", async () => {
    const forged = new URL((await signed("cart", "{}")).url);
    forged.searchParams.set("shop", "other.myshopify.com");
    expect((await call(proxyCart, new Request(forged, { method: "POST", body: cartBody([[1, 1]]) }))).status).toBe(400);
    expect((await call(proxyCart, new Request(`https://pairwise.test/proxy/cart?shop=${SHOP}`, { method: "POST", body: cartBody([[1, 1]]) }))).status).toBe(400);

    const bad = await call(proxyCart, await signed("cart", JSON.stringify({ currency: "usd", lines: [{ variantId: "x", productId: 1, quantity: 0, unitPriceMinor: 1 }] })));
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toBe(
      "currency: currency must be an ISO 4217 code; lines.0.variantId: a variant id; lines.0.quantity: quantity must be at least 1",
    );
    expect((await call(proxyCart, await signed("cart", "not json"))).status).toBe(400);
    expect((await call(proxyCart, await signed("cart", JSON.stringify({ currency: "USD", lines: [], padding: "x".repeat(70_000) })))).status).toBe(413);
    expect((await call(proxyCart, await signed("cart", cartBody([[1, 1]]), "stranger"))).status).toBe(404);
  });
});

describe("storefront events through the app proxy", () => {
  const event = (offerId: string, type: string, at = new Date()) => ({ offerId, type, placement: "product_page", at: at.toISOString() });
  const counts = async () =>
    prisma.offerEventBucket.groupBy({ by: ["offerId"], where: { shop: SHOP }, _sum: { impressions: true, clicks: true, adds: true, dismissals: true }, orderBy: { offerId: "asc" } });

  it("counts a batch for the shop's offers and its recommendations, leaving out unknown offers and stale events", async () => {
    const batch = [
      event("kit", "impression"), event("kit", "impression"), event("kit", "click"), event("kit", "add"), event("recommended", "dismiss"),
      event("someone-elses-offer", "click"), event("kit", "add", new Date(Date.now() - 3 * 86_400_000)),
    ];
    const response = await call(proxyEvents, await signed("events", JSON.stringify({ events: batch })));
    expect(response.status).toBe(202);
    expect(await response.json()).toEqual({ recorded: 5 });
    expect((await counts()).map((row) => [row.offerId, row._sum])).toEqual([
      ["kit", { impressions: 2, clicks: 1, adds: 1, dismissals: 0 }],
      ["recommended", { impressions: 0, clicks: 0, adds: 0, dismissals: 1 }],
    ]);
  });

  it("refuses a batch over the limit or with a malformed event, counting none of it", async () => {
    const before = await counts();
    const tooMany = await call(proxyEvents, await signed("events", JSON.stringify({ events: Array.from({ length: 101 }, () => event("kit", "click")) })));
    expect(tooMany.status).toBe(400);
    const malformed = await call(proxyEvents, await signed("events", JSON.stringify({ events: [event("kit", "click"), { ...event("kit", "click"), type: "purchase" }] })));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { error: string }).error).toMatch(/^events\.1\.type: /);
    expect(await counts()).toEqual(before);
  });
});
