// `npm run -s fbt -- --input FILE [--format basket|shopify-orders] (--min-support S | --min-count N)
//   --min-confidence C --max-len 2|3`: association rules, one JSON object per line (arules apriori semantics).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { mineRules, minCountForSupport, type Rule, type Transactions } from "../app/domain/fbt/miner";
import { parseTransactions, TransactionsFileError, type TransactionsFormat } from "../app/domain/fbt/transactions-file";

class UsageError extends Error {}

const USAGE =
  "usage: fbt --input FILE [--format basket|shopify-orders] (--min-support S | --min-count N) --min-confidence C --max-len 2|3";

function number(value: string | undefined, name: string, valid: (n: number) => boolean): number | undefined {
  if (value === undefined) return undefined;
  const parsed = Number(value);
  if (!Number.isFinite(parsed) || !valid(parsed)) throw new UsageError(`--${name} ${value} is not valid\n${USAGE}`);
  return parsed;
}

export function ruleLine(rule: Rule, transactions: Transactions): string {
  const names = transactions.itemNames;
  return JSON.stringify({
    lhs: rule.lhs.map((item) => names[item] ?? "").sort(),
    rhs: names[rule.rhs] ?? "",
    count: rule.count,
    support: rule.support,
    confidence: rule.confidence,
    lift: rule.lift,
  });
}

export function runFbt(argv: string[]): { lines: string[]; exitCode: number; error?: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: {
        input: { type: "string" },
        format: { type: "string", default: "basket" },
        "min-support": { type: "string" },
        "min-count": { type: "string" },
        "min-confidence": { type: "string" },
        "max-len": { type: "string", default: "2" },
      },
    });
    if (!values.input) throw new UsageError(USAGE);
    if (values.format !== "basket" && values.format !== "shopify-orders") throw new UsageError(`--format must be basket or shopify-orders\n${USAGE}`);
    const support = number(values["min-support"], "min-support", (n) => n > 0 && n <= 1);
    const count = number(values["min-count"], "min-count", (n) => Number.isInteger(n) && n >= 1);
    if ((support === undefined) === (count === undefined)) throw new UsageError(`give exactly one of --min-support and --min-count\n${USAGE}`);
    const confidence = number(values["min-confidence"], "min-confidence", (n) => n >= 0 && n <= 1);
    if (confidence === undefined) throw new UsageError(`--min-confidence is required\n${USAGE}`);
    const maxLength = number(values["max-len"], "max-len", (n) => n === 2 || n === 3) as 2 | 3;

    const transactions = parseTransactions(readFileSync(values.input, "utf8"), values.format as TransactionsFormat);
    const minCount = count ?? minCountForSupport(support ?? 1, transactions.orderCount);
    const { rules } = mineRules(transactions, { minCount, minConfidence: confidence, maxLength });
    return { lines: rules.map((rule) => ruleLine(rule, transactions)), exitCode: 0 };
  } catch (error) {
    if (error instanceof UsageError || error instanceof TransactionsFileError) return { lines: [], exitCode: 1, error: error.message };
    if (error instanceof Error && "code" in error && (error.code === "ENOENT" || String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      return { lines: [], exitCode: 1, error: error.message };
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  // Piping into `head` closes stdout early; that is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const { lines, exitCode, error } = runFbt(process.argv.slice(2));
  if (error) console.error(error);
  if (lines.length > 0) process.stdout.write(`${lines.join("\n")}\n`);
  process.exitCode = exitCode;
}
