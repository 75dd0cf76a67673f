// Frequent itemsets and association rules, with the semantics of R's arules apriori (minlen 2, one item on the
// right): an itemset is frequent when count / orders >= min support; a rule holds when count(itemset) / count(lhs)
// >= min confidence. Counting runs on typed arrays: pairs in a triangular matrix, triples in a map keyed by number.
// Pure; used by the server's rebuild job and by `npm run fbt`.

/** Orders in compressed rows: order o holds items[offsets[o] .. offsets[o + 1]), each item id once. */
export type Transactions = { itemNames: string[]; offsets: Int32Array; items: Int32Array; orderCount: number };

export type MiningOptions = { minCount: number; minConfidence: number; maxLength: 2 | 3 };

export type Rule = { lhs: number[]; rhs: number; count: number; support: number; confidence: number; lift: number };

export type MiningResult = { rules: Rule[]; itemCounts: Int32Array; frequentItems: number; frequentPairs: number; frequentTriples: number };

/** Builds Transactions one order at a time, interning item names and dropping repeats within an order. */
export class TransactionsBuilder {
  private readonly ids = new Map<string, number>();
  readonly itemNames: string[] = [];
  private offsets: number[] = [0];
  private items: number[] = [];
  private readonly seen: number[] = [];
  private order = 0;

  add(names: Iterable<string>): void {
    this.order += 1;
    for (const name of names) {
      let id = this.ids.get(name);
      if (id === undefined) {
        id = this.itemNames.length;
        this.ids.set(name, id);
        this.itemNames.push(name);
        this.seen.push(0);
      }
      if (this.seen[id] === this.order) continue;
      this.seen[id] = this.order;
      this.items.push(id);
    }
    this.offsets.push(this.items.length);
  }

  build(): Transactions {
    return {
      itemNames: this.itemNames,
      offsets: Int32Array.from(this.offsets),
      items: Int32Array.from(this.items),
      orderCount: this.offsets.length - 1,
    };
  }
}

/** The smallest count that meets a support fraction, judged as arules does (count / orders >= support). */
export function minCountForSupport(support: number, orderCount: number): number {
  let count = Math.max(1, Math.floor(support * orderCount));
  while (count > 1 && (count - 1) / orderCount >= support) count -= 1;
  while (count / orderCount < support) count += 1;
  return count;
}

