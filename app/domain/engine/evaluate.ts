// The offer engine: for a cart and a shop's offers, which discounts apply, what to nudge and suggest, and why.
// Pure and deterministic: lines are taken in id order and offers in (priority, saving, id) order, so neither the
// cart's nor the storage's order changes the result. All amounts are integers in the cart's minor units.
import { toDecimal } from "../money";
import { allocateProportionally, percentOf } from "./arithmetic";
import { groupDiscount, quantityTiers, spendStatus, toCartCurrency, unitsDiscount } from "./rewards";
import { failedCondition, withinDates, type ConditionFacts } from "./conditions";
import type {
  CartLine,
  CatalogEntry,
  DiscountClass,
  EngineCart,
  EngineContext,
  EngineOffer,
  EngineResult,
  LineDiscount,
  Nudge,
  OfferTrace,
  Placement,
  Reward,
  Selector,
  Suggestion,
} from "./types";

export type EvaluateOptions = {
  /** Needed for suggestions: without it none are made, since nothing could be checked for stock. */
  catalog?: ReadonlyMap<string, CatalogEntry>;
  maxSuggestions?: number;
  /** Where the result will be shown: offers hidden there give no nudges or suggestions (their discounts still count). */
  placement?: Placement;
  /**
   * What the shop's customers buy with this cart's products, best first, already checked against stock, substitutes
   * and the merchant's pins and exclusions (app/domain/fbt/complements.ts): used by "suggest_recommended" actions.
   */
  recommendedProductIds?: string[];
};

type Claim = { line: number; quantity: number };
type Piece = { line: number; quantity: number; amountMinor: number };

type OfferOutcome = {
  pieces: Piece[];
  order: Reward | null;
  freeShipping: boolean;
  nudges: Nudge[];
  suggest: { productIds: string[]; variantId?: string; reason: string }[];
  /** Why nothing applied, when nothing did. */
  reason: string | null;
};

type Evaluation = {
  lines: CartLine[];
  /** Unclaimed units per line. */
  remaining: Int32Array;
  /** A working copy of `remaining` for one offer's evaluation, reused so that evaluating allocates little. */
  scratch(): Int32Array;
  /** Lines matching a selector, most expensive first (ties: line id); computed once per selector and cart. */
  matching: (selector: Selector) => number[];
  /** The line lists an offer's evaluation looked at: its result can only change if one of those lines changes. */
  footprint: number[][];
  facts: ConditionFacts;
  recommendedProductIds: string[];
  toCart: (shopMinor: number) => number;
  money: (minor: number) => string;
};

const percentText = (basisPoints: number) => `${basisPoints / 100} %`;

function emptyOutcome(reason: string | null = null): OfferOutcome {
  return { pieces: [], order: null, freeShipping: false, nudges: [], suggest: [], reason };
}

/** Where each selector value occurs in the cart, so a selector is matched without scanning every line. */
type LineIndex = {
  byPrice: number[];
  rank: Int32Array;
  byField: Record<keyof Selector, Map<string, number[]>>;
};

function indexLines(lines: CartLine[]): LineIndex {
  const byPrice = lines.map((_, index) => index).sort((a, b) => (lines[b]?.unitPriceMinor ?? 0) - (lines[a]?.unitPriceMinor ?? 0) || a - b);
  const rank = new Int32Array(lines.length);
  byPrice.forEach((line, position) => (rank[line] = position));
  const byField: LineIndex["byField"] = {
    productIds: new Map(),
    variantIds: new Map(),
    collectionIds: new Map(),
    productTags: new Map(),
    vendors: new Map(),
    productTypes: new Map(),
  };
  const add = (map: Map<string, number[]>, key: string, index: number) => {
    const list = map.get(key);
    if (list) list.push(index);
    else map.set(key, [index]);
  };
  lines.forEach((line, index) => {
    add(byField.productIds, line.productId, index);
    add(byField.variantIds, line.variantId, index);
    line.collectionIds?.forEach((id) => add(byField.collectionIds, id, index));
    line.productTags?.forEach((tag) => add(byField.productTags, tag, index));
    if (line.vendor !== undefined) add(byField.vendors, line.vendor, index);
    if (line.productType !== undefined) add(byField.productTypes, line.productType, index);
  });
  return { byPrice, rank, byField };
}

