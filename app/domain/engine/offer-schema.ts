// The one schema of an offer, in zod/mini so the discount Function can afford to carry it: the server validates
// imported and edited offers with it, the Function validates its configuration with it, and docs/offers.schema.json
// is generated from it.
import * as z from "zod/mini";
import type { Condition, EngineOffer } from "./types";

const count = (min: number) => z.number().check(z.int(), z.minimum(min));
const minorAmount = count(0);
const basisPoints = z.number().check(z.int(), z.minimum(0), z.maximum(10000));
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date like 2026-12-31"));
const gid = (message: string) => z.string().check(z.regex(/^gid:\/\/shopify\/\w+\/\d+$/, message));
const gidList = z.array(gid("must be a Shopify id"));

export const selectorSchema = z
  .object({
    productIds: z.optional(gidList),
    variantIds: z.optional(gidList),
    collectionIds: z.optional(gidList),
    productTags: z.optional(z.array(z.string())),
    vendors: z.optional(z.array(z.string())),
    productTypes: z.optional(z.array(z.string())),
  })
  .check(
    z.refine(
      (selector) => Object.values(selector).some((values) => Array.isArray(values) && values.length > 0),
      "must name at least one product, variant, collection, tag, vendor or product type",
    ),
  );

export const rewardSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("percentage"), basisPoints }),
  z.object({ type: z.literal("fixed_amount"), amountMinor: minorAmount }),
  z.object({ type: z.literal("fixed_price"), amountMinor: minorAmount }),
]);

const orderRewardSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("percentage"), basisPoints }),
  z.object({ type: z.literal("fixed_amount"), amountMinor: minorAmount }),
]);

export const conditionSchema: z.ZodMiniType<Condition> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(conditionSchema) }),
    z.object({ any: z.array(conditionSchema) }),
    z.object({ not: conditionSchema }),
    z.object({ cartHas: z.object({ selector: selectorSchema, minQuantity: count(1) }) }),
    z.object({ subtotal: z.object({ minMinor: z.optional(minorAmount), maxMinor: z.optional(minorAmount) }) }),
    z.object({ itemCount: z.object({ min: z.optional(count(0)), max: z.optional(count(0)) }) }),
    z.object({ customer: z.enum(["logged_in", "guest", "first_order", "returning"]) }),
    z.object({ customerTag: z.string().check(z.minLength(1)) }),
    z.object({ country: z.array(z.string().check(z.regex(/^[A-Z]{2}$/, "must be an ISO country code"))) }),
    z.object({ market: z.array(z.string()) }),
    z.object({ currency: z.array(z.string().check(z.regex(/^[A-Z]{3}$/, "must be an ISO currency code"))) }),
    z.object({
      schedule: z.object({
        startsOn: z.optional(isoDate),
        endsOn: z.optional(isoDate),
        daysOfWeek: z.optional(z.array(z.number().check(z.int(), z.minimum(0), z.maximum(6)))),
      }),
    }),
  ]),
);

const ascending = (values: number[]) => values.every((value, index) => index === 0 || value > (values[index - 1] ?? 0));

const bundleItemSchema = z.object({ selector: selectorSchema, quantity: count(1) });

const cartRuleActionSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("discount"), reward: rewardSchema, target: z.optional(selectorSchema) }).check(
    z.refine((action) => action.target !== undefined || action.reward.type !== "fixed_price", {
      message: "a discount on the whole order cannot set a price; choose a percentage or an amount off",
      path: ["reward"],
    }),
  ),
  z.object({ type: z.literal("free_shipping") }),
  z.object({ type: z.literal("gift"), variantId: gid("choose the gift"), productId: gid("choose the gift") }),
  z.object({ type: z.literal("suggest"), productIds: gidList.check(z.minLength(1, "choose at least one product to suggest")) }),
  z.object({ type: z.literal("suggest_recommended") }),
]);

const commonSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(64)),
  title: z.string().check(z.minLength(1), z.maxLength(255)),
  status: z.enum(["active", "draft", "paused"]),
  priority: z.number().check(z.int(), z.minimum(0), z.maximum(1000)),
  combinesWith: z.object({ product: z.boolean(), order: z.boolean(), shipping: z.boolean() }),
  conditions: z.optional(conditionSchema),
  startsOn: z.optional(isoDate),
  endsOn: z.optional(isoDate),
  minMarginBasisPoints: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(9999))),
  placements: z.optional(z.array(z.enum(["product_page", "cart", "checkout", "thank_you"]))),
});

const datesInOrder = z.refine<{ startsOn?: string; endsOn?: string }>(
  (offer) => !offer.startsOn || !offer.endsOn || offer.startsOn <= offer.endsOn,
  { message: "must not be before the start date", path: ["endsOn"] },
);

/** One object schema per offer kind, each with the fields every offer has. */
const offerOf = <Shape extends z.core.$ZodLooseShape>(shape: Shape) => z.extend(commonSchema, shape).check(datesInOrder);

export const engineOfferSchema = z.discriminatedUnion("kind", [
  offerOf({ kind: z.literal("fixed_bundle"), items: z.array(bundleItemSchema).check(z.minLength(1)), reward: rewardSchema, maxApplications: count(1) }),
  offerOf({ kind: z.literal("mix_match"), pool: selectorSchema, quantity: count(1), reward: rewardSchema, maxApplications: count(1) }),
  offerOf({
    kind: z.literal("quantity_breaks"),
    scope: selectorSchema,
    per: z.enum(["product", "variant", "scope"]),
    tiers: z
      .array(z.object({ minQuantity: count(1), reward: rewardSchema }))
      .check(z.minLength(1), z.refine((tiers) => ascending(tiers.map((tier) => tier.minQuantity)), "each tier needs a higher quantity than the one before")),
  }),
  offerOf({
    kind: z.literal("spend_tiers"),
    tiers: z
      .array(z.object({ minSubtotalMinor: minorAmount, reward: z.optional(orderRewardSchema), freeShipping: z.optional(z.boolean()) }))
      .check(
        z.minLength(1),
        z.refine((tiers) => ascending(tiers.map((tier) => tier.minSubtotalMinor)), "each tier needs a higher amount than the one before"),
        z.refine((tiers) => tiers.every((tier) => tier.reward || tier.freeShipping), "every tier needs a discount or free shipping"),
      ),
  }),
  offerOf({
    kind: z.literal("buy_x_get_y"),
    buy: z.union([z.object({ selector: selectorSchema, quantity: count(1) }), z.object({ minSubtotalMinor: count(1) })]),
    get: z.object({ selector: selectorSchema, quantity: count(1), productId: z.optional(gid("choose a product")), variantId: z.optional(gid("choose a product")) }),
    basisPoints,
    maxApplications: count(1),
  }),
  offerOf({ kind: z.literal("cart_rule"), actions: z.array(cartRuleActionSchema).check(z.minLength(1)) }),
]);

// The schema and the engine's type must describe the same offers.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemaMatchesType: Same<z.infer<typeof engineOfferSchema>, EngineOffer> = true;
void schemaMatchesType;

/** The offers file: what import and export exchange, and what `npm run offers -- simulate` reads. */
export const offersFileSchema = z
  .object({
    version: z.literal(1),
    shopCurrency: z.string().check(z.regex(/^[A-Z]{3}$/, "must be an ISO currency code")),
    offers: z.array(engineOfferSchema),
    /** Customer-facing texts per offer id and locale: { "offer-id": { "en": { "title", "description", "badge" } } }. */
    texts: z.optional(
      z.record(
        z.string(),
        z.record(
          z.string(),
          z.object({ title: z.optional(z.string()), description: z.optional(z.string()), badge: z.optional(z.string()) }),
        ),
      ),
    ),
  })
  .check(
    z.refine((file) => new Set(file.offers.map((offer) => offer.id)).size === file.offers.length, {
      message: "every offer needs its own id",
      path: ["offers"],
    }),
  );

export type OffersFile = z.infer<typeof offersFileSchema>;
