// Money is an integer amount of the currency's minor unit plus its ISO 4217 code: never a float.
// Pure module, shared by the server, the storefront and the extensions.

export type Money = { amountMinor: number; currency: string };

/** ISO 4217 currencies whose minor unit is not 1/100. */
const NON_CENTESIMAL_EXPONENTS: Readonly<Record<string, number>> = {
  BIF: 0, CLP: 0, DJF: 0, GNF: 0, ISK: 0, JPY: 0, KMF: 0, KRW: 0, PYG: 0, RWF: 0, UGX: 0, UYI: 0, VND: 0,
  VUV: 0, XAF: 0, XOF: 0, XPF: 0,
  BHD: 3, IQD: 3, JOD: 3, KWD: 3, LYD: 3, OMR: 3, TND: 3,
};

export class MoneyError extends Error {
  override name = "MoneyError";
}

/** Digits after the decimal point in the currency's minor unit (2 unless ISO 4217 says otherwise). */
export function currencyExponent(currency: string): number {
  if (!/^[A-Z]{3}$/.test(currency)) throw new MoneyError(`"${currency}" is not an ISO 4217 currency code`);
  return NON_CENTESIMAL_EXPONENTS[currency] ?? 2;
}

/**
 * Parses a decimal string such as Shopify's "12.50" or "1200.0" into minor units without going through a float.
 * Digits beyond the currency's precision must be zeros: silently rounding a price would misstate it.
 */
export function parseDecimal(decimal: string, currency: string): Money {
  const match = /^(-)?(\d+)(?:\.(\d+))?$/.exec(decimal.trim());
  if (!match) throw new MoneyError(`"${decimal}" is not a decimal amount`);
  const [, sign, whole = "0", fraction = ""] = match;
  const exponent = currencyExponent(currency);
  if (/[1-9]/.test(fraction.slice(exponent))) {
    throw new MoneyError(`${decimal} has more precision than ${currency} allows (${exponent} decimals)`);
  }
  const minorDigits = whole + fraction.slice(0, exponent).padEnd(exponent, "0");
  const amountMinor = Number(minorDigits);
  if (!Number.isSafeInteger(amountMinor)) throw new MoneyError(`${decimal} ${currency} is too large`);
  return { amountMinor: sign && amountMinor !== 0 ? -amountMinor : amountMinor, currency };
}

/** The plain decimal string of an amount ("12.50", "1200", "1.250"), as Shopify's APIs accept it. */
export function toDecimal(money: Money): string {
  const exponent = currencyExponent(money.currency);
  const digits = Math.abs(money.amountMinor).toString().padStart(exponent + 1, "0");
  const sign = money.amountMinor < 0 ? "-" : "";
  if (exponent === 0) return sign + digits;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}

export function money(amountMinor: number, currency: string): Money {
  if (!Number.isSafeInteger(amountMinor)) throw new MoneyError(`${amountMinor} is not a whole number of minor units`);
  currencyExponent(currency);
  return { amountMinor, currency };
}
