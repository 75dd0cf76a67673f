import { describe, expect, it } from "vitest";
import { evaluateCart } from "./evaluate";
import { cart, line, offer, P, TODAY, USD_CONTEXT, V } from "./test-builders";
import type { CatalogEntry, EngineOffer } from "./types";

const percent = (basisPoints: number) => ({ type: "percentage" as const, basisPoints });
const amountOff = (amountMinor: number) => ({ type: "fixed_amount" as const, amountMinor });
const priceOf = (amountMinor: number) => ({ type: "fixed_price" as const, amountMinor });

const discountsByLine = (result: ReturnType<typeof evaluateCart>) =>
  Object.fromEntries(result.lineDiscounts.map((d) => [`${d.lineId.split("/").pop()}:${d.offerId}`, [d.quantity, d.amountMinor]]));

describe("fixed bundle", () => {
  const items = [
    { selector: { productIds: [P(1)] }, quantity: 1 },
    { selector: { productIds: [P(2)] }, quantity: 2 },
  ];
  it.each([
    ["10 % off", percent(1000), { "1:kit": [1, 300], "2:kit": [2, 200] }],
    ["an amount off, split by price", amountOff(1000), { "1:kit": [1, 600], "2:kit": [2, 400] }],
    ["a bundle price", priceOf(3000), { "1:kit": [1, 1200], "2:kit": [2, 800] }],
  ])("gives %s on the bundle's units", (_label, reward, expected) => {
    const result = evaluateCart(cart([line(1, 3000), line(2, 1000, 2)]), [offer("kit", { kind: "fixed_bundle", items, reward, maxApplications: 1 })], USD_CONTEXT);
    expect(discountsByLine(result)).toEqual(expected);
    expect(result.subtotalAfterMinor).toBe(5000 - Object.values(expected).reduce((s, [, a]) => s + (a ?? 0), 0));
  });

  it("applies as often as the cart allows, up to its cap", () => {
    const bundle = (maxApplications: number) => offer("kit", { kind: "fixed_bundle", items, reward: amountOff(500), maxApplications });
    const shopping = cart([line(1, 3000, 3), line(2, 1000, 5)]);
    expect(evaluateCart(shopping, [bundle(5)], USD_CONTEXT).lineDiscounts.reduce((s, d) => s + d.amountMinor, 0)).toBe(1000);
    expect(evaluateCart(shopping, [bundle(1)], USD_CONTEXT).lineDiscounts.reduce((s, d) => s + d.amountMinor, 0)).toBe(500);
  });

  it("nudges to complete the bundle when part of it is in the cart", () => {
    const result = evaluateCart(cart([line(1, 3000)]), [offer("kit", { kind: "fixed_bundle", items, reward: percent(1000), maxApplications: 1 })], USD_CONTEXT);
    expect(result.lineDiscounts).toEqual([]);
    expect(result.nudges).toEqual([{ offerId: "kit", type: "complete_bundle", productIds: [P(2)], message: "Complete the kit bundle to save" }]);
    expect(result.trace).toEqual([{ offerId: "kit", applied: false, reasons: ["the cart does not hold every item of the bundle"] }]);
  });
});

describe("mix and match", () => {
  const pool = { collectionIds: ["gid://shopify/Collection/7"] };
  const inPool = { collectionIds: ["gid://shopify/Collection/7"] };
  it("discounts sets of N eligible units, the most expensive first", () => {
    const shopping = cart([line(1, 2000, 1, inPool), line(2, 1500, 2, inPool), line(3, 900, 1, inPool), line(4, 5000)]);
    const result = evaluateCart(shopping, [offer("any3", { kind: "mix_match", pool, quantity: 3, reward: priceOf(3000), maxApplications: 1 })], USD_CONTEXT);
    // 2000 + 1500 + 1500 = 5000 for 3000: 2000 off, split 800/1200.
    expect(discountsByLine(result)).toEqual({ "1:any3": [1, 800], "2:any3": [2, 1200] });
    expect(result.nudges).toEqual([]);
  });

  it("says how many more are needed below the set size", () => {
    const result = evaluateCart(cart([line(1, 2000, 1, inPool)]), [offer("any3", { kind: "mix_match", pool, quantity: 3, reward: percent(2000), maxApplications: 1 })], USD_CONTEXT);
    expect(result.lineDiscounts).toEqual([]);
    expect(result.nudges[0]?.message).toBe("Add 2 more to get any3");
  });
});

