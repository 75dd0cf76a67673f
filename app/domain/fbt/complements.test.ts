import { describe, expect, it } from "vitest";
import type { CatalogProduct } from "../../shop-data/port";
import { complementsFromCounts, recommend, topTripleRules, type Complement, type TripleRule } from "./complements";
import { countCopurchases, recencyWeight } from "./copurchase-counts";
import { mineRules, TransactionsBuilder } from "./miner";

const P = (n: number) => `gid://shopify/Product/${n}`;
const DAY = 86_400_000;

function product(n: number, extra: Partial<CatalogProduct> = {}, priceMinor = 1000, available = true): CatalogProduct {
  return {
    id: P(n), title: `Product ${n}`, handle: `p${n}`, vendor: "V", productType: `Type ${n}`, tags: [], status: "ACTIVE", publishedOnlineStore: true, collectionIds: [],
    variants: [{ id: `gid://shopify/ProductVariant/${n}`, title: "Default Title", sku: "", price: { amountMinor: priceMinor, currency: "USD" }, compareAtPrice: null, unitCost: null, inventoryQuantity: available ? 5 : 0, inventoryPolicy: "DENY", availableForSale: available }],
    ...extra,
  };
}

const complement = (from: number, to: number, confidence: number): Complement => ({ productId: P(from), complementId: P(to), pairCount: 10, confidence, lift: 2, rank: 1 });

function orders(...groups: [count: number, items: number[]][]) {
  const builder = new TransactionsBuilder();
  for (const [count, items] of groups) for (let i = 0; i < count; i += 1) builder.add(items.map(P));
  return builder.build();
}

describe("complements", () => {
  it("ranks each product's complements by confidence, needs 3 co-purchases, and keeps at most the cap", () => {
    // Orders without product 1 make its pairs above chance (lift 2); 1+5 only twice is not trusted yet.
    const transactions = orders([6, [1, 2]], [3, [1, 3]], [3, [1, 4]], [2, [1, 5]], [14, [9]]);
    const ranked = complementsFromCounts(countCopurchases(transactions), transactions.itemNames).filter((c) => c.productId === P(1));
    expect(ranked.map((c) => [c.complementId, c.pairCount, c.rank])).toEqual([[P(2), 6, 1], [P(3), 3, 2], [P(4), 3, 3]]);
    expect(ranked[0]?.confidence).toBeCloseTo(6 / 14, 12);
    expect(ranked[0]?.lift).toBeCloseTo(6 / 14 / (6 / 28), 12);
  });

  it("leaves out pairs that are not above chance: two popular products, or substitutes", () => {
    // Each is in 2/3 of all orders and together in 1/3: lift 0.75.
    const transactions = orders([10, [1, 2]], [10, [1]], [10, [2]]);
    expect(complementsFromCounts(countCopurchases(transactions), transactions.itemNames)).toEqual([]);
  });

  it("with a half-life, what customers bought together recently outranks what they bought long ago", () => {
    const transactions = orders([10, [1, 2]], [5, [1, 3]], [20, [9]]);
    const unweighted = complementsFromCounts(countCopurchases(transactions), transactions.itemNames).filter((c) => c.productId === P(1));
    expect(unweighted.map((c) => c.complementId)).toEqual([P(2), P(3)]);
    // The ten 1+2 orders are a year old, the five 1+3 orders from today, with a 30-day half-life.
    const ages = [...Array<number>(10).fill(365 * DAY), ...Array<number>(5).fill(0), ...Array<number>(20).fill(0)];
    const weights = Float64Array.from(ages, (age) => recencyWeight(age, 30));
    const weighted = complementsFromCounts(countCopurchases(transactions, weights), transactions.itemNames).filter((c) => c.productId === P(1));
    expect(weighted.map((c) => [c.complementId, c.pairCount])).toEqual([[P(3), 5], [P(2), 10]]);
    expect(recencyWeight(30 * DAY, 30)).toBe(0.5);
    expect(recencyWeight(30 * DAY, null)).toBe(1);
  });

  it("finds what buyers of two products together also take (triples)", () => {
    const transactions = orders([4, [1, 2, 3]], [6, [1, 2]], [10, [1]], [10, [2]], [10, [3, 9]], [20, [8]]);
    const { rules } = mineRules(transactions, { minCount: 3, minConfidence: 0, maxLength: 3 });
    const triples = topTripleRules(rules, transactions.itemNames).filter((t) => t.complementId === P(3));
    expect(triples.map((t) => [t.productA, t.productB, t.tripleCount])).toEqual([[P(1), P(2), 4]]);
    expect(triples[0]?.confidence).toBeCloseTo(0.4, 12);
  });

  it("suggests buyable complements that are not in the cart and are not substitutes, pinned first, excluded never", () => {
    const catalog = new Map(
      [
        product(1, { productType: "Kettle" }, 5000),
        product(2),
        product(3, {}, 1000, false),
        product(4, { publishedOnlineStore: false }),
        product(5, { productType: "Kettle" }, 5200),
        product(6),
        product(7),
        product(8),
        product(10),
      ].map((p) => [p.id, p]),
    );
    const complements = [complement(1, 2, 0.5), complement(1, 3, 0.9), complement(1, 4, 0.8), complement(1, 5, 0.7), complement(1, 6, 0.4), complement(1, 7, 0.3), complement(9, 8, 0.99)];
    const result = recommend([P(1)], complements, [], [{ productId: P(1), complementId: P(7), kind: "pin" }, { productId: P(1), complementId: P(6), kind: "exclude" }], catalog, { maxResults: 3, substitutePriceRatio: 0.25 });
    // 3 is out of stock, 4 unpublished, 5 another kettle at a similar price, 6 excluded, 8 belongs to another product.
    expect(result.map((r) => [r.productId, r.pinned])).toEqual([[P(7), true], [P(2), false]]);
    expect(recommend([P(1), P(2)], complements, [], [], catalog).map((r) => r.productId)).toEqual([P(6), P(7)]);
    // A triple rule for 1+2 only counts when both are there.
    const triple: TripleRule = { productA: P(1), productB: P(2), complementId: P(10), tripleCount: 5, confidence: 0.6, lift: 3, rank: 1 };
    expect(recommend([P(1)], complements, [triple], [], catalog).map((r) => r.productId)).not.toContain(P(10));
    expect(recommend([P(1), P(2)], complements, [triple], [], catalog).map((r) => r.productId)).toEqual([P(10), P(6), P(7)]);
  });
});
