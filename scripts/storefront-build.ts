// Builds the theme blocks' scripts: one per kind of page, each bundling the shared code and the engine's reward
// arithmetic, minified, loaded deferred by the blocks' schema. The built files are committed so that
// `shopify app deploy` ships them; a test fails when they are stale.
import { build } from "esbuild";
import { gzipSync } from "node:zlib";
import { STOREFRONT_SCRIPTS, type StorefrontScript } from "../app/storefront/assets";

export async function buildStorefrontScript(name: StorefrontScript): Promise<string> {
  const result = await build({
    entryPoints: [STOREFRONT_SCRIPTS[name]],
    bundle: true,
    minify: true,
    format: "iife",
    // Evergreen browsers: the engine's exact rate arithmetic needs BigInt.
    target: "es2020",
    legalComments: "none",
    write: false,
  });
  return result.outputFiles[0]!.text;
}

export const gzippedSize = (code: string) => gzipSync(code, { level: 9 }).length;
