// `npm run bench:engine`: the offer engine on a 200-line cart against 100 active offers, in Node and inside QuickJS
// (the engine Shopify Functions run in), and the bundled Function's size.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { build } from "esbuild";
import { encodeFunctionConfig, FUNCTION_CONFIG_LIMIT_BYTES } from "../app/domain/engine/function-config";
import { cart, functionInputFor, line, offer, P, USD_CONTEXT } from "../app/domain/engine/test-builders";
import type { EngineOffer } from "../app/domain/engine/types";
import { bundleFunction } from "./function-bundle";
import { runInQuickJs } from "./quickjs-function";

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

function timeNode(run: () => void, iterations: number): number[] {
  for (let warmup = 0; warmup < 50; warmup += 1) run();
  return Array.from({ length: iterations }, () => {
    const started = performance.now();
    run();
    return performance.now() - started;
  });
}

// Time the engine as it ships (bundled and minified by esbuild), not as tsx transpiles it on the fly.
const bundledEngine = join(mkdtempSync(join(tmpdir(), "pairwise-bench-")), "engine.mjs");
await build({
  stdin: {
    contents: 'export { evaluateCart } from "./app/domain/engine/evaluate"; export { evaluateFunctionInput } from "./app/domain/engine/function-io";',
    resolveDir: process.cwd(),
    loader: "ts",
  },
  bundle: true,
  minify: true,
  format: "esm",
  platform: "neutral",
  outfile: bundledEngine,
  logLevel: "silent",
});
const { evaluateCart, evaluateFunctionInput } = (await import(pathToFileURL(bundledEngine).href)) as typeof import("../app/domain/engine/function-io") &
  typeof import("../app/domain/engine/evaluate");

const engineSamples = timeNode(() => evaluateCart(shopping, offers, USD_CONTEXT), 2000);
const config = JSON.parse(encodeFunctionConfig({ shopCurrency: "USD", offers }));
const input = functionInputFor(shopping, USD_CONTEXT, config);
const functionSamples = timeNode(() => evaluateFunctionInput(input), 1000);

const bundle = await bundleFunction("cart.lines.discounts.generate.run");
const quickJsSamples: number[] = [];
for (let run = 0; run < 40; run += 1) quickJsSamples.push((await runInQuickJs(bundle.code, input)).milliseconds);

// A typical checkout for comparison: 10 lines against 10 offers.
const typicalInput = functionInputFor(
  cart(shopping.lines.slice(0, 10), shopping),
  USD_CONTEXT,
  JSON.parse(encodeFunctionConfig({ shopCurrency: "USD", offers: offers.slice(0, 10) })),
);
const emptyInput = functionInputFor(cart([line(1, 1000)]), USD_CONTEXT, JSON.parse(encodeFunctionConfig({ shopCurrency: "USD", offers: [] })));
const quickJs = async (runInput: unknown, runs: number) => {
  const samples: number[] = [];
  for (let run = 0; run < runs; run += 1) samples.push((await runInQuickJs(bundle.code, runInput)).milliseconds);
  return samples;
};
const typicalSamples = await quickJs(typicalInput, 40);
const emptySamples = await quickJs(emptyInput, 40);

const format = (samples: number[]) => `median ${percentile(samples, 0.5).toFixed(3)} ms, p99 ${percentile(samples, 0.99).toFixed(3)} ms`;
const configBytes = Buffer.byteLength(JSON.stringify(config));
const applied = evaluateCart(shopping, offers, USD_CONTEXT).trace.filter((trace) => trace.applied).length;

console.log(`Cart: ${LINES} lines, ${shopping.lines.reduce((sum, l) => sum + l.quantity, 0)} units; ${OFFERS} active offers (${applied} apply)`);
console.log(`Node engine (evaluateCart):                 ${format(engineSamples)}`);
console.log(`Node Function path (decode config + engine): ${format(functionSamples)}`);
console.log(`QuickJS, bundled Function (parse + run):     ${format(quickJsSamples)}`);
console.log(`QuickJS, typical checkout (10 lines, 10 offers): ${format(typicalSamples)}`);
console.log(`QuickJS, loading the bundle alone (no offers):   ${format(emptySamples)}`);
console.log(`Bundled Function: ${(bundle.bytes / 1024).toFixed(1)} KB minified, ${(bundle.gzipBytes / 1024).toFixed(1)} KB gzipped (target < 64 KB)`);
console.log(`Configuration for these ${OFFERS} offers: ${configBytes} bytes (Shopify passes at most ${FUNCTION_CONFIG_LIMIT_BYTES} to a Function)`);
