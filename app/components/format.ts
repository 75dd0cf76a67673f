import { toDecimal, type Money } from "../domain/money";

/** Formats money for the merchant in their locale, from integer minor units (no float arithmetic on the amount). */
export function formatMoney(value: Money, locale = "en"): string {
  const formatter = new Intl.NumberFormat(locale, { style: "currency", currency: value.currency });
  // A decimal string keeps the exact amount; Intl formats it without converting to a float.
  return formatter.format(toDecimal(value) as `${number}`);
}
