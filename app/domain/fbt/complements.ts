// From co-purchase counts to the few complements a shopper sees. Pure: the catalog and overrides are arguments.
import type { CatalogProduct } from "../../shop-data/port";
import type { CopurchaseCounts } from "./copurchase-counts";
import type { Rule } from "./miner";

/** Anchored defaults: a pair must have been bought together this often before it is trusted, and a product shows at most this many. */
export const MIN_PAIR_COUNT = 3;
export const MAX_COMPLEMENTS_PER_PRODUCT = 10;
/**
 * A complement is bought with the product at least 20 % more often than chance (lift >= 1.2); below that a
 * "pair" only reflects two popular products, or products bought instead of each other.
 */
export const MIN_LIFT = 1.2;

export type Complement = { productId: string; complementId: string; pairCount: number; confidence: number; lift: number; rank: number };

/** A pair's counts as seen from one of its products: raw counts decide trust, recency-weighted ones rank. */
export type PairStats = { complementId: string; pairCount: number; pairWeight: number; complementWeight: number };

/**
 * The complements of one product: pairs bought together often enough to be trusted and above chance, best
 * confidence first (then co-purchases, then id), at most `maxPerProduct`. Confidence and lift use the weighted
 * counts, which equal the raw ones without a half-life. Used by the rebuild and by incremental updates alike.
 */
export function complementsOf(
  productId: string,
  productWeight: number,
  pairs: PairStats[],
  totalWeight: number,
  maxPerProduct = MAX_COMPLEMENTS_PER_PRODUCT,
): Complement[] {
  return pairs
    .filter((pair) => pair.pairCount >= MIN_PAIR_COUNT && productWeight > 0 && pair.complementWeight > 0)
    .map((pair) => {
      const confidence = pair.pairWeight / productWeight;
      return { productId, complementId: pair.complementId, pairCount: pair.pairCount, confidence, lift: confidence / (pair.complementWeight / totalWeight), rank: 0 };
    })
    .filter((complement) => complement.lift >= MIN_LIFT)
    .sort((a, b) => b.confidence - a.confidence || b.pairCount - a.pairCount || (a.complementId < b.complementId ? -1 : 1))
    .slice(0, maxPerProduct)
    .map((complement, index) => ({ ...complement, rank: index + 1 }));
}

/** Every product's complements from the rebuild's counts. */
export function complementsFromCounts(counts: CopurchaseCounts, itemNames: string[]): Complement[] {
  const pairsOf = new Map<number, PairStats[]>();
  const add = (item: number, other: number, count: number, weight: number) => {
    const list = pairsOf.get(item) ?? [];
    list.push({ complementId: itemNames[other] ?? "", pairCount: count, pairWeight: weight, complementWeight: counts.itemWeights[other] ?? 0 });
    pairsOf.set(item, list);
  };
  for (const pair of counts.pairs) {
    if (pair.count < MIN_PAIR_COUNT) continue;
    add(pair.a, pair.b, pair.count, pair.weight);
    add(pair.b, pair.a, pair.count, pair.weight);
  }
  return [...pairsOf].flatMap(([item, pairs]) => complementsOf(itemNames[item] ?? "", counts.itemWeights[item] ?? 0, pairs, counts.totalWeight));
}

/** "Bought A and B, also buys C" (productA < productB). */
export type TripleRule = { productA: string; productB: string; complementId: string; tripleCount: number; confidence: number; lift: number; rank: number };