describe("quantity breaks", () => {
  const tiers = [
    { minQuantity: 2, reward: percent(1000) },
    { minQuantity: 3, reward: percent(1500) },
  ];
  it.each([
    [1, {}, "Add 1 more to save 10 %"],
    [2, { "1:qb": [2, 200] }, "Add 1 more to save 15 %"],
    [4, { "1:qb": [4, 600] }, undefined],
  ])("with %i units gives %j and nudges %s", (quantity, expected, nudge) => {
    const result = evaluateCart(cart([line(1, 1000, quantity)]), [offer("qb", { kind: "quantity_breaks", scope: { productIds: [P(1)] }, per: "product", tiers })], USD_CONTEXT);
    expect(discountsByLine(result)).toEqual(expected);
    expect(result.nudges[0]?.message).toBe(nudge);
  });

  it("counts variants of one product together when per product, and separately when per variant", () => {
    const lines = [line(1, 1000, 1), line(2, 1000, 1, { productId: P(1) })];
    const scope = { productIds: [P(1)] };
    const perProduct = evaluateCart(cart(lines), [offer("qb", { kind: "quantity_breaks", scope, per: "product", tiers })], USD_CONTEXT);
    const perVariant = evaluateCart(cart(lines), [offer("qb", { kind: "quantity_breaks", scope, per: "variant", tiers })], USD_CONTEXT);
    expect(perProduct.lineDiscounts.map((d) => d.amountMinor)).toEqual([100, 100]);
    expect(perVariant.lineDiscounts).toEqual([]);
  });

  it("supports an amount off each unit and a unit price", () => {
    const scope = { productIds: [P(1)] };
    const off = evaluateCart(cart([line(1, 1000, 3)]), [offer("qb", { kind: "quantity_breaks", scope, per: "scope", tiers: [{ minQuantity: 3, reward: amountOff(150) }] })], USD_CONTEXT);
    const price = evaluateCart(cart([line(1, 1000, 3)]), [offer("qb", { kind: "quantity_breaks", scope, per: "scope", tiers: [{ minQuantity: 3, reward: priceOf(800) }] })], USD_CONTEXT);
    expect(off.lineDiscounts[0]?.amountMinor).toBe(450);
    expect(price.lineDiscounts[0]?.amountMinor).toBe(600);
  });
});

describe("spend tiers", () => {
  const tiers = [
    { minSubtotalMinor: 10000, reward: percent(1000) },
    { minSubtotalMinor: 15000, freeShipping: true },
  ];
  const spend = offer("spend", { kind: "spend_tiers", tiers });

  it("below the first tier, says how much more to spend", () => {
    const result = evaluateCart(cart([line(1, 8760)]), [spend], USD_CONTEXT);
    expect(result.orderDiscount).toBeNull();
    expect(result.nudges).toEqual([{ offerId: "spend", type: "spend_more", amountMinor: 1240, freeShipping: false, message: "Spend 12.40 USD more to save 10 %" }]);
  });

  it("gives the order discount and nudges towards free shipping", () => {
    const result = evaluateCart(cart([line(1, 12000)]), [spend], USD_CONTEXT);
    expect(result.orderDiscount).toEqual({ offerId: "spend", amountMinor: 1200, message: "spend" });
    expect(result.shippingDiscount).toBeNull();
    expect(result.nudges[0]?.message).toBe("Spend 30.00 USD more for free shipping");
    expect(result.subtotalAfterMinor).toBe(10800);
  });

  it("keeps the percentage and adds free shipping at the top tier", () => {
    const result = evaluateCart(cart([line(1, 16000)]), [spend], USD_CONTEXT);
    expect(result.orderDiscount?.amountMinor).toBe(1600);
    expect(result.shippingDiscount).toEqual({ offerId: "spend", basisPoints: 10000, message: "spend" });
    expect(result.nudges).toEqual([]);
  });
});

