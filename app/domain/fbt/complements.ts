// From co-purchase counts to the few complements a shopper sees. Pure: the catalog and overrides are arguments.
import type { CatalogProduct } from "../../shop-data/port";
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

/** The best complements of each product from single-item rules, by confidence, then co-purchases, then id. */
export function topComplements(rules: Rule[], itemNames: string[], maxPerProduct = MAX_COMPLEMENTS_PER_PRODUCT): Complement[] {
  const byProduct = new Map<string, Omit<Complement, "rank">[]>();
  for (const rule of rules) {
    const lhs = rule.lhs[0];
    if (rule.lhs.length !== 1 || lhs === undefined || rule.lift < MIN_LIFT) continue;
    const productId = itemNames[lhs] ?? "";
    const list = byProduct.get(productId) ?? [];
    list.push({ productId, complementId: itemNames[rule.rhs] ?? "", pairCount: rule.count, confidence: rule.confidence, lift: rule.lift });
    byProduct.set(productId, list);
  }
  const complements: Complement[] = [];
  for (const list of byProduct.values()) {
    list.sort((a, b) => b.confidence - a.confidence || b.pairCount - a.pairCount || (a.complementId < b.complementId ? -1 : 1));
    list.slice(0, maxPerProduct).forEach((complement, index) => complements.push({ ...complement, rank: index + 1 }));
  }
  return complements;
}

/**
 * The complements of one product from raw counts (used when statistics change incrementally): the same ranking as
 * topComplements.
 */
export function complementsOf(
  productId: string,
  productOrders: number,
  pairs: { complementId: string; pairCount: number; complementOrders: number }[],
  totalOrders: number,
  maxPerProduct = MAX_COMPLEMENTS_PER_PRODUCT,
): Complement[] {
  return pairs
    .filter((pair) => pair.pairCount >= MIN_PAIR_COUNT && productOrders > 0 && pair.complementOrders > 0)
    .map((pair) => {
      const confidence = pair.pairCount / productOrders;
      return { productId, complementId: pair.complementId, pairCount: pair.pairCount, confidence, lift: confidence / (pair.complementOrders / totalOrders), rank: 0 };
    })
    .filter((complement) => complement.lift >= MIN_LIFT)
    .sort((a, b) => b.confidence - a.confidence || b.pairCount - a.pairCount || (a.complementId < b.complementId ? -1 : 1))
    .slice(0, maxPerProduct)
    .map((complement, index) => ({ ...complement, rank: index + 1 }));
}

export type Override = { productId: string; complementId: string; kind: "pin" | "exclude" };

export type RecommendOptions = {
  maxResults: number;
  /** Same product type and a price within this ratio of a cart item's marks a substitute, not a complement. */
  substitutePriceRatio: number;
};

export const DEFAULT_RECOMMEND_OPTIONS: RecommendOptions = { maxResults: 3, substitutePriceRatio: 0.25 };

export type Recommendation = { productId: string; variantId: string; score: number; pinned: boolean; becauseOf: string };

const cheapestBuyable = (product: CatalogProduct) =>
  product.variants.filter((variant) => variant.availableForSale).sort((a, b) => a.price.amountMinor - b.price.amountMinor)[0];

function isSubstitute(candidate: CatalogProduct, inCart: CatalogProduct, ratio: number): boolean {
  if (!candidate.productType || candidate.productType !== inCart.productType) return false;
  const a = cheapestBuyable(candidate)?.price.amountMinor ?? candidate.variants[0]?.price.amountMinor ?? 0;
  const b = inCart.variants[0]?.price.amountMinor ?? 0;
  return Math.abs(a - b) <= ratio * Math.max(a, b);
}

/**
 * What to suggest next to the given products: their complements, pinned ones first, never an item already there,
 * nothing out of stock or unpublished, no substitute of what is there, nothing the merchant excluded.
 */
export function recommend(
  anchorIds: string[],
  complements: Complement[],
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
  return [...best.values()]
    .sort((a, b) => b.score - a.score || (a.productId < b.productId ? -1 : 1))
    .slice(0, options.maxResults);
}
