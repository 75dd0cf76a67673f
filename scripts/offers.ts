// `npm run -s offers -- <command>`: tools for the offers file format (docs/offers.md).
//   simulate --offers FILE --cart FILE [--catalog FILE]   the discount Function's result, nudges and suggestions
//   validate --offers FILE                                 checks an offers file, naming each bad entry
//   schema                                                 prints the offers file's JSON Schema
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { en } from "zod/locales";
import * as z from "zod/mini";
import { compileFunctionConfig } from "../app/domain/engine/function-config";
import { cartLinesOperations, deliveryOperations, evaluateFunctionInput, functionInputSchema } from "../app/domain/engine/function-io";
import { offersFileSchema, type OffersFile } from "../app/domain/engine/offer-schema";
import type { CatalogEntry } from "../app/domain/engine/types";

// zod/mini carries no messages of its own; the English ones make each problem readable.
z.config(en());

const catalogSchema = z.array(z.object({ productId: z.string(), variantId: z.string(), available: z.boolean(), published: z.boolean() }));

class UsageError extends Error {}

function readJson<T>(path: string | undefined, schema: z.ZodMiniType<T>, what: string): T {
  if (!path) throw new UsageError(`--${what} FILE is required`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new UsageError(`${path}: ${error instanceof SyntaxError ? `not valid JSON (${error.message})` : String(error)}`);
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join(".") || "(file)"}: ${issue.message}`);
    throw new UsageError(`${path} is not a valid ${what} file:\n${problems.join("\n")}`);
  }
  return parsed.data;
}

function simulate(values: Record<string, string | undefined>) {
  const offersFile: OffersFile = readJson(values.offers, offersFileSchema, "offers");
  const input = readJson(values.cart, functionInputSchema, "cart");
  const catalogEntries = values.catalog ? readJson(values.catalog, catalogSchema, "catalog") : [];
  const compiled = compileFunctionConfig(offersFile.offers, offersFile.shopCurrency);
  if (!compiled.ok) throw new UsageError(compiled.message);
  // The configuration reaches the Function as its discount's metafield, as Shopify would pass it.
  const withConfig = { ...input, discount: { ...input.discount, metafield: { jsonValue: JSON.parse(compiled.value) } } };
  const catalog = new Map<string, CatalogEntry>(catalogEntries.map((entry) => [entry.variantId, entry]));
  const evaluation = evaluateFunctionInput(withConfig, { catalog });
  return {
    "cart.lines.discounts.generate.run": cartLinesOperations(evaluation, withConfig.discount.discountClasses),
    "cart.delivery-options.discounts.generate.run": deliveryOperations(evaluation, withConfig.discount.discountClasses),
    subtotalBeforeMinor: evaluation?.result.subtotalBeforeMinor ?? null,
    subtotalAfterMinor: evaluation?.result.subtotalAfterMinor ?? null,
    nudges: evaluation?.result.nudges ?? [],
    suggestions: evaluation?.result.suggestions ?? [],
    trace: evaluation?.result.trace ?? [],
    configurationBytes: compiled.bytes,
  };
}

export function runOffersCommand(argv: string[]): { output: string; exitCode: number } {
  try {
    const { positionals, values } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { offers: { type: "string" }, cart: { type: "string" }, catalog: { type: "string" } },
    });
    const command = positionals[0];
    if (command === "simulate") return { output: JSON.stringify(simulate(values), null, 2), exitCode: 0 };
    if (command === "validate") {
      const file = readJson(values.offers, offersFileSchema, "offers");
      return { output: `${values.offers}: ${file.offers.length} valid offers`, exitCode: 0 };
    }
    if (command === "schema") return { output: JSON.stringify(z.toJSONSchema(offersFileSchema, { io: "input" }), null, 2), exitCode: 0 };
    throw new UsageError("usage: offers simulate --offers FILE --cart FILE [--catalog FILE] | validate --offers FILE | schema");
  } catch (error) {
    if (error instanceof UsageError || (error instanceof Error && "code" in error && String(error.code).startsWith("ERR_PARSE_ARGS"))) {
      return { output: error.message, exitCode: 1 };
    }
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { output, exitCode } = runOffersCommand(process.argv.slice(2));
  (exitCode === 0 ? console.log : console.error)(output);
  process.exitCode = exitCode;
}
