// What a reward is worth, and where a cart stands against spend tiers: the arithmetic the engine applies, in a module
// small enough for the storefront blocks' script (which quotes prices before the cart exists) to share it.
import { convertMinor, parseRate, percentOf } from "./arithmetic";
import type { OrderReward, QuantityTier, Reward, SpendTier } from "./types";

/** Shop-currency minor units to the cart's, at the cart's presentment rate. */
export type ToCart = (shopMinor: number) => number;

export function toCartCurrency(shopCurrency: string, cartCurrency: string, presentmentRate: string): ToCart {
  const rate = parseRate(presentmentRate) ?? { numerator: 1n, denominator: 1n };
  return (shopMinor) => convertMinor(shopMinor, shopCurrency, cartCurrency, rate);
}

/** The discount a reward gives on a group of units worth `valueMinor`, never more than the group is worth. */
export function groupDiscount(reward: Reward, valueMinor: number, toCart: ToCart): number {
  if (reward.type === "percentage") return percentOf(valueMinor, Math.min(reward.basisPoints, 10000));
  if (reward.type === "fixed_amount") return Math.min(toCart(reward.amountMinor), valueMinor);
  return Math.max(0, valueMinor - toCart(reward.amountMinor));
}

/** The discount a per-unit reward (a quantity tier's) gives on `quantity` units of one price. */
export function unitsDiscount(reward: Reward, unitPriceMinor: number, quantity: number, toCart: ToCart): number {
  if (reward.type === "percentage") return percentOf(unitPriceMinor * quantity, Math.min(reward.basisPoints, 10000));
  if (reward.type === "fixed_amount") return Math.min(toCart(reward.amountMinor), unitPriceMinor) * quantity;
  return Math.max(0, unitPriceMinor - toCart(reward.amountMinor)) * quantity;
}

/** The highest quantity tier `quantity` units reach, and the next one. */
export function quantityTiers(tiers: readonly QuantityTier[], quantity: number): { reached: QuantityTier | undefined; next: QuantityTier | undefined } {
  const sorted = [...tiers].sort((a, b) => a.minQuantity - b.minQuantity);
  return { reached: sorted.filter((tier) => tier.minQuantity <= quantity).at(-1), next: sorted.find((tier) => tier.minQuantity > quantity) };
}

export type SpendStatus = {
  /** The best order reward reached (tiers are ordered, so the highest one with a reward). */
  reward: OrderReward | null;
  freeShipping: boolean;
  /** The next tier, how much more the cart needs for it (cart currency), and whether it brings free shipping the cart lacks. */
  next: { tier: SpendTier; targetMinor: number; remainingMinor: number; freeShipping: boolean } | null;
};

export function spendStatus(tiers: readonly SpendTier[], subtotalMinor: number, toCart: ToCart): SpendStatus {
  const sorted = [...tiers].sort((a, b) => a.minSubtotalMinor - b.minSubtotalMinor);
  const reached = sorted.filter((tier) => toCart(tier.minSubtotalMinor) <= subtotalMinor);
  const next = sorted.find((tier) => toCart(tier.minSubtotalMinor) > subtotalMinor);
  const freeShipping = reached.some((tier) => tier.freeShipping);
  return {
    reward: reached.filter((tier) => tier.reward).at(-1)?.reward ?? null,
    freeShipping,
    next: next
      ? { tier: next, targetMinor: toCart(next.minSubtotalMinor), remainingMinor: toCart(next.minSubtotalMinor) - subtotalMinor, freeShipping: Boolean(next.freeShipping) && !freeShipping }
      : null,
  };
}
