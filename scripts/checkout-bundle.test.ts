import { describe, expect, it } from "vitest";
import { BUNDLE_LIMIT_BYTES, bundleCheckoutExtension } from "./checkout-bundle";

describe("the checkout extension's bundle", () => {
  it("stays within Shopify's 64 KB compressed limit, per target and as a whole", async () => {
    const bundles = await bundleCheckoutExtension();
    expect(bundles).toHaveLength(3);
    for (const bundle of bundles) expect(bundle.gzipBytes, bundle.name).toBeLessThanOrEqual(BUNDLE_LIMIT_BYTES);
  });
});
