import type { EngineOffer } from "./app/domain/engine/types";
import { evaluateCart } from "./app/domain/engine/evaluate";
import { cart, line, offer, P, USD_CONTEXT } from "./app/domain/engine/test-builders";
const LINES = 200;
const OFFERS = 100;

function percentile(samples: number[], fraction: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * sorted.length))] ?? NaN;
}

const collections = ["gid://shopify/Collection/1", "gid://shopify/Collection/2", "gid://shopify/Collection/3"];
const shopping = cart(
  Array.from({ length: LINES }, (_, index) =>
    line(index + 1, 500 + ((index * 37) % 9000), 1 + (index % 4), {
      productType: ["Coffee", "Tea", "Mug", "Skillet"][index % 4],
      collectionIds: [collections[index % 3] ?? ""],
      unitCostMinor: 200 + ((index * 13) % 3000),
    }),
  ),
  { customer: { loggedIn: true, orderCount: 2, tags: ["vip"] } },
);

const percent = (basisPoints: number) => ({ type: "percentage" as const, basisPoints });
const offers: EngineOffer[] = Array.from({ length: OFFERS }, (_, index) => {
  const product = (n: number) => P(((index * 7 + n) % LINES) + 1);
  const id = `offer-${index}`;
  const extra = { priority: index % 5 };
  switch (index % 6) {
    case 0:
      return offer(id, { kind: "fixed_bundle", items: [{ selector: { productIds: [product(0)] }, quantity: 1 }, { selector: { productIds: [product(1)] }, quantity: 1 }], reward: percent(1000), maxApplications: 2 }, extra);
    case 1:
      return offer(id, { kind: "mix_match", pool: { collectionIds: [collections[index % 3] ?? ""] }, quantity: 3, reward: percent(1500), maxApplications: 2 }, extra);
    case 2:
      return offer(id, { kind: "quantity_breaks", scope: { productIds: [product(2), product(3)] }, per: "product", tiers: [{ minQuantity: 2, reward: percent(500) }, { minQuantity: 3, reward: percent(1000) }] }, extra);
    case 3:
      return offer(id, { kind: "spend_tiers", tiers: [{ minSubtotalMinor: 5000 + index * 100, reward: percent(500) }, { minSubtotalMinor: 20000, freeShipping: true }] }, extra);
    case 4:
      return offer(id, { kind: "buy_x_get_y", buy: { selector: { productTypes: ["Coffee"] }, quantity: 2 }, get: { selector: { productIds: [product(4)] }, quantity: 1 }, basisPoints: 5000, maxApplications: 1 }, extra);
    default:
      return offer(id, { kind: "cart_rule", actions: [{ type: "discount", reward: percent(500), target: { productTypes: ["Mug"] } }] }, { ...extra, conditions: { all: [{ customerTag: "vip" }, { itemCount: { min: 3 } }] } });
  }
});

const t0 = performance.now();
for (let i = 0; i < 3000; i++) evaluateCart(shopping, offers, USD_CONTEXT);
console.log(((performance.now() - t0) / 3000).toFixed(3), "ms/run");