export function mineRules(transactions: Transactions, options: MiningOptions): MiningResult {
  const { offsets, items, orderCount } = transactions;
  const itemTotal = transactions.itemNames.length;
  const { minCount, minConfidence } = options;

  const itemCounts = new Int32Array(itemTotal);
  for (let index = 0; index < items.length; index += 1) {
    const item = items[index] ?? 0;
    itemCounts[item] = (itemCounts[item] ?? 0) + 1;
  }

  // Frequent items get dense ranks 0..f-1, so pairs fit a triangular matrix of f(f-1)/2 counters.
  const rankOf = new Int32Array(itemTotal).fill(-1);
  const itemOfRank: number[] = [];
  for (let item = 0; item < itemTotal; item += 1) {
    if ((itemCounts[item] ?? 0) >= minCount) {
      rankOf[item] = itemOfRank.length;
      itemOfRank.push(item);
    }
  }
  const f = itemOfRank.length;
  // Pair (i, j), i < j, lives at rowStart[i] + j of a triangular matrix of f(f-1)/2 counters.
  const rowStart = new Float64Array(f);
  for (let i = 0; i < f; i += 1) rowStart[i] = (i * (2 * f - i - 1)) / 2 - i - 1;
  const pairIndex = (i: number, j: number) => (rowStart[i] ?? 0) + j;
  const pairCounts = new Int32Array(Math.max(0, (f * (f - 1)) / 2));
  // Pairs are listed the moment they become frequent, so no pass over the whole matrix is needed.
  const frequentPairList: number[] = [];

  // Each order reduced to its frequent items' ranks, sorted, kept for the triple pass.
  const reducedOffsets = new Int32Array(orderCount + 1);
  const reduced = new Int32Array(items.length);
  let written = 0;
  for (let order = 0; order < orderCount; order += 1) {
    const start = written;
    for (let index = offsets[order] ?? 0; index < (offsets[order + 1] ?? 0); index += 1) {
      const rank = rankOf[items[index] ?? 0] ?? -1;
      if (rank < 0) continue;
      // Insertion sort: orders hold a handful of items.
      let position = written;
      while (position > start && (reduced[position - 1] ?? 0) > rank) {
        reduced[position] = reduced[position - 1] ?? 0;
        position -= 1;
      }
      reduced[position] = rank;
      written += 1;
    }
    for (let a = start; a < written; a += 1) {
      const row = rowStart[reduced[a] ?? 0] ?? 0;
      for (let b = a + 1; b < written; b += 1) {
        const pair = row + (reduced[b] ?? 0);
        const next = (pairCounts[pair] ?? 0) + 1;
        pairCounts[pair] = next;
        if (next === minCount) frequentPairList.push(pair);
      }
    }
    reducedOffsets[order + 1] = written;
  }

  const rules: Rule[] = [];
  const count = (item: number) => itemCounts[item] ?? 0;
  const push = (lhs: number[], rhs: number, itemsetCount: number, lhsCount: number) => {
    const confidence = itemsetCount / lhsCount;
    if (confidence < minConfidence) return;
    const support = itemsetCount / orderCount;
    rules.push({ lhs, rhs, count: itemsetCount, support, confidence, lift: confidence / (count(rhs) / orderCount) });
  };

  // Back from a matrix index to its pair: the row is the last i whose rowStart[i] + i + 1 <= index.
  const pairOf = (pair: number): [number, number] => {
    let low = 0;
    let high = f - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((rowStart[middle] ?? 0) + middle + 1 <= pair) low = middle;
      else high = middle - 1;
    }
    return [low, pair - (rowStart[low] ?? 0)];
  };
  frequentPairList.sort((x, y) => x - y);
  for (const pair of frequentPairList) {
    const [i, j] = pairOf(pair);
    const pairCount = pairCounts[pair] ?? 0;
    const a = itemOfRank[i] ?? 0;
    const b = itemOfRank[j] ?? 0;
    push([a], b, pairCount, count(a));
    push([b], a, pairCount, count(b));
  }
  const frequentPairs = frequentPairList.length;

  let frequentTriples = 0;
  if (options.maxLength === 3) {
    // Only triples whose three pairs are all frequent can be frequent (the apriori property).
    const tripleCounts = new Map<number, number>();
    const frequentPair = (i: number, j: number) => (pairCounts[(rowStart[i] ?? 0) + j] ?? 0) >= minCount;
    for (let order = 0; order < orderCount; order += 1) {
      const start = reducedOffsets[order] ?? 0;
      const end = reducedOffsets[order + 1] ?? 0;
      for (let a = start; a < end; a += 1) {
        const i = reduced[a] ?? 0;
        for (let b = a + 1; b < end; b += 1) {
          const j = reduced[b] ?? 0;
          if (!frequentPair(i, j)) continue;
          for (let c = b + 1; c < end; c += 1) {
            const k = reduced[c] ?? 0;
            if (!frequentPair(i, k) || !frequentPair(j, k)) continue;
            const key = (i * f + j) * f + k;
            tripleCounts.set(key, (tripleCounts.get(key) ?? 0) + 1);
          }
        }
      }
    }
    for (const [key, tripleCount] of tripleCounts) {
      if (tripleCount < minCount) continue;
      frequentTriples += 1;
      const k = key % f;
      const j = Math.floor(key / f) % f;
      const i = Math.floor(key / (f * f));
      const [a, b, c] = [itemOfRank[i] ?? 0, itemOfRank[j] ?? 0, itemOfRank[k] ?? 0];
      push([a, b], c, tripleCount, pairCounts[pairIndex(i, j)] ?? 0);
      push([a, c], b, tripleCount, pairCounts[pairIndex(i, k)] ?? 0);
      push([b, c], a, tripleCount, pairCounts[pairIndex(j, k)] ?? 0);
    }
  }

  return { rules, itemCounts, frequentItems: f, frequentPairs, frequentTriples };
}