describe("buy X get Y", () => {
  it("discounts the cheapest eligible units, once per set bought, up to the cap", () => {
    const bxgy = offer("b2g1", {
      kind: "buy_x_get_y",
      buy: { selector: { productTypes: ["Coffee"] }, quantity: 2 },
      get: { selector: { productTypes: ["Coffee"] }, quantity: 1 },
      basisPoints: 10000,
      maxApplications: 1,
    });
    const coffee = { productType: "Coffee" };
    const result = evaluateCart(cart([line(1, 2000, 2, coffee), line(2, 1500, 1, coffee), line(3, 1200, 1, coffee)]), [bxgy], USD_CONTEXT);
    expect(discountsByLine(result)).toEqual({ "3:b2g1": [1, 1200] });
  });

  it("a spend-based free gift applies when the gift is in the cart, and asks for it when it is not", () => {
    const gift = offer("gift", {
      kind: "buy_x_get_y",
      buy: { minSubtotalMinor: 5000 },
      get: { selector: { variantIds: [V(9)] }, quantity: 1, productId: P(9), variantId: V(9) },
      basisPoints: 10000,
      maxApplications: 1,
    });
    const withGift = evaluateCart(cart([line(1, 6000), line(9, 800)]), [gift], USD_CONTEXT);
    expect(discountsByLine(withGift)).toEqual({ "9:gift": [1, 800] });

    const catalog = new Map<string, CatalogEntry>([[V(9), { productId: P(9), variantId: V(9), available: true, published: true }]]);
    const without = evaluateCart(cart([line(1, 6000)]), [gift], USD_CONTEXT, { catalog });
    expect(without.nudges).toMatchObject([{ type: "add_gift", variantId: V(9), message: "Add your free gift: gift" }]);
    expect(without.suggestions).toMatchObject([{ productId: P(9), variantId: V(9), reason: "free gift" }]);

    const tooSmall = evaluateCart(cart([line(1, 4000), line(9, 800)]), [gift], USD_CONTEXT);
    expect(tooSmall.lineDiscounts).toEqual([]);
    expect(tooSmall.trace[0]?.reasons).toEqual(["the cart does not hold what must be bought"]);
  });
});

