// Bundles the discount Function's targets as the Shopify CLI does before compiling to WASM (esbuild, one module
// calling ShopifyFunction.readInput/writeOutput), so tests and benchmarks can run the very code Shopify would.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const EXTENSION_DIR = "extensions/pairwise-discount";

export const FUNCTION_TARGETS = {
  "cart.lines.discounts.generate.run": "cartLinesDiscountsGenerateRun",
  "cart.delivery-options.discounts.generate.run": "cartDeliveryOptionsDiscountsGenerateRun",
} as const;

export type FunctionTarget = keyof typeof FUNCTION_TARGETS;

export type FunctionBundle = { target: FunctionTarget; code: string; bytes: number; gzipBytes: number };

export async function bundleFunction(target: FunctionTarget): Promise<FunctionBundle> {
  const result = await build({
    stdin: {
      contents: `import run from "@shopify/shopify_function/run";\nimport { ${FUNCTION_TARGETS[target]} } from "./src/index";\nrun(${FUNCTION_TARGETS[target]});\n`,
      resolveDir: EXTENSION_DIR,
      loader: "ts",
    },
    bundle: true,
    minify: true,
    format: "iife",
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { target, code, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code).length };
}