/** The best rules with two products on the left, from mined rules: trusted, above chance, capped per pair. */
export function topTripleRules(rules: Rule[], itemNames: string[], maxPerPair = MAX_COMPLEMENTS_PER_PRODUCT): TripleRule[] {
  const byPair = new Map<string, Omit<TripleRule, "rank">[]>();
  for (const rule of rules) {
    const [x, y] = rule.lhs;
    if (rule.lhs.length !== 2 || x === undefined || y === undefined || rule.count < MIN_PAIR_COUNT || rule.lift < MIN_LIFT) continue;
    const [productA, productB] = [itemNames[x] ?? "", itemNames[y] ?? ""].sort();
    const key = `${productA}|${productB}`;
    const list = byPair.get(key) ?? [];
    list.push({ productA: productA ?? "", productB: productB ?? "", complementId: itemNames[rule.rhs] ?? "", tripleCount: rule.count, confidence: rule.confidence, lift: rule.lift });
    byPair.set(key, list);
  }
  const triples: TripleRule[] = [];
  for (const list of byPair.values()) {
    list.sort((a, b) => b.confidence - a.confidence || b.tripleCount - a.tripleCount || (a.complementId < b.complementId ? -1 : 1));
    list.slice(0, maxPerPair).forEach((rule, index) => triples.push({ ...rule, rank: index + 1 }));
  }
  return triples;
}

export type Override = { productId: string; complementId: string; kind: "pin" | "exclude" };

export type RecommendOptions = {
  maxResults: number;
  /** Same product type and a price within this ratio of a cart item's marks a substitute, not a complement (0: off). */
  substitutePriceRatio: number;
};

export const DEFAULT_RECOMMEND_OPTIONS: RecommendOptions = { maxResults: 3, substitutePriceRatio: 0.25 };

export type Recommendation = { productId: string; variantId: string; score: number; pinned: boolean; becauseOf: string };

const cheapestBuyable = (product: CatalogProduct) =>
  product.variants.filter((variant) => variant.availableForSale).sort((a, b) => a.price.amountMinor - b.price.amountMinor)[0];

function isSubstitute(candidate: CatalogProduct, inCart: CatalogProduct, ratio: number): boolean {
  if (ratio <= 0) return false;
  if (!candidate.productType || candidate.productType !== inCart.productType) return false;
  const a = cheapestBuyable(candidate)?.price.amountMinor ?? candidate.variants[0]?.price.amountMinor ?? 0;
  const b = inCart.variants[0]?.price.amountMinor ?? 0;
  return Math.abs(a - b) <= ratio * Math.max(a, b);
}

/**
 * What to suggest next to the given products: their complements, pinned ones first, never an item already there,
 * nothing out of stock or unpublished, no substitute of what is there, nothing the merchant excluded. Complements
 * come from single products and from pairs of them (triples).
 */
export function recommend(
  anchorIds: string[],
  complements: Complement[],
  triples: TripleRule[],
  overrides: Override[],
  catalog: ReadonlyMap<string, CatalogProduct>,
  options: RecommendOptions = DEFAULT_RECOMMEND_OPTIONS,
): Recommendation[] {
  const anchors = new Set(anchorIds);
  const anchorProducts = anchorIds.flatMap((id) => catalog.get(id) ?? []);
  const excluded = new Set(overrides.filter((o) => o.kind === "exclude" && anchors.has(o.productId)).map((o) => o.complementId));
  const best = new Map<string, Recommendation>();
  const consider = (complementId: string, score: number, pinned: boolean, becauseOf: string) => {
    if (anchors.has(complementId) || excluded.has(complementId)) return;
    const product = catalog.get(complementId);
    if (!product || product.status !== "ACTIVE" || !product.publishedOnlineStore) return;
    const variant = cheapestBuyable(product);
    if (!variant) return;
    if (!pinned && anchorProducts.some((anchor) => isSubstitute(product, anchor, options.substitutePriceRatio))) return;
    const current = best.get(complementId);
    const candidate = { productId: complementId, variantId: variant.id, score: pinned ? Number.POSITIVE_INFINITY : score, pinned, becauseOf };
    if (!current || candidate.score > current.score) best.set(complementId, candidate);
  };
  for (const override of overrides) {
    if (override.kind === "pin" && anchors.has(override.productId)) consider(override.complementId, 0, true, override.productId);
  }
  for (const complement of complements) {
    if (anchors.has(complement.productId)) consider(complement.complementId, complement.confidence, false, complement.productId);
  }
  // With two of the products together, what buyers of both also take is the sharper signal.
  for (const triple of triples) {
    if (anchors.has(triple.productA) && anchors.has(triple.productB)) consider(triple.complementId, triple.confidence, false, triple.productA);
  }
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1))
    .slice(0, options.maxResults);
}