describe("cart rules", () => {
  const vipRule = (actions: Extract<EngineOffer, { kind: "cart_rule" }>["actions"]) =>
    offer("vip", { kind: "cart_rule", actions }, { conditions: { all: [{ customerTag: "vip" }, { itemCount: { min: 2 } }] } });
  const vip = { customer: { loggedIn: true, orderCount: 3, tags: ["vip"] } };

  it("acts only when its condition tree holds", () => {
    const rule = vipRule([{ type: "discount", reward: percent(2000), target: { vendors: ["Acme"] } }, { type: "free_shipping" }]);
    const acme = { vendor: "Acme" };
    const yes = evaluateCart(cart([line(1, 1000, 1, acme), line(2, 500)], vip), [rule], USD_CONTEXT);
    expect(discountsByLine(yes)).toEqual({ "1:vip": [1, 200] });
    expect(yes.shippingDiscount?.offerId).toBe("vip");

    const guest = evaluateCart(cart([line(1, 1000, 1, acme), line(2, 500)]), [rule], USD_CONTEXT);
    expect(guest.lineDiscounts).toEqual([]);
    expect(guest.trace[0]?.reasons).toEqual(["condition not met: the customer is not tagged vip"]);
  });

  it("evaluates any / not, customer kind, country, currency, market and schedule", () => {
    const rule = (conditions: EngineOffer["conditions"]) =>
      offer("r", { kind: "cart_rule", actions: [{ type: "discount", reward: percent(1000) }] }, conditions ? { conditions } : {});
    const shopping = cart([line(1, 1000)], { countryCode: "CA", marketHandle: "north-america", customer: { loggedIn: true, orderCount: 0 } });
    const applies = (conditions: EngineOffer["conditions"]) => evaluateCart(shopping, [rule(conditions)], USD_CONTEXT).orderDiscount !== null;
    expect(applies({ any: [{ country: ["US"] }, { country: ["CA"] }] })).toBe(true);
    expect(applies({ not: { country: ["CA"] } })).toBe(false);
    expect(applies({ customer: "first_order" })).toBe(true);
    expect(applies({ customer: "returning" })).toBe(false);
    expect(applies({ currency: ["EUR"] })).toBe(false);
    expect(applies({ market: ["north-america"] })).toBe(true);
    expect(applies({ subtotal: { minMinor: 1001 } })).toBe(false);
    expect(applies({ cartHas: { selector: { productIds: [P(1)] }, minQuantity: 1 } })).toBe(true);
    // 2026-11-21 is a Saturday.
    expect(applies({ schedule: { startsOn: "2026-11-01", endsOn: TODAY, daysOfWeek: [6] } })).toBe(true);
    expect(applies({ schedule: { daysOfWeek: [1, 2, 3, 4, 5] } })).toBe(false);
  });

  it("gives a gift when it is in the cart and suggests products that are buyable and not in the cart", () => {
    const catalog = new Map<string, CatalogEntry>([
      [V(3), { productId: P(3), variantId: V(3), available: false, published: true }],
      [V(4), { productId: P(4), variantId: V(4), available: true, published: false }],
      [V(5), { productId: P(5), variantId: V(5), available: true, published: true }],
    ]);
    const rule = offer("r", {
      kind: "cart_rule",
      actions: [
        { type: "gift", variantId: V(9), productId: P(9) },
        { type: "suggest", productIds: [P(1), P(3), P(4), P(5)] },
      ],
    });
    const result = evaluateCart(cart([line(1, 1000), line(9, 500)]), [rule], USD_CONTEXT, { catalog });
    expect(discountsByLine(result)).toEqual({ "9:r": [1, 500] });
    expect(result.suggestions.map((s) => s.productId)).toEqual([P(5)]);
  });

  it("suggests the shop's frequently-bought-together picks for the cart when a rule asks for them", () => {
    const catalog = new Map<string, CatalogEntry>([6, 7, 8].map((n) => [V(n), { productId: P(n), variantId: V(n), available: n !== 8, published: true }]));
    const rule = offer("fbt", { kind: "cart_rule", actions: [{ type: "suggest_recommended" }] }, { conditions: { subtotal: { minMinor: 2000 } } });
    const recommendedProductIds = [P(7), P(8), P(6)];
    const small = evaluateCart(cart([line(1, 1000)]), [rule], USD_CONTEXT, { catalog, recommendedProductIds });
    expect(small.suggestions).toEqual([]);
    const large = evaluateCart(cart([line(1, 2500)]), [rule], USD_CONTEXT, { catalog, recommendedProductIds });
    // In the order given, without the sold-out one; the rule changes nothing at checkout.
    expect(large.suggestions.map((s) => [s.productId, s.reason])).toEqual([[P(7), "frequently bought together"], [P(6), "frequently bought together"]]);
    expect(large.lineDiscounts).toEqual([]);
    expect(evaluateCart(cart([line(1, 2500)]), [rule], USD_CONTEXT, { catalog }).suggestions).toEqual([]);
  });
});

