// `npm run bench:checkout`: the checkout extension's bundle sizes against Shopify's 64 KB compressed limit.
import { BUNDLE_LIMIT_BYTES, bundleCheckoutExtension } from "./checkout-bundle";

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
for (const bundle of await bundleCheckoutExtension()) {
  console.log(`${bundle.name.padEnd(48)} ${kb(bundle.bytes).padStart(9)} minified, ${kb(bundle.gzipBytes).padStart(8)} gzipped (${((bundle.gzipBytes / BUNDLE_LIMIT_BYTES) * 100).toFixed(0)} % of ${kb(BUNDLE_LIMIT_BYTES)})`);
}
