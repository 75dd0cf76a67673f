// Item and pair co-purchase counts, raw and weighted by recency, for the full rebuild. Pure: the orders' ages are
// arguments, and `now` is never read here.
import type { Transactions } from "./miner";

const DAY_MS = 86_400_000;

/** How much an order placed `ageMs` ago counts: halves every `halfLifeDays`; 1 without a half-life. */
export function recencyWeight(ageMs: number, halfLifeDays: number | null): number {
  if (halfLifeDays === null) return 1;
  return Math.pow(0.5, Math.max(0, ageMs) / (halfLifeDays * DAY_MS));
}

export type PairCount = { a: number; b: number; count: number; weight: number };

export type CopurchaseCounts = {
  itemCounts: Int32Array;
  itemWeights: Float64Array;
  totalWeight: number;
  /** Every pair bought together at least once, a < b. */
  pairs: PairCount[];
};

/** Counts each item and each pair of items per order; `weights[o]` is order o's recency weight (1 when absent). */
export function countCopurchases(transactions: Transactions, weights?: Float64Array): CopurchaseCounts {
  const { offsets, items, orderCount } = transactions;
  const itemTotal = transactions.itemNames.length;
  const itemCounts = new Int32Array(itemTotal);
  const itemWeights = new Float64Array(itemTotal);
  const pairIndex = new Map<number, PairCount>();
  let totalWeight = 0;
  for (let order = 0; order < orderCount; order += 1) {
    const weight = weights?.[order] ?? 1;
    totalWeight += weight;
    const start = offsets[order] ?? 0;
    const end = offsets[order + 1] ?? 0;
    for (let i = start; i < end; i += 1) {
      const x = items[i] ?? 0;
      itemCounts[x] = (itemCounts[x] ?? 0) + 1;
      itemWeights[x] = (itemWeights[x] ?? 0) + weight;
      for (let j = i + 1; j < end; j += 1) {
        const y = items[j] ?? 0;
        const [a, b] = x < y ? [x, y] : [y, x];
        const key = a * itemTotal + b;
        const pair = pairIndex.get(key);
        if (pair) {
          pair.count += 1;
          pair.weight += weight;
        } else {
          pairIndex.set(key, { a, b, count: 1, weight });
        }
      }
    }
  }
  return { itemCounts, itemWeights, totalWeight, pairs: [...pairIndex.values()] };
}