const SELECTOR_FIELDS = ["productIds", "variantIds", "collectionIds", "productTags", "vendors", "productTypes"] as const;

function matchingLines(index: LineIndex, selector: Selector): number[] {
  const lists: number[][] = [];
  for (const field of SELECTOR_FIELDS) {
    for (const value of selector[field] ?? []) {
      const list = index.byField[field].get(value);
      if (list) lists.push(list);
    }
  }
  if (lists.length === 0) return [];
  const only = lists.length === 1 ? lists[0] : undefined;
  const found = only ? only.slice() : [...new Set(lists.flat())];
  return found.sort((a, b) => (index.rank[a] ?? 0) - (index.rank[b] ?? 0));
}

/**
 * Takes `quantity` unclaimed units from the given lines in order (or in reverse order: cheapest first); null, with
 * nothing taken, when there are not enough.
 */
function take(order: number[], quantity: number, remaining: Int32Array, cheapestFirst = false): Claim[] | null {
  const claims: Claim[] = [];
  let needed = quantity;
  for (let position = 0; position < order.length && needed > 0; position += 1) {
    const line = order[cheapestFirst ? order.length - 1 - position : position] ?? 0;
    const taken = Math.min(remaining[line] ?? 0, needed);
    if (taken > 0) {
      claims.push({ line, quantity: taken });
      needed -= taken;
    }
  }
  if (needed > 0) return null;
  for (const claim of claims) remaining[claim.line] = (remaining[claim.line] ?? 0) - claim.quantity;
  return claims;
}

function giveBack(claims: Claim[], remaining: Int32Array): void {
  for (const claim of claims) remaining[claim.line] = (remaining[claim.line] ?? 0) + claim.quantity;
}

function unclaimedUnits(lines: number[], remaining: Int32Array): number {
  return lines.reduce((sum, line) => sum + (remaining[line] ?? 0), 0);
}

function groupValue(evaluation: Evaluation, claims: Claim[]): number {
  return claims.reduce((sum, claim) => sum + claim.quantity * (evaluation.lines[claim.line]?.unitPriceMinor ?? 0), 0);
}

/** Spreads a group discount over its units in proportion to their prices. */
function piecesFor(evaluation: Evaluation, claims: Claim[], discount: number): Piece[] {
  const only = claims.length === 1 ? claims[0] : undefined;
  if (only) return [{ line: only.line, quantity: only.quantity, amountMinor: discount }];
  const weights = claims.map((claim) => claim.quantity * (evaluation.lines[claim.line]?.unitPriceMinor ?? 0));
  const amounts = allocateProportionally(discount, weights);
  return claims.map((claim, index) => ({ line: claim.line, quantity: claim.quantity, amountMinor: amounts[index] ?? 0 }));
}

function selectorProductIds(selector: Selector): string[] {
  return selector.productIds ?? [];
}

function evaluateFixedBundle(offer: Extract<EngineOffer, { kind: "fixed_bundle" }>, evaluation: Evaluation): OfferOutcome {
  const outcome = emptyOutcome();
  const remaining = evaluation.scratch();
  let applications = 0;
  while (applications < offer.maxApplications) {
    const claims: Claim[] = [];
    const complete = offer.items.every((item) => {
      const taken = take(evaluation.matching(item.selector), item.quantity, remaining);
      if (taken) claims.push(...taken);
      return taken !== null;
    });
    if (!complete) {
      giveBack(claims, remaining);
      break;
    }
    outcome.pieces.push(...piecesFor(evaluation, claims, groupDiscount(offer.reward, groupValue(evaluation, claims), evaluation.toCart)));
    applications += 1;
  }
  if (applications === 0) {
    const present = offer.items.filter((item) => evaluation.matching(item.selector).length > 0);
    const missing = offer.items.filter((item) => !present.includes(item)).flatMap((item) => selectorProductIds(item.selector));
    outcome.reason = "the cart does not hold every item of the bundle";
    if (present.length > 0 && missing.length > 0) {
      outcome.nudges.push({ offerId: offer.id, type: "complete_bundle", productIds: missing, message: `Complete the ${offer.title} bundle to save` });
      outcome.suggest.push({ productIds: missing, reason: "completes a bundle" });
    }
  }
  return outcome;
}

