import { describe, expect, it } from "vitest";
import type { CatalogProduct } from "../../shop-data/port";
import { recommend, topComplements, type Complement } from "./complements";
import { mineRules, TransactionsBuilder } from "./miner";

const P = (n: number) => `gid://shopify/Product/${n}`;

function product(n: number, extra: Partial<CatalogProduct> = {}, priceMinor = 1000, available = true): CatalogProduct {
  return {
    id: P(n), title: `Product ${n}`, handle: `p${n}`, vendor: "V", productType: `Type ${n}`, tags: [], status: "ACTIVE", publishedOnlineStore: true, collectionIds: [],
    variants: [{ id: `gid://shopify/ProductVariant/${n}`, title: "Default Title", sku: "", price: { amountMinor: priceMinor, currency: "USD" }, compareAtPrice: null, unitCost: null, inventoryQuantity: available ? 5 : 0, inventoryPolicy: "DENY", availableForSale: available }],
    ...extra,
  };
}

const complement = (from: number, to: number, confidence: number): Complement => ({ productId: P(from), complementId: P(to), pairCount: 10, confidence, lift: 2, rank: 1 });

describe("complements", () => {
  it("ranks each product's complements by confidence and keeps at most the cap", () => {
    const builder = new TransactionsBuilder();
    for (let i = 0; i < 6; i += 1) builder.add([P(1), P(2)]);
    for (let i = 0; i < 3; i += 1) builder.add([P(1), P(3)]);
    for (let i = 0; i < 3; i += 1) builder.add([P(1), P(4)]);
    // Orders without product 1, so that its pairs are above chance (lift 2).
    for (let i = 0; i < 12; i += 1) builder.add([P(9)]);
    const transactions = builder.build();
    const { rules } = mineRules(transactions, { minCount: 3, minConfidence: 0, maxLength: 2 });
    const ranked = topComplements(rules, transactions.itemNames, 2).filter((c) => c.productId === P(1));
    expect(ranked.map((c) => [c.complementId, c.pairCount, c.rank])).toEqual([[P(2), 6, 1], [P(3), 3, 2]]);
  });

  it("leaves out pairs that are not above chance: two popular products, or substitutes", () => {
    const builder = new TransactionsBuilder();
    for (let i = 0; i < 10; i += 1) builder.add([P(1), P(2)]);
    for (let i = 0; i < 10; i += 1) builder.add([P(1)]);
    for (let i = 0; i < 10; i += 1) builder.add([P(2)]);
    const transactions = builder.build();
    const { rules } = mineRules(transactions, { minCount: 3, minConfidence: 0, maxLength: 2 });
    // Each is in 2/3 of all orders and together in 1/3: lift 0.75.
    expect(topComplements(rules, transactions.itemNames)).toEqual([]);
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
      ].map((p) => [p.id, p]),
    );
    const complements = [complement(1, 2, 0.5), complement(1, 3, 0.9), complement(1, 4, 0.8), complement(1, 5, 0.7), complement(1, 6, 0.4), complement(1, 7, 0.3), complement(9, 8, 0.99)];
    const result = recommend([P(1)], complements, [{ productId: P(1), complementId: P(7), kind: "pin" }, { productId: P(1), complementId: P(6), kind: "exclude" }], catalog, { maxResults: 3, substitutePriceRatio: 0.25 });
    // 3 is out of stock, 4 unpublished, 5 another kettle at a similar price, 6 excluded, 8 belongs to another product.
    expect(result.map((r) => [r.productId, r.pinned])).toEqual([[P(7), true], [P(2), false]]);
    expect(recommend([P(1), P(2)], complements, [], catalog).map((r) => r.productId)).toEqual([P(6), P(7)]);
  });
});
