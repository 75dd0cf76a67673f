import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFbt } from "./fbt";

const DATASETS = "../shared/datasets";

function requireDataset(name: string): string {
  const path = join(DATASETS, name);
  if (!existsSync(path)) throw new Error(`${path} is missing: this test needs the shared datasets folder beside the project (../shared/datasets).`);
  return path;
}

type OutputRule = { lhs: string[]; rhs: string; count: number; support: number; confidence: number; lift: number };

describe("npm run fbt", () => {
  it("prints exactly the rules R's arules finds on Groceries (support 0.001, confidence 0.1, length 3)", () => {
    const { lines, exitCode } = runFbt(["--input", requireDataset("groceries.csv"), "--min-support", "0.001", "--min-confidence", "0.1", "--max-len", "3"]);
    expect(exitCode).toBe(0);
    const mine = new Map(
      lines.map((line) => {
        const rule = JSON.parse(line) as OutputRule;
        return [`${rule.lhs.join(",")}=>${rule.rhs}`, rule];
      }),
    );
    const reference = readFileSync(requireDataset("groceries_rules_s0.001_c0.1_len3.tsv"), "utf8").trim().split("\n").slice(1);
    expect(reference).toHaveLength(18_589);
    expect(mine.size).toBe(reference.length);
    for (const row of reference) {
      const [lhs = "", rhs = "", count, support, confidence, lift] = row.split("\t");
      const key = `${lhs.slice(1, -1).split(",").sort().join(",")}=>${rhs.slice(1, -1)}`;
      const rule = mine.get(key);
      expect(rule, key).toBeDefined();
      expect(rule?.count, key).toBe(Number(count));
      expect(Math.abs((rule?.support ?? 0) - Number(support)), key).toBeLessThan(1e-9);
      expect(Math.abs((rule?.confidence ?? 0) - Number(confidence)), key).toBeLessThan(1e-9);
      expect(Math.abs((rule?.lift ?? 0) - Number(lift)), key).toBeLessThan(1e-9);
    }
  });

  it("reads Shopify order JSON, keying items by product id and ignoring custom items", () => {
    const path = join(tmpdir(), "fbt-orders.jsonl");
    const order = (...ids: (number | null)[]) => JSON.stringify({ id: 1, line_items: ids.map((product_id) => ({ product_id, quantity: 1 })) });
    writeFileSync(path, [order(1, 2), order(1, 2, null), order(1, 3), order(2)].join("\n"));
    const { lines } = runFbt(["--input", path, "--format", "shopify-orders", "--min-count", "2", "--min-confidence", "0.5", "--max-len", "2"]);
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { lhs: ["1"], rhs: "2", count: 2, support: 0.5, confidence: 2 / 3, lift: 2 / 3 / 0.75 },
      { lhs: ["2"], rhs: "1", count: 2, support: 0.5, confidence: 2 / 3, lift: 2 / 3 / 0.75 },
    ]);
  });

  it("explains bad input and usage", () => {
    const path = join(tmpdir(), "fbt-bad.jsonl");
    writeFileSync(path, '{"line_items":[]}\n{"nope":1}\n');
    expect(runFbt(["--input", path, "--format", "shopify-orders", "--min-count", "1", "--min-confidence", "0"]).error).toMatch(/^line 2: not a Shopify order/);
    expect(runFbt(["--input", path, "--min-count", "1", "--min-support", "0.1", "--min-confidence", "0"]).error).toMatch(/^give exactly one of/);
    expect(runFbt(["--input", path, "--min-count", "1", "--min-confidence", "0", "--max-len", "4"]).error).toMatch(/^--max-len 4 is not valid/);
    expect(runFbt(["--input", "/nonexistent", "--min-count", "1", "--min-confidence", "0"]).exitCode).toBe(1);
  });
});