function evaluateMixMatch(offer: Extract<EngineOffer, { kind: "mix_match" }>, evaluation: Evaluation): OfferOutcome {
  const outcome = emptyOutcome();
  const remaining = evaluation.scratch();
  const pool = evaluation.matching(offer.pool);
  let applications = 0;
  while (applications < offer.maxApplications) {
    const claims = take(pool, offer.quantity, remaining);
    if (!claims) break;
    outcome.pieces.push(...piecesFor(evaluation, claims, groupDiscount(offer.reward, groupValue(evaluation, claims), evaluation.toCart)));
    applications += 1;
  }
  const leftover = unclaimedUnits(pool, remaining);
  if (applications < offer.maxApplications && leftover > 0) {
    const missing = offer.quantity - leftover;
    outcome.nudges.push({ offerId: offer.id, type: "add_quantity", quantity: missing, message: `Add ${missing} more to get ${offer.title}` });
    outcome.suggest.push({ productIds: selectorProductIds(offer.pool), reason: "fills a mix and match set" });
  }
  if (applications === 0) outcome.reason = `fewer than ${offer.quantity} eligible items in the cart`;
  return outcome;
}

function evaluateQuantityBreaks(offer: Extract<EngineOffer, { kind: "quantity_breaks" }>, evaluation: Evaluation): OfferOutcome {
  const outcome = emptyOutcome();
  const tiers = [...offer.tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  const groups = new Map<string, number[]>();
  for (const index of [...evaluation.matching(offer.scope)].sort((a, b) => a - b)) {
    const line = evaluation.lines[index];
    if (!line || (evaluation.remaining[index] ?? 0) === 0) continue;
    const key = offer.per === "product" ? line.productId : offer.per === "variant" ? line.variantId : "scope";
    const group = groups.get(key);
    if (group) group.push(index);
    else groups.set(key, [index]);
  }
  for (const indices of groups.values()) {
    const quantity = unclaimedUnits(indices, evaluation.remaining);
    const { reached, next } = quantityTiers(tiers, quantity);
    if (next) {
      const more = next.minQuantity - quantity;
      const saving = next.reward.type === "percentage" ? ` to save ${percentText(next.reward.basisPoints)}` : " to save more";
      outcome.nudges.push({
        offerId: offer.id,
        type: "add_quantity",
        quantity: more,
        ...(next.reward.type === "percentage" ? { basisPoints: next.reward.basisPoints } : {}),
        message: `Add ${more} more${saving}`,
      });
    }
    if (!reached) continue;
    for (const index of indices) {
      const line = evaluation.lines[index];
      const units = evaluation.remaining[index] ?? 0;
      if (!line || units === 0) continue;
      outcome.pieces.push({ line: index, quantity: units, amountMinor: unitsDiscount(reached.reward, line.unitPriceMinor, units, evaluation.toCart) });
    }
  }
  if (outcome.pieces.length === 0) outcome.reason = "no eligible product reaches the first tier";
  return outcome;
}

function evaluateSpendTiers(offer: Extract<EngineOffer, { kind: "spend_tiers" }>, evaluation: Evaluation): OfferOutcome {
  const outcome = emptyOutcome();
  const status = spendStatus(offer.tiers, evaluation.facts.subtotalMinor, evaluation.toCart);
  outcome.order = status.reward;
  outcome.freeShipping = status.freeShipping;
  if (status.next) {
    const { tier, remainingMinor: amountMinor, freeShipping } = status.next;
    const what = freeShipping ? "for free shipping" : tier.reward?.type === "percentage" ? `to save ${percentText(tier.reward.basisPoints)}` : "to save more";
    outcome.nudges.push({ offerId: offer.id, type: "spend_more", amountMinor, freeShipping, message: `Spend ${evaluation.money(amountMinor)} more ${what}` });
  }
  if (!outcome.order && !outcome.freeShipping) outcome.reason = "the subtotal has not reached the first tier";
  return outcome;
}

function evaluateBuyXGetY(offer: Extract<EngineOffer, { kind: "buy_x_get_y" }>, evaluation: Evaluation): OfferOutcome {
  const outcome = emptyOutcome();
  const remaining = evaluation.scratch();
  const spendBased = "minSubtotalMinor" in offer.buy;
  const spendApplications = "minSubtotalMinor" in offer.buy
    ? Math.floor(evaluation.facts.subtotalMinor / Math.max(1, evaluation.toCart(offer.buy.minSubtotalMinor)))
    : 0;
  const buyLines = "selector" in offer.buy ? evaluation.matching(offer.buy.selector) : [];
  const getLines = evaluation.matching(offer.get.selector);
  let applications = 0;
  while (applications < offer.maxApplications) {
    let bought: Claim[] = [];
    if ("selector" in offer.buy) {
      const taken = take(buyLines, offer.buy.quantity, remaining);
      if (!taken) break;
      bought = taken;
    } else if (applications >= spendApplications) {
      break;
    }
    // Like Shopify's own buy X get Y: the cheapest eligible units are the ones discounted.
    const gets = take(getLines, offer.get.quantity, remaining, true);
    if (!gets) {
      giveBack(bought, remaining);
      break;
    }
    const discount = percentOf(groupValue(evaluation, gets), Math.min(offer.basisPoints, 10000));
    outcome.pieces.push(...piecesFor(evaluation, gets, discount));
    applications += 1;
  }
  if (applications === 0) {
    const qualifies = spendBased
      ? spendApplications > 0
      : "selector" in offer.buy && unclaimedUnits(buyLines, evaluation.remaining) >= offer.buy.quantity;
    outcome.reason = qualifies ? "the reward item is not in the cart" : "the cart does not hold what must be bought";
    if (qualifies && offer.get.productId) {
      const variantId = offer.get.variantId;
      const free = offer.basisPoints >= 10000;
      if (variantId) {
        outcome.nudges.push({
          offerId: offer.id,
          type: "add_gift",
          productId: offer.get.productId,
          variantId,
          message: free ? `Add your free gift: ${offer.title}` : `Add it to get ${percentText(offer.basisPoints)} off: ${offer.title}`,
        });
      }
      outcome.suggest.push({ productIds: [offer.get.productId], ...(variantId ? { variantId } : {}), reason: free ? "free gift" : "discounted with your purchase" });
    }
  }
  return outcome;
}

function evaluateCartRule(offer: Extract<EngineOffer, { kind: "cart_rule" }>, evaluation: Evaluation): OfferOutcome {
  const outcome = emptyOutcome();
  const remaining = evaluation.scratch();
  for (const action of offer.actions) {
    if (action.type === "discount") {
      if (!action.target) {
        outcome.order = action.reward;
        continue;
      }
      const claims = evaluation
        .matching(action.target)
        .filter((line) => (remaining[line] ?? 0) > 0)
        .map((line) => ({ line, quantity: remaining[line] ?? 0 }));
      for (const claim of claims) remaining[claim.line] = 0;
      if (claims.length > 0) {
        outcome.pieces.push(...piecesFor(evaluation, claims, groupDiscount(action.reward, groupValue(evaluation, claims), evaluation.toCart)));
      }
    } else if (action.type === "free_shipping") {
      outcome.freeShipping = true;
    } else if (action.type === "gift") {
      const gift = take(evaluation.matching({ variantIds: [action.variantId] }), 1, remaining);
      if (gift) {
        outcome.pieces.push(...piecesFor(evaluation, gift, groupValue(evaluation, gift)));
      } else {
        outcome.nudges.push({ offerId: offer.id, type: "add_gift", productId: action.productId, variantId: action.variantId, message: `Add your free gift: ${offer.title}` });
        outcome.suggest.push({ productIds: [action.productId], variantId: action.variantId, reason: "free gift" });
      }
    } else if (action.type === "suggest") {
      outcome.suggest.push({ productIds: action.productIds, reason: "recommended with your cart" });
    } else if (evaluation.recommendedProductIds.length > 0) {
      outcome.suggest.push({ productIds: evaluation.recommendedProductIds, reason: "frequently bought together" });
    }
  }
  if (outcome.pieces.length === 0 && !outcome.order && !outcome.freeShipping && outcome.suggest.length === 0) {
    outcome.reason = "no action had anything to act on";
  }
  return outcome;
}

function evaluateOffer(offer: EngineOffer, evaluation: Evaluation): OfferOutcome {
  switch (offer.kind) {
    case "fixed_bundle":
      return evaluateFixedBundle(offer, evaluation);
    case "mix_match":
      return evaluateMixMatch(offer, evaluation);
    case "quantity_breaks":
      return evaluateQuantityBreaks(offer, evaluation);
    case "spend_tiers":
      return evaluateSpendTiers(offer, evaluation);
    case "buy_x_get_y":
      return evaluateBuyXGetY(offer, evaluation);
    case "cart_rule":
      return evaluateCartRule(offer, evaluation);
  }
}

/** Keeps each discounted unit at or above the merchant's minimum margin when its cost is known. */
function applyMarginGuard(offer: EngineOffer, pieces: Piece[], evaluation: Evaluation): Piece[] {
  const margin = offer.minMarginBasisPoints;
  if (margin === undefined || margin <= 0 || margin >= 10000) return pieces;
  return pieces.map((piece) => {
    const line = evaluation.lines[piece.line];
    if (!line || line.unitCostMinor === undefined) return piece;
    const cost = evaluation.toCart(line.unitCostMinor);
    const lowestUnitPrice = Math.ceil((cost * 10000) / (10000 - margin));
    const maxPerUnit = Math.max(0, line.unitPriceMinor - lowestUnitPrice);
    return { ...piece, amountMinor: Math.min(piece.amountMinor, maxPerUnit * piece.quantity) };
  });
}

function classesOf(outcome: OfferOutcome): DiscountClass[] {
  const classes: DiscountClass[] = [];
  if (outcome.pieces.some((piece) => piece.amountMinor > 0)) classes.push("product");
  if (outcome.order) classes.push("order");
  if (outcome.freeShipping) classes.push("shipping");
  return classes;
}

function saving(outcome: OfferOutcome): number {
  return outcome.pieces.reduce((sum, piece) => sum + piece.amountMinor, 0);
}

/** Shopify's rule, applied among our own offers: two discounts combine only if each allows the other's class. */
function combinationConflict(
  offer: EngineOffer,
  classes: DiscountClass[],
  accepted: { offer: EngineOffer; classes: DiscountClass[] }[],
): string | null {
  for (const other of accepted) {
    for (const mine of classes) {
      for (const theirs of other.classes) {
        if (!offer.combinesWith[theirs] || !other.offer.combinesWith[mine]) {
          return `does not combine with "${other.offer.title}" (${theirs} discount)`;
        }
      }
    }
  }
  return null;
}

export function evaluateCart(
  cart: EngineCart,
  offers: readonly EngineOffer[],
  context: EngineContext,
  options: EvaluateOptions = {},
): EngineResult {
  const lines = [...cart.lines].filter((line) => line.quantity > 0).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const toCart = toCartCurrency(context.shopCurrency, cart.currency, context.presentmentRate);
  const subtotalBefore = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
  const lineIndex = indexLines(lines);
  const scratchUnits = new Int32Array(lines.length);
  // Keyed by the selector object, then by its content: offers often select the same collection or product type.
  const matchingCache = new Map<Selector, number[]>();
  const matchingByContent = new Map<string, number[]>();
  const evaluation: Evaluation = {
    lines,
    recommendedProductIds: options.recommendedProductIds ?? [],
    remaining: Int32Array.from(lines, (line) => line.quantity),
    scratch() {
      scratchUnits.set(this.remaining);
      return scratchUnits;
    },
    matching(selector) {
      let cached = matchingCache.get(selector);
      if (!cached) {
        const key = SELECTOR_FIELDS.map((field) => selector[field]?.join("\u0001") ?? "").join("\u0002");
        cached = matchingByContent.get(key);
        if (!cached) {
          cached = matchingLines(lineIndex, selector);
          matchingByContent.set(key, cached);
        }
        matchingCache.set(selector, cached);
      }
      this.footprint.push(cached);
      return cached;
    },
    footprint: [],
    toCart,
    money: (minor) => `${toDecimal({ amountMinor: minor, currency: cart.currency })} ${cart.currency}`,
    facts: {
      cart: { ...cart, lines },
      subtotalMinor: subtotalBefore,
      itemCount: lines.reduce((sum, line) => sum + line.quantity, 0),
      today: context.today,
      toCartMinor: toCart,
    },
  };

  const trace: OfferTrace[] = [];
  const candidates: EngineOffer[] = [];
  for (const offer of offers) {
    const reasons: string[] = [];
    if (offer.status !== "active") reasons.push(`the offer is ${offer.status}`);
    else if (!withinDates(context.today, offer.startsOn, offer.endsOn)) reasons.push("outside the offer's dates");
    else {
      const failure = offer.conditions ? failedCondition(offer.conditions, evaluation.facts) : null;
      if (failure) reasons.push(`condition not met: ${failure}`);
    }
    if (reasons.length > 0) trace.push({ offerId: offer.id, applied: false, reasons });
    else candidates.push(offer);
  }

  // Each candidate once on the untouched cart: for the tie-break below, and reused as is while no line it looked at
  // has been claimed by an offer applied before it.
  const standalone = new Map<string, { outcome: OfferOutcome; footprint: number[][] }>();
  for (const offer of candidates) {
    evaluation.footprint = [];
    const outcome = evaluateOffer(offer, evaluation);
    standalone.set(offer.id, { outcome, footprint: evaluation.footprint });
  }
  const savings = new Map(candidates.map((offer) => [offer.id, saving(standalone.get(offer.id)?.outcome ?? emptyOutcome())]));
  const savingOf = (offer: EngineOffer) => savings.get(offer.id) ?? 0;
  // Priority first; among equals, the one saving the customer most on this cart; then the id, for determinism.
  candidates.sort(
    (a, b) => b.priority - a.priority || savingOf(b) - savingOf(a) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
  const touched = new Uint8Array(lines.length);

  const accepted: { offer: EngineOffer; classes: DiscountClass[] }[] = [];
  const pieces: { offer: EngineOffer; piece: Piece }[] = [];
  let orderOffer: { offer: EngineOffer; reward: Reward } | null = null;
  let shippingOffer: EngineOffer | null = null;
  const nudges: Nudge[] = [];
  const suggestionSources: { offer: EngineOffer; productIds: string[]; variantId?: string; reason: string }[] = [];

  for (const offer of candidates) {
    const earlier = standalone.get(offer.id);
    const unchanged = earlier?.footprint.every((footprintLines) => footprintLines.every((line) => touched[line] === 0));
    const outcome = earlier && unchanged ? earlier.outcome : evaluateOffer(offer, evaluation);
    outcome.pieces = applyMarginGuard(offer, outcome.pieces, evaluation);
    if (orderOffer && outcome.order) outcome.order = null;
    if (shippingOffer && outcome.freeShipping) outcome.freeShipping = false;
    const classes = classesOf(outcome);
    const conflict = classes.length > 0 ? combinationConflict(offer, classes, accepted) : null;
    if (conflict) {
      // An offer that cannot apply next to better ones is not advertised either.
      trace.push({ offerId: offer.id, applied: false, reasons: [conflict] });
      continue;
    }
    if (!options.placement || !offer.placements || offer.placements.includes(options.placement)) {
      nudges.push(...outcome.nudges);
      suggestionSources.push(...outcome.suggest.map((source) => ({ offer, ...source })));
    }
    if (classes.length === 0) {
      trace.push({ offerId: offer.id, applied: false, reasons: [outcome.reason ?? "gives no discount on this cart"] });
      continue;
    }
    accepted.push({ offer, classes });
    for (const piece of outcome.pieces) {
      if (piece.amountMinor <= 0) continue;
      evaluation.remaining[piece.line] = (evaluation.remaining[piece.line] ?? 0) - piece.quantity;
      touched[piece.line] = 1;
      pieces.push({ offer, piece });
    }
    if (outcome.order) orderOffer = { offer, reward: outcome.order };
    if (outcome.freeShipping) shippingOffer = offer;
    trace.push({ offerId: offer.id, applied: true, reasons: classes.map((discountClass) => `applies a ${discountClass} discount`) });
  }

  const lineDiscounts: LineDiscount[] = pieces.map(({ offer, piece }) => ({
    lineId: lines[piece.line]?.id ?? "",
    offerId: offer.id,
    quantity: piece.quantity,
    amountMinor: piece.amountMinor,
    message: offer.title,
  }));
  const productSaving = lineDiscounts.reduce((sum, discount) => sum + discount.amountMinor, 0);
  const afterProducts = subtotalBefore - productSaving;
  const orderAmount = orderOffer ? groupDiscount(orderOffer.reward, afterProducts, evaluation.toCart) : 0;

  return {
    currency: cart.currency,
    lineDiscounts,
    orderDiscount: orderOffer && orderAmount > 0 ? { offerId: orderOffer.offer.id, amountMinor: orderAmount, message: orderOffer.offer.title } : null,
    shippingDiscount: shippingOffer ? { offerId: shippingOffer.id, basisPoints: 10000, message: shippingOffer.title } : null,
    subtotalBeforeMinor: subtotalBefore,
    subtotalAfterMinor: afterProducts - orderAmount,
    nudges,
    suggestions: rankSuggestions(suggestionSources, lines, options),
    trace: trace.sort((a, b) => (a.offerId < b.offerId ? -1 : a.offerId > b.offerId ? 1 : 0)),
  };
}

const DEFAULT_MAX_SUGGESTIONS = 3;

/** Few, relevant, buyable: products not already in the cart, in stock and published, best offers first. */
function rankSuggestions(
  sources: { offer: EngineOffer; productIds: string[]; variantId?: string; reason: string }[],
  lines: CartLine[],
  options: EvaluateOptions,
): Suggestion[] {
  const catalog = options.catalog;
  if (!catalog) return [];
  const inCart = new Set(lines.map((line) => line.productId));
  const buyableVariantOf = new Map<string, string>();
  for (const entry of catalog.values()) {
    if (entry.available && entry.published && !buyableVariantOf.has(entry.productId)) {
      buyableVariantOf.set(entry.productId, entry.variantId);
    }
  }
  const best = new Map<string, Suggestion>();
  for (const source of sources) {
    source.productIds.forEach((productId, rank) => {
      if (inCart.has(productId)) return;
      const requested = source.variantId ? catalog.get(source.variantId) : undefined;
      const variantId = requested ? (requested.available && requested.published ? requested.variantId : undefined) : buyableVariantOf.get(productId);
      if (!variantId) return;
      const score = source.offer.priority * 1000 - rank;
      const current = best.get(productId);
      if (!current || score > current.score) {
        best.set(productId, { productId, variantId, offerId: source.offer.id, reason: source.reason, score });
      }
    });
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1))
    .slice(0, options.maxSuggestions ?? DEFAULT_MAX_SUGGESTIONS);
}
