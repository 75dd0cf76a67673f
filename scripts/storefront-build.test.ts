// The theme app extension as Shopify would receive it: its scripts built from the current source, within our size
// budget, and clean under Shopify's theme check.
import { readFile } from "node:fs/promises";
import { check } from "@shopify/theme-check-node";
import { describe, expect, it } from "vitest";
import { scriptPath, STOREFRONT_EXTENSION, STOREFRONT_SCRIPTS, STOREFRONT_SCRIPTS_BUDGET_BYTES, type StorefrontScript } from "../app/storefront/assets";
import { buildStorefrontScript, gzippedSize } from "./storefront-build";

const names = Object.keys(STOREFRONT_SCRIPTS) as StorefrontScript[];

describe("storefront scripts", () => {
  it("are committed as the current source builds them (run npm run build:storefront)", async () => {
    for (const name of names) expect(await readFile(scriptPath(name), "utf8"), name).toBe(await buildStorefrontScript(name));
  });

  it("stay within 10 KB gzipped all together", async () => {
    const sizes = await Promise.all(names.map(async (name) => gzippedSize(await readFile(scriptPath(name), "utf8"))));
    expect(sizes.reduce((sum, size) => sum + size, 0)).toBeLessThanOrEqual(STOREFRONT_SCRIPTS_BUDGET_BYTES);
  });
});

describe("theme check", () => {
  it("reports nothing on the theme app extension", async () => {
    const offenses = await check(STOREFRONT_EXTENSION);
    expect(offenses.map((offense) => `${offense.check} ${offense.uri.split("/").slice(-2).join("/")}: ${offense.message}`)).toEqual([]);
  }, 60_000);
});
