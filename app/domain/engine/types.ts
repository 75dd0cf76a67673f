// The offer engine's vocabulary. Pure types: shared by the server, the storefront, the checkout extension and the
// discount Function. Amounts in offers are integer minor units of the shop's currency; amounts in a cart are integer
// minor units of the cart's (presentment) currency.

/** What a line (or a group of units) must be to match: any listed product, variant, collection, tag, vendor or type. */
export type Selector = {
  productIds?: string[];
  variantIds?: string[];
  collectionIds?: string[];
  productTags?: string[];
  vendors?: string[];
  productTypes?: string[];
};

/** A reward on a group of units: percent off (basis points: 1000 = 10 %), an amount off, or a price for the group. */
export type Reward =
  | { type: "percentage"; basisPoints: number }
  | { type: "fixed_amount"; amountMinor: number }
  | { type: "fixed_price"; amountMinor: number };

/** Rewards that make sense on a whole order: there is no "price" for an order. */
export type OrderReward = Extract<Reward, { type: "percentage" | "fixed_amount" }>;

export type Condition =
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition }
  | { cartHas: { selector: Selector; minQuantity: number } }
  | { subtotal: { minMinor?: number; maxMinor?: number } }
  | { itemCount: { min?: number; max?: number } }
  | { customer: "logged_in" | "guest" | "first_order" | "returning" }
  | { customerTag: string }
  | { country: string[] }
  | { market: string[] }
  | { currency: string[] }
  /** Shop-local dates, inclusive; days of week 0 (Sunday) to 6. */
  | { schedule: { startsOn?: string; endsOn?: string; daysOfWeek?: number[] } };

export type DiscountClass = "product" | "order" | "shipping";

export type CombinesWith = { product: boolean; order: boolean; shipping: boolean };

export type BundleItem = { selector: Selector; quantity: number };

export type QuantityTier = { minQuantity: number; reward: Reward };
export type SpendTier = { minSubtotalMinor: number; reward?: OrderReward; freeShipping?: boolean };

export type CartRuleAction =
  | { type: "discount"; reward: Reward; target?: Selector }
  | { type: "free_shipping" }
  | { type: "gift"; variantId: string; productId: string }
  | { type: "suggest"; productIds: string[] }
  /** Suggest what the shop's customers buy with this cart's products (mined from its orders; see EvaluateOptions). */
  | { type: "suggest_recommended" };

export type OfferKind =
  | { kind: "fixed_bundle"; items: BundleItem[]; reward: Reward; maxApplications: number }
  | { kind: "mix_match"; pool: Selector; quantity: number; reward: Reward; maxApplications: number }
  | { kind: "quantity_breaks"; scope: Selector; per: "product" | "variant" | "scope"; tiers: QuantityTier[] }
  | { kind: "spend_tiers"; tiers: SpendTier[] }
  | {
      kind: "buy_x_get_y";
      buy: { selector: Selector; quantity: number } | { minSubtotalMinor: number };
      get: { selector: Selector; quantity: number; productId?: string; variantId?: string };
      /** Percent off the "get" units in basis points; 10000 is free. */
      basisPoints: number;
      maxApplications: number;
    }
  | { kind: "cart_rule"; actions: CartRuleAction[] };

export type OfferStatus = "active" | "draft" | "paused";

/** Where the storefront and checkout show an offer. Visibility only: checkout applies an active offer wherever it was seen. */
export type Placement = "product_page" | "cart" | "checkout" | "thank_you";

export type EngineOffer = OfferKind & {
  id: string;
  /** Shown to the customer at checkout as the discount's message. */
  title: string;
  status: OfferStatus;
  /** Higher first. */
  priority: number;
  combinesWith: CombinesWith;
  conditions?: Condition;
  /** Shop-local dates, inclusive. */
  startsOn?: string;
  endsOn?: string;
  /** Minimum margin in basis points kept on every discounted unit whose cost is known. */
  minMarginBasisPoints?: number;
  /** Absent: shown everywhere. */
  placements?: Placement[];
};

export type CartLine = {
  id: string;
  variantId: string;
  productId: string;
  quantity: number;
  /** Per unit, in the cart currency. */
  unitPriceMinor: number;
  /** Per unit, in the shop currency, when known. */
  unitCostMinor?: number;
  productType?: string;
  vendor?: string;
  /** The tags, among those offers mention, that the product has. */
  productTags?: string[];
  /** The collections, among those offers mention, that the product is in. */
  collectionIds?: string[];
};

export type EngineCart = {
  currency: string;
  lines: CartLine[];
  customer: { loggedIn: boolean; orderCount?: number; tags?: string[] };
  countryCode?: string;
  marketHandle?: string;
  deliveryGroupIds?: string[];
};

export type EngineContext = {
  /** The shop-local date, YYYY-MM-DD: time is an argument, never read from a clock. */
  today: string;
  shopCurrency: string;
  /** Presentment units per shop unit, as Shopify's `presentmentCurrencyRate` decimal string. */
  presentmentRate: string;
};

export type CatalogEntry = { productId: string; variantId: string; available: boolean; published: boolean };

export type LineDiscount = { lineId: string; offerId: string; quantity: number; amountMinor: number; message: string };
export type OrderDiscount = { offerId: string; amountMinor: number; message: string };
export type ShippingDiscount = { offerId: string; basisPoints: number; message: string };

export type Nudge =
  | { offerId: string; type: "add_quantity"; quantity: number; basisPoints?: number; message: string }
  /** `freeShipping`: reaching the next tier brings free shipping the cart does not have yet. */
  | { offerId: string; type: "spend_more"; amountMinor: number; freeShipping: boolean; message: string }
  | { offerId: string; type: "complete_bundle"; productIds: string[]; message: string }
  | { offerId: string; type: "add_gift"; productId: string; variantId: string; message: string };

export type Suggestion = { productId: string; variantId?: string; offerId: string; reason: string; score: number };

export type OfferTrace = { offerId: string; applied: boolean; reasons: string[] };

export type EngineResult = {
  currency: string;
  lineDiscounts: LineDiscount[];
  orderDiscount: OrderDiscount | null;
  shippingDiscount: ShippingDiscount | null;
  subtotalBeforeMinor: number;
  subtotalAfterMinor: number;
  nudges: Nudge[];
  suggestions: Suggestion[];
  trace: OfferTrace[];
};
