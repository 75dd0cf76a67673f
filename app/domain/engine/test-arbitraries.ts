// fast-check generators of carts and offers, shared by the engine's property tests and the Function's tests.
import fc from "fast-check";
import { P, V } from "./test-builders";
import type { CartLine, Condition, EngineCart, EngineContext, EngineOffer, OfferKind, Reward, Selector } from "./types";

const productNumber = fc.integer({ min: 1, max: 8 });
const collection = fc.constantFrom("gid://shopify/Collection/1", "gid://shopify/Collection/2");
const productType = fc.constantFrom("Coffee", "Tea", "Mug");

const selector: fc.Arbitrary<Selector> = fc.oneof(
  fc.record({ productIds: fc.array(productNumber.map(P), { minLength: 1, maxLength: 3 }) }),
  fc.record({ variantIds: fc.array(productNumber.map(V), { minLength: 1, maxLength: 3 }) }),
  fc.record({ collectionIds: fc.array(collection, { minLength: 1, maxLength: 2 }) }),
  fc.record({ productTypes: fc.array(productType, { minLength: 1, maxLength: 2 }) }),
);

const reward: fc.Arbitrary<Reward> = fc.oneof(
  fc.record({ type: fc.constant("percentage" as const), basisPoints: fc.integer({ min: 0, max: 10000 }) }),
  fc.record({ type: fc.constant("fixed_amount" as const), amountMinor: fc.integer({ min: 0, max: 50000 }) }),
  fc.record({ type: fc.constant("fixed_price" as const), amountMinor: fc.integer({ min: 0, max: 50000 }) }),
);
const orderReward = fc.oneof(
  fc.record({ type: fc.constant("percentage" as const), basisPoints: fc.integer({ min: 0, max: 10000 }) }),
  fc.record({ type: fc.constant("fixed_amount" as const), amountMinor: fc.integer({ min: 0, max: 50000 }) }),
);

const condition: fc.Arbitrary<Condition> = fc.oneof(
  fc.record({ itemCount: fc.record({ min: fc.integer({ min: 0, max: 6 }) }) }),
  fc.record({ subtotal: fc.record({ minMinor: fc.integer({ min: 0, max: 20000 }) }) }),
  fc.record({ customer: fc.constantFrom("logged_in" as const, "guest" as const, "first_order" as const, "returning" as const) }),
  fc.record({ cartHas: fc.record({ selector, minQuantity: fc.integer({ min: 1, max: 3 }) }) }),
);

const kind: fc.Arbitrary<OfferKind> = fc.oneof(
  fc.record({
    kind: fc.constant("fixed_bundle" as const),
    items: fc.array(fc.record({ selector, quantity: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 3 }),
    reward,
    maxApplications: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({ kind: fc.constant("mix_match" as const), pool: selector, quantity: fc.integer({ min: 1, max: 4 }), reward, maxApplications: fc.integer({ min: 1, max: 3 }) }),
  fc.record({
    kind: fc.constant("quantity_breaks" as const),
    scope: selector,
    per: fc.constantFrom("product" as const, "variant" as const, "scope" as const),
    tiers: fc
      .uniqueArray(fc.record({ minQuantity: fc.integer({ min: 1, max: 6 }), reward }), { minLength: 1, maxLength: 3, selector: (tier) => tier.minQuantity })
      .map((tiers) => tiers.sort((a, b) => a.minQuantity - b.minQuantity)),
  }),
  fc.record({
    kind: fc.constant("spend_tiers" as const),
    tiers: fc
      .uniqueArray(fc.record({ minSubtotalMinor: fc.integer({ min: 0, max: 30000 }), reward: orderReward, freeShipping: fc.boolean() }), {
        minLength: 1,
        maxLength: 3,
        selector: (tier) => tier.minSubtotalMinor,
      })
      .map((tiers) => tiers.sort((a, b) => a.minSubtotalMinor - b.minSubtotalMinor)),
  }),
  fc.record({
    kind: fc.constant("buy_x_get_y" as const),
    buy: fc.oneof(fc.record({ selector, quantity: fc.integer({ min: 1, max: 3 }) }), fc.record({ minSubtotalMinor: fc.integer({ min: 1, max: 20000 }) })),
    get: fc.record({ selector, quantity: fc.integer({ min: 1, max: 2 }) }),
    basisPoints: fc.integer({ min: 0, max: 10000 }),
    maxApplications: fc.integer({ min: 1, max: 3 }),
  }),
  fc.record({
    kind: fc.constant("cart_rule" as const),
    actions: fc.array(
      fc.oneof(
        fc.record({ type: fc.constant("discount" as const), reward: orderReward }),
        fc.record({ type: fc.constant("discount" as const), reward, target: selector }),
        fc.record({ type: fc.constant("free_shipping" as const) }),
        productNumber.map((n) => ({ type: "gift" as const, variantId: V(n), productId: P(n) })),
      ),
      { minLength: 1, maxLength: 3 },
    ),
  }),
);

export const offersArbitrary: fc.Arbitrary<EngineOffer[]> = fc
  .array(
    fc.record({
      kind,
      priority: fc.integer({ min: 0, max: 3 }),
      combinesWith: fc.record({ product: fc.boolean(), order: fc.boolean(), shipping: fc.boolean() }),
      conditions: fc.option(condition, { nil: undefined }),
      minMarginBasisPoints: fc.option(fc.integer({ min: 0, max: 9000 }), { nil: undefined }),
    }),
    { maxLength: 8 },
  )
  .map((generated) =>
    generated.map(({ kind: offerKind, conditions, minMarginBasisPoints, ...rest }, index) => ({
      ...offerKind,
      ...rest,
      ...(conditions ? { conditions } : {}),
      ...(minMarginBasisPoints !== undefined ? { minMarginBasisPoints } : {}),
      id: `offer-${index}`,
      title: `Offer ${index}`,
      status: "active" as const,
    })),
  );

const currencyAndRate = fc.constantFrom(
  { currency: "USD", rate: "1.0" },
  { currency: "JPY", rate: "150.25" },
  { currency: "KWD", rate: "0.3071" },
  { currency: "EUR", rate: "0.9" },
);

export const cartAndContextArbitrary: fc.Arbitrary<{ cart: EngineCart; context: EngineContext }> = fc
  .record({
    money: currencyAndRate,
    lines: fc.array(
      fc.record({
        product: productNumber,
        quantity: fc.integer({ min: 1, max: 6 }),
        unitPriceMinor: fc.integer({ min: 0, max: 100000 }),
        unitCostMinor: fc.option(fc.integer({ min: 0, max: 60000 }), { nil: undefined }),
        collectionIds: fc.subarray(["gid://shopify/Collection/1", "gid://shopify/Collection/2"]),
        productType,
      }),
      { maxLength: 12 },
    ),
    loggedIn: fc.boolean(),
    orderCount: fc.integer({ min: 0, max: 3 }),
  })
  .map(({ money, lines, loggedIn, orderCount }) => ({
    cart: {
      currency: money.currency,
      customer: { loggedIn, orderCount },
      lines: lines.map(({ product, unitCostMinor, ...line }, index): CartLine => ({
        ...line,
        ...(unitCostMinor !== undefined ? { unitCostMinor } : {}),
        id: `gid://shopify/CartLine/${index}`,
        productId: P(product),
        variantId: V(product),
      })),
    },
    context: { today: "2026-11-21", shopCurrency: "USD", presentmentRate: money.rate },
  }));

