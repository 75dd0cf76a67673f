// `npm run bench:storefront`: the storefront budgets. Prints the size of the blocks' JavaScript (raw and gzipped, per
// script and together) and Lighthouse's performance score of the demo storefront's product page with and without
// the blocks (median of RUNS each, Lighthouse's default mobile profile with simulated throttling).
// Needs Chromium (CHROME_PATH, default /usr/bin/chromium); builds and starts `npm run demo` on a scratch database.
import { readFile } from "node:fs/promises";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { scriptPath, STOREFRONT_SCRIPTS, STOREFRONT_SCRIPTS_BUDGET_BYTES, type StorefrontScript } from "../app/storefront/assets";
import { startDemoServer } from "../tests/support/demo-server";
import { gzippedSize } from "./storefront-build";

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const PAGE = "/preview/products/ceramic-pour-over-dripper";

let total = 0;
console.log("Block JavaScript (committed assets):");
for (const name of Object.keys(STOREFRONT_SCRIPTS) as StorefrontScript[]) {
  const code = await readFile(scriptPath(name), "utf8");
  total += gzippedSize(code);
  console.log(`  ${name}: ${code.length} bytes, ${gzippedSize(code)} bytes gzipped`);
}
console.log(`  all blocks together: ${total} bytes gzipped (budget ${STOREFRONT_SCRIPTS_BUDGET_BYTES})`);

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? NaN;

console.log("\nStarting the demo storefront…");
const server = await startDemoServer();
const chrome = await chromeLauncher.launch({
  chromePath: process.env.CHROME_PATH ?? "/usr/bin/chromium",
  chromeFlags: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  const measure = async (url: string) => {
    const scores: number[] = [];
    const metrics: Record<string, number[]> = { FCP: [], LCP: [], TBT: [], CLS: [] };
    // One run first to warm the server's caches; it is not counted.
    for (let run = 0; run <= RUNS; run += 1) {
      const result = await lighthouse(url, { port: chrome.port, onlyCategories: ["performance"], output: "json", logLevel: "error" });
      if (!result) throw new Error(`Lighthouse returned nothing for ${url}`);
      if (run === 0) continue;
      const { categories, audits } = result.lhr;
      scores.push(Math.round((categories.performance?.score ?? 0) * 100));
      metrics.FCP!.push(audits["first-contentful-paint"]?.numericValue ?? NaN);
      metrics.LCP!.push(audits["largest-contentful-paint"]?.numericValue ?? NaN);
      metrics.TBT!.push(audits["total-blocking-time"]?.numericValue ?? NaN);
      metrics.CLS!.push(audits["cumulative-layout-shift"]?.numericValue ?? NaN);
    }
    return { score: median(scores), scores, metrics: Object.fromEntries(Object.entries(metrics).map(([name, values]) => [name, median(values)])) };
  };
  const without = await measure(`${server.baseUrl}${PAGE}?blocks=0`);
  const withBlocks = await measure(`${server.baseUrl}${PAGE}`);
  const describe = (label: string, run: Awaited<ReturnType<typeof measure>>) =>
    console.log(
      `  ${label}: performance ${run.score} (runs ${run.scores.join(", ")}); FCP ${run.metrics.FCP?.toFixed(0)} ms, LCP ${run.metrics.LCP?.toFixed(0)} ms, ` +
        `TBT ${run.metrics.TBT?.toFixed(0)} ms, CLS ${run.metrics.CLS?.toFixed(3)}`,
    );
  console.log(`\nLighthouse ${PAGE} (median of ${RUNS}):`);
  describe("without blocks", without);
  describe("with blocks   ", withBlocks);
  console.log(`  drop: ${without.score - withBlocks.score} points (budget 2)`);
} finally {
  chrome.kill();
  await server.stop();
}
