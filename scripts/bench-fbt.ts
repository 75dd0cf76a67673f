// `npm run bench:fbt`: mines a deterministic synthetic file of 1,000,000 orders over 10,000 products (Zipf
// popularity, about 3 items per order, planted complements) and prints parse time, mining time, peak memory and rules.
import { readFileSync, writeFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "../app/demo/random";
import { mineRules } from "../app/domain/fbt/miner";
import { parseTransactions } from "../app/domain/fbt/transactions-file";

const ORDERS = 1_000_000;
const PRODUCTS = 10_000;

function generate(): string {
  const random = createRandom(7);
  let total = 0;
  const cumulative = Array.from({ length: PRODUCTS }, (_, rank) => (total += 1 / (rank + 1)));
  // Every 10th product has a complement bought with it 40 % of the time.
  const complementOf = (product: number) => (product % 10 === 0 ? (product * 7 + 13) % PRODUCTS : -1);
  const lines: string[] = new Array(ORDERS);
  for (let order = 0; order < ORDERS; order += 1) {
    const size = 1 + random.weightedIndex([30, 60, 80, 92, 100]);
    const basket = new Set<number>();
    while (basket.size < size) {
      const product = random.weightedIndex(cumulative);
      basket.add(product);
      const complement = complementOf(product);
      if (complement >= 0 && random.chance(0.4)) basket.add(complement);
    }
    lines[order] = [...basket].map((product) => `p${product}`).join(",");
  }
  return lines.join("\n");
}

const path = join(mkdtempSync(join(tmpdir(), "pairwise-fbt-")), "orders.csv");
writeFileSync(path, generate());

const time = <T>(work: () => T): [T, number] => {
  const started = performance.now();
  const result = work();
  return [result, performance.now() - started];
};

const [transactions, parseMs] = time(() => parseTransactions(readFileSync(path, "utf8"), "basket"));
console.log(`Orders: ${transactions.orderCount.toLocaleString("en")}, products: ${transactions.itemNames.length.toLocaleString("en")}, items: ${transactions.items.length.toLocaleString("en")}`);
console.log(`Parse: ${parseMs.toFixed(0)} ms`);
for (const maxLength of [2, 3] as const) {
  const [result, mineMs] = time(() => mineRules(transactions, { minCount: 10, minConfidence: 0.1, maxLength }));
  console.log(
    `Max length ${maxLength}: mine ${mineMs.toFixed(0)} ms (parse + mine ${(parseMs + mineMs).toFixed(0)} ms), ` +
      `${result.rules.length.toLocaleString("en")} rules from ${result.frequentPairs.toLocaleString("en")} pairs and ${result.frequentTriples.toLocaleString("en")} triples`,
  );
}
console.log(`Peak memory (max RSS): ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
