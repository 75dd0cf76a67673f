// Integer money arithmetic for the engine: no floats touch an amount.
import { currencyExponent } from "../money";

/** Rounds a non-negative rational numerator/denominator half up. */
function divideRoundHalfUp(numerator: bigint, denominator: bigint): number {
  return Number((numerator * 2n + denominator) / (denominator * 2n));
}

/** `basisPoints` (1/100 of a percent) of an amount, rounded half up to the minor unit. */
export function percentOf(amountMinor: number, basisPoints: number): number {
  return Math.floor((amountMinor * basisPoints + 5000) / 10000);
}

/** Parses a decimal rate such as "1.3256" into an exact fraction. */
export function parseRate(rate: string): { numerator: bigint; denominator: bigint } | null {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(rate.trim());
  if (!match) return null;
  const fraction = match[2] ?? "";
  const numerator = BigInt((match[1] ?? "0") + fraction);
  if (numerator === 0n) return null;
  return { numerator, denominator: 10n ** BigInt(fraction.length) };
}

/**
 * Converts an amount in the shop's currency to the cart's presentment currency with the rate Shopify gives the cart,
 * adjusting for the currencies' minor units (USD cents to JPY yen, say), rounded half up.
 */
export function convertMinor(
  amountMinor: number,
  from: string,
  to: string,
  rate: { numerator: bigint; denominator: bigint },
): number {
  if (from === to && rate.numerator === rate.denominator) return amountMinor;
  const shift = currencyExponent(to) - currencyExponent(from);
  const scale = 10n ** BigInt(Math.abs(shift));
  const numerator = BigInt(amountMinor) * rate.numerator * (shift > 0 ? scale : 1n);
  const denominator = rate.denominator * (shift < 0 ? scale : 1n);
  return divideRoundHalfUp(numerator, denominator);
}

/**
 * Splits `total` across parts in proportion to their weights so that the parts sum to `total` exactly (largest
 * remainder; ties go to the earlier part, so the result depends only on the order the caller fixes).
 */
export function allocateProportionally(total: number, weights: readonly number[]): number[] {
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  if (weightSum <= 0 || total <= 0) return weights.map(() => 0);
  if (total * weightSum <= Number.MAX_SAFE_INTEGER) {
    const parts = weights.map((weight, index) => ({ index, share: Math.floor((total * weight) / weightSum), fraction: (total * weight) % weightSum }));
    return distributeRemainder(total, parts);
  }
  // BigInt only where total x weight could pass 2^53.
  const bigTotal = BigInt(total);
  const bigSum = BigInt(weightSum);
  const parts = weights.map((weight, index) => {
    const product = bigTotal * BigInt(weight);
    return { index, share: Number(product / bigSum), fraction: product % bigSum };
  });
  return distributeRemainder(total, parts);
}

/** Hands out what flooring left over, one unit each, to the largest fractions first (ties: earlier part). */
function distributeRemainder<Fraction extends number | bigint>(total: number, parts: { index: number; share: number; fraction: Fraction }[]): number[] {
  let remainder = total - parts.reduce((sum, part) => sum + part.share, 0);
  if (remainder === 0) return parts.map((part) => part.share);
  const byFraction = [...parts].sort((a, b) => (b.fraction > a.fraction ? 1 : b.fraction < a.fraction ? -1 : a.index - b.index));
  for (const part of byFraction) {
    if (remainder <= 0) break;
    part.share += 1;
    remainder -= 1;
  }
  return parts.map((part) => part.share);
}
