// Formats amounts exactly as the theme's `money` filter does in the shopper's currency: the block renders
// `{{ 123456 | money }}` (e.g. "$1,234.56", "1.234,56 €", "¥123,456", "$1,235") and amounts are written in its shape.
import { currencyExponent } from "../domain/money";

/** The sample's minor units: 123456. */
const SAMPLE_DIGITS = 6;

export function moneyFormatter(template: string, currency: string): (amountMinor: number) => string {
  const exponent = currencyExponent(currency);
  const sample = /\d(?:[\d.,'\s\u00a0\u202f]*\d)?/.exec(template)?.[0] ?? "";
  // A format without decimals ("{{amount_no_decimals}}") shows fewer digits than the sample has.
  const decimals = Math.max(0, sample.replace(/\D/g, "").length - (SAMPLE_DIGITS - exponent));
  const decimalSeparator = decimals > 0 ? (sample[sample.length - decimals - 1] ?? ".") : "";
  const wholePart = decimals > 0 ? sample.slice(0, sample.length - decimals - 1) : sample;
  const groupSeparator = /\D/.exec(wholePart)?.[0] ?? "";
  const unit = 10 ** (exponent - decimals);

  return (amountMinor) => {
    const shown = Math.floor((Math.abs(amountMinor) + Math.floor(unit / 2)) / unit);
    const scale = 10 ** decimals;
    const whole = String(Math.floor(shown / scale)).replace(/\B(?=(\d{3})+(?!\d))/g, groupSeparator);
    const number = decimals > 0 ? `${whole}${decimalSeparator}${String(shown % scale).padStart(decimals, "0")}` : whole;
    const text = sample ? template.replace(sample, number) : number;
    return amountMinor < 0 ? `-${text}` : text;
  };
}
