// Bundles the checkout UI extension as the Shopify CLI does (esbuild, minified, Preact JSX) to measure it against
// Shopify's limit: 64 KB of compressed JavaScript per extension (API 2025-10 and later), enforced at deploy.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const EXTENSION_DIR = "extensions/pairwise-checkout";
export const BUNDLE_LIMIT_BYTES = 64 * 1024;

export const CHECKOUT_TARGETS = {
  "purchase.checkout.cart-line-list.render-after": "./src/Checkout.tsx",
  "purchase.thank-you.block.render": "./src/ThankYou.tsx",
} as const;

export type CheckoutBundle = { name: string; bytes: number; gzipBytes: number };

async function bundle(name: string, contents: string): Promise<CheckoutBundle> {
  const result = await build({
    stdin: { contents, resolveDir: EXTENSION_DIR, loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    target: "es2020",
    jsx: "automatic",
    jsxImportSource: "preact",
    define: { "process.env.NODE_ENV": '"production"' },
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]?.text ?? "";
  return { name, bytes: Buffer.byteLength(code), gzipBytes: gzipSync(code, { level: 9 }).length };
}

/** Each target on its own, then the whole extension as one bundle (the stricter reading of "per extension"). */
export async function bundleCheckoutExtension(): Promise<CheckoutBundle[]> {
  const targets = Object.entries(CHECKOUT_TARGETS);
  const each = await Promise.all(targets.map(([target, module]) => bundle(target, `export { default } from "${module}";`)));
  const whole = await bundle("whole extension", targets.map(([, module], index) => `export { default as t${index} } from "${module}";`).join("\n"));
  return [...each, whole];
}
