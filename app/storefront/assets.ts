// Where the theme app extension and its built scripts live (shared by the build, the demo storefront and the tests).
export const STOREFRONT_EXTENSION = "extensions/pairwise-storefront";

/** Asset name → entry module: one script per kind of page, so a page loads only its blocks' code. */
export const STOREFRONT_SCRIPTS = {
  "pairwise-product.js": "app/storefront/product-blocks.ts",
  "pairwise-cart.js": "app/storefront/cart-blocks.ts",
} as const;
export type StorefrontScript = keyof typeof STOREFRONT_SCRIPTS;
export const scriptPath = (name: StorefrontScript) => `${STOREFRONT_EXTENSION}/assets/${name}`;

/** All block JavaScript together, gzipped: our budget, tighter than Shopify's guidance of 10 KB per extension. */
export const STOREFRONT_SCRIPTS_BUDGET_BYTES = 10 * 1024;
