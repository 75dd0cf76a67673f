// The checkout extension's endpoints: only requests with a session token signed by Shopify for this app get an
// answer; CORS for Shopify's checkout origin; clear 400s; offers from the real engine on the shop's data.
import { API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/db.server";
import { action as eventsAction } from "../../app/routes/api.checkout.events";
import { action as offersAction } from "../../app/routes/api.checkout.offers";
import { action as recommendationsAction } from "../../app/routes/api.checkout.recommendations";
import { saveSettings } from "../../app/models/settings.server";
import { DEFAULT_SETTINGS } from "../../app/domain/settings-form";
import { P, V, seedCheckoutShop, type CheckoutShop } from "../support/checkout-shop";
import { checkoutSessionToken } from "../support/session-tokens";

// The routes reach the shop through the Shopify adapter; here the seeded store stands in for Shopify.
vi.mock("../../app/shop-data/shopify-adapter.server", async () => {
  const { createDemoShopData } = await import("../../app/shop-data/demo-adapter.server");
  const { prisma: client } = await import("../../app/db.server");
  return { createShopifyShopData: (shop: string) => createDemoShopData(shop, client) };
});

const SHOP = "checkout-api.myshopify.com";
const ORIGIN = "https://extensions.shopifycdn.com";
let seeded: CheckoutShop;

beforeAll(async () => {
  seeded = await seedCheckoutShop(SHOP);
});

type Route = typeof offersAction;
async function call(route: Route, init: { token?: string | null; body?: unknown; method?: string; rawBody?: string }): Promise<Response> {
  const headers = new Headers({ Origin: ORIGIN, "Content-Type": "application/json" });
  if (init.token !== null) headers.set("Authorization", `Bearer ${init.token ?? checkoutSessionToken(SHOP)}`);
  const method = init.method ?? "POST";
  const request = new Request("https://pairwise.test/api/checkout/offers", {
    method,
    headers,
    ...(method === "POST" ? { body: init.rawBody ?? JSON.stringify(init.body) } : {}),
  });
  try {
    return await route({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const dripperCart = { currency: "USD", lines: [{ variantId: V(1), productId: P(1), quantity: 1, unitPriceMinor: 3500 }] };

describe("POST /api/checkout/offers", () => {
  it("answers a valid session token with the offers that fit the cart, in stock and placed at checkout", async () => {
    const response = await call(offersAction, { body: dripperCart });
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const view = await response.json();
    // The sold-out mug and the thank-you-only sleeve are left out.
    expect(view.suggestions.map((s: { offerId: string; productId: string }) => [s.offerId, s.productId])).toEqual([
      [seeded.bundleId, P(2)],
      [seeded.kettleRuleId, P(3)],
    ]);
    expect(view).toMatchObject({ currency: "USD", savingMinor: 0, progress: { offerId: seeded.tiersId, remainingMinor: 6500 }, maxOffersShown: 3, dismissalDays: 30 });
  });

  it("says what the applied bundle saves", async () => {
    const cart = { currency: "USD", lines: [...dripperCart.lines, { variantId: V(2), productId: P(2), quantity: 1, unitPriceMinor: 1200 }] };
    const view = await (await call(offersAction, { body: cart })).json();
    expect(view.appliedOffers).toEqual([{ offerId: seeded.bundleId, title: "Pour-over set", savingMinor: 470 }]);
    expect(view.savingMinor).toBe(470);
  });

  it("accepts the shop named as a URL too, and prices a buyer paying in another currency at the cart's own rate", async () => {
    const eurCart = { currency: "EUR", lines: [{ variantId: V(1), productId: P(1), quantity: 1, unitPriceMinor: 3220 }] };
    const response = await call(offersAction, { body: eurCart, token: checkoutSessionToken(SHOP, { dest: `https://${SHOP}` }) });
    expect(response.status).toBe(200);
    const view = await response.json();
    // 35.00 USD shown as 32.20 EUR: 0.92, so the 100 USD tier is 92 EUR away from 32.20, and the kettle costs 55.20.
    expect(view.progress).toMatchObject({ remainingMinor: 9200 - 3220 });
    expect(view.suggestions.find((s: { productId: string }) => s.productId === P(3))?.price).toEqual({ amountMinor: 5520, currency: "EUR" });
  });

  it("counts a buyer the token names as signed in, for offers to signed-in customers", async () => {
    const descalerCart = { currency: "USD", lines: [{ variantId: V(6), productId: P(6), quantity: 1, unitPriceMinor: 900 }] };
    const anonymous = await (await call(offersAction, { body: descalerCart })).json();
    expect(anonymous.suggestions).toEqual([]);
    const signedIn = await (await call(offersAction, { body: descalerCart, token: checkoutSessionToken(SHOP, { customerId: "gid://shopify/Customer/7" }) })).json();
    expect(signedIn.suggestions.map((s: { offerId: string; productId: string }) => [s.offerId, s.productId])).toEqual([[seeded.membersId, P(3)]]);
  });

  it("refuses expired, forged and missing session tokens, with CORS headers so the extension can tell", async () => {
    const expired = checkoutSessionToken(SHOP, { issuedAt: new Date(Date.now() - 10 * 60_000), lifetimeSeconds: 300 });
    const forged = checkoutSessionToken(SHOP, { secret: `not-${API_SECRET_KEY}` });
    // A genuine token whose payload names another shop: the signature no longer matches.
    const [header, payload, signature] = checkoutSessionToken(SHOP).split(".");
    const otherShop = Buffer.from(JSON.stringify({ ...JSON.parse(Buffer.from(payload ?? "", "base64url").toString()), dest: "other.myshopify.com" })).toString("base64url");
    const tampered = `${header}.${otherShop}.${signature}`;
    for (const token of [expired, forged, tampered, "not-a-jwt"]) {
      const response = await call(offersAction, { body: dripperCart, token });
      expect(response.status).toBe(401);
      expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    }
    expect((await call(offersAction, { body: dripperCart, token: null })).status).toBe(401);
  });

  it("answers the CORS preflight without a token", async () => {
    const response = await call(offersAction, { method: "OPTIONS", token: null });
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(response.headers.get("Access-Control-Allow-Headers")).toContain("Authorization");
  });

  it("explains a bad body", async () => {
    const notJson = await call(offersAction, { rawBody: "{" });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: "The body is not JSON" });
    expect(notJson.headers.get("Access-Control-Allow-Origin")).toBe("*");
    const badLine = await call(offersAction, { body: { currency: "USD", lines: [{ ...dripperCart.lines[0], quantity: 0 }] } });
    expect(badLine.status).toBe(400);
    expect(badLine.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await badLine.json()).toEqual({ error: "lines.0.quantity: quantity must be at least 1" });
  });

  it("says when the token's shop has not installed the app", async () => {
    const response = await call(offersAction, { body: dripperCart, token: checkoutSessionToken("stranger.myshopify.com") });
    expect(response.status).toBe(404);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
  });
});

describe("POST /api/checkout/recommendations", () => {
  it("recommends what customers buy with the order's products, in stock", async () => {
    const response = await call(recommendationsAction, { body: { productIds: [P(1)] } });
    expect(response.status).toBe(200);
    const view = await response.json();
    expect(view.recommendations.map((r: { productId: string }) => r.productId)).toEqual([P(2), P(6)]);
    expect(view.recommendations[0]).toEqual({ productId: P(2), variantId: V(2), title: "Paper filters", handle: "p2", price: { amountMinor: 1200, currency: "USD" }, compareAtPrice: { amountMinor: 1500, currency: "USD" } });
  });

  it("shows nothing where the merchant turned the thank-you page off, and refuses what it cannot verify", async () => {
    await saveSettings(SHOP, { ...DEFAULT_SETTINGS, defaultPlacements: ["product_page", "cart", "checkout"] });
    const view = await (await call(recommendationsAction, { body: { productIds: [P(1)] } })).json();
    expect(view).toEqual({ recommendations: [], maxOffersShown: 3, dismissalDays: 30 });
    await saveSettings(SHOP, DEFAULT_SETTINGS);
    expect((await call(recommendationsAction, { body: { productIds: [P(1)] }, token: checkoutSessionToken(SHOP, { secret: "wrong" }) })).status).toBe(401);
    const bad = await call(recommendationsAction, { body: { productIds: ["1"] } });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "productIds.0: productIds must be product gids" });
  });
});

describe("POST /api/checkout/events", () => {
  const event = (offerId: string, type: string, placement = "checkout") => ({ offerId, type, placement, at: new Date().toISOString() });

  it("counts what buyers did at checkout and on the thank-you page, for the shop the token names", async () => {
    const response = await call(eventsAction, { body: { events: [event(seeded.bundleId, "impression"), event(seeded.bundleId, "add"), event("recommended", "click", "thank_you"), event("not-ours", "add")] } });
    expect(response.status).toBe(202);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe("*");
    expect(await response.json()).toEqual({ recorded: 3 });
    const rows = await prisma.offerEventBucket.findMany({ where: { shop: SHOP }, orderBy: [{ offerId: "asc" }, { placement: "asc" }] });
    expect(rows.map(({ offerId, placement, impressions, clicks, adds }) => ({ offerId, placement, impressions, clicks, adds }))).toEqual(
      [
        { offerId: seeded.bundleId, placement: "checkout", impressions: 1, clicks: 0, adds: 1 },
        { offerId: "recommended", placement: "thank_you", impressions: 0, clicks: 1, adds: 0 },
      ].sort((a, b) => a.offerId.localeCompare(b.offerId)),
    );
  });

  it("refuses what it cannot verify, and malformed batches", async () => {
    expect((await call(eventsAction, { body: { events: [event(seeded.bundleId, "add")] }, token: checkoutSessionToken(SHOP, { secret: "wrong" }) })).status).toBe(401);
    expect((await call(eventsAction, { body: { events: [event(seeded.bundleId, "add")] }, token: null })).status).toBe(401);
    const bad = await call(eventsAction, { body: { events: [{ ...event(seeded.bundleId, "add"), placement: "email" }] } });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: string }).error).toMatch(/^events\.0\.placement: /);
  });
});
