// Checkout tells an extension the buyer's currency but not the rate Shopify converts the shop's prices with, which
// the engine needs for amounts fixed in the shop currency (spend thresholds, amounts off). The cart's own prices
// against the catalog's give it: exact without a market's price rounding, within a rounding step with it.
import { currencyExponent } from "../money";

export type PricedLine = { quantity: number; unitPriceMinor: number; shopUnitPriceMinor: number };

/** Presentment units per shop unit as a decimal string ("1" when the currencies agree or nothing can be compared). */
export function estimatePresentmentRate(lines: readonly PricedLine[], cartCurrency: string, shopCurrency: string): string {
  if (cartCurrency === shopCurrency) return "1";
  let presentment = 0;
  let shop = 0;
  for (const line of lines) {
    presentment += line.unitPriceMinor * line.quantity;
    shop += line.shopUnitPriceMinor * line.quantity;
  }
  if (presentment <= 0 || shop <= 0) return "1";
  const rate = (presentment * 10 ** currencyExponent(shopCurrency)) / (shop * 10 ** currencyExponent(cartCurrency));
  return rate.toFixed(6).replace(/\.?0+$/, "") || "1";
}