describe("several offers", () => {
  const bundle = offer("bundle", { kind: "fixed_bundle", items: [{ selector: { productIds: [P(1)] }, quantity: 1 }, { selector: { productIds: [P(2)] }, quantity: 1 }], reward: percent(2000), maxApplications: 1 });
  const breaks = offer("breaks", { kind: "quantity_breaks", scope: { productIds: [P(1)] }, per: "product", tiers: [{ minQuantity: 2, reward: percent(1000) }] });

  it("never discounts the same unit twice: the higher priority claims it first", () => {
    const result = evaluateCart(cart([line(1, 1000, 3), line(2, 1000)]), [breaks, { ...bundle, priority: 5 }], USD_CONTEXT);
    // The bundle takes one unit of line 1; the two left still reach the quantity break.
    expect(discountsByLine(result)).toEqual({ "1:bundle": [1, 200], "2:bundle": [1, 200], "1:breaks": [2, 200] });
  });

  it("at equal priority, the offer saving the customer more goes first", () => {
    const big = offer("zz-big", { kind: "mix_match", pool: { productIds: [P(1)] }, quantity: 1, reward: percent(5000), maxApplications: 9 });
    const small = offer("aa-small", { kind: "mix_match", pool: { productIds: [P(1)] }, quantity: 1, reward: percent(1000), maxApplications: 9 });
    const result = evaluateCart(cart([line(1, 1000, 2)]), [small, big], USD_CONTEXT);
    expect(result.lineDiscounts.map((d) => [d.offerId, d.quantity, d.amountMinor])).toEqual([["zz-big", 1, 500], ["zz-big", 1, 500]]);
    expect(result.trace.find((t) => t.offerId === "aa-small")?.reasons).toEqual(["fewer than 1 eligible items in the cart"]);
  });

  it("follows Shopify's combination rule between classes", () => {
    const spend = offer("spend", { kind: "spend_tiers", tiers: [{ minSubtotalMinor: 1000, reward: percent(1000) }] });
    const exclusive = { ...bundle, priority: 9, combinesWith: { product: false, order: false, shipping: false } };
    const result = evaluateCart(cart([line(1, 1000), line(2, 1000)]), [spend, exclusive], USD_CONTEXT);
    expect(result.orderDiscount).toBeNull();
    expect(result.trace.find((t) => t.offerId === "spend")).toEqual({ offerId: "spend", applied: false, reasons: ['does not combine with "bundle" (product discount)'] });

    const combining = evaluateCart(cart([line(1, 1000), line(2, 1000)]), [spend, { ...bundle, priority: 9 }], USD_CONTEXT);
    // The order discount is computed on the subtotal after the bundle: 10 % of 1600.
    expect(combining.orderDiscount?.amountMinor).toBe(160);
  });

  it("skips paused, draft and out-of-date offers, saying why", () => {
    const result = evaluateCart(cart([line(1, 1000), line(2, 1000)]), [
      { ...bundle, id: "paused", status: "paused" },
      { ...bundle, id: "later", startsOn: "2026-12-01" },
      { ...bundle, id: "over", endsOn: "2026-11-20" },
    ], USD_CONTEXT);
    expect(result.lineDiscounts).toEqual([]);
    expect(result.trace.map((t) => t.reasons[0])).toEqual(["outside the offer's dates", "outside the offer's dates", "the offer is paused"]);
  });
});

describe("money", () => {
  it("converts shop-currency amounts with the cart's rate and the currencies' minor units", () => {
    const spend = offer("spend", { kind: "spend_tiers", tiers: [{ minSubtotalMinor: 10000, reward: amountOff(500) }] });
    // 100.00 USD at 150.5 JPY per USD is 15,050 JPY; 5.00 USD is 753 JPY (752.5 rounded half up).
    const jpy = evaluateCart(cart([line(1, 15050)], { currency: "JPY" }), [spend], { ...USD_CONTEXT, presentmentRate: "150.5" });
    expect(jpy.orderDiscount?.amountMinor).toBe(753);
    const below = evaluateCart(cart([line(1, 15049)], { currency: "JPY" }), [spend], { ...USD_CONTEXT, presentmentRate: "150.5" });
    expect(below.nudges[0]?.message).toBe("Spend 1 JPY more to save more");
  });

  it("keeps a minimum margin on units whose cost is known", () => {
    const deep = offer("deep", { kind: "mix_match", pool: { productIds: [P(1), P(2)] }, quantity: 1, reward: percent(5000), maxApplications: 9 }, { minMarginBasisPoints: 2000 });
    const result = evaluateCart(cart([line(1, 1000, 1, { unitCostMinor: 600 }), line(2, 1000)]), [deep], USD_CONTEXT);
    // Cost 600 at a 20 % margin needs a price of at least 750, so at most 250 off; line 2 has no known cost.
    expect(discountsByLine(result)).toEqual({ "1:deep": [1, 250], "2:deep": [1, 500] });
  });
});

describe("placements", () => {
  it("hides an offer's nudges where it is not placed, but keeps its discount", () => {
    const breaks = offer("qb", { kind: "quantity_breaks", scope: { productIds: [P(1)] }, per: "product", tiers: [{ minQuantity: 1, reward: percent(500) }, { minQuantity: 2, reward: percent(1000) }] }, { placements: ["product_page"] });
    const inCart = evaluateCart(cart([line(1, 1000)]), [breaks], USD_CONTEXT, { placement: "cart" });
    expect(inCart.nudges).toEqual([]);
    expect(inCart.lineDiscounts.map((d) => d.amountMinor)).toEqual([50]);
    expect(evaluateCart(cart([line(1, 1000)]), [breaks], USD_CONTEXT, { placement: "product_page" }).nudges).toHaveLength(1);
  });
});
