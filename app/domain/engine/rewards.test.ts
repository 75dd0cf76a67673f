import { describe, expect, it } from "vitest";
import { groupDiscount, spendStatus, toCartCurrency, unitsDiscount } from "./rewards";

const usd = toCartCurrency("USD", "USD", "1");
const eur = toCartCurrency("USD", "EUR", "0.92");

describe("reward arithmetic shared with the storefront", () => {
  it("never discounts a group below zero, and converts fixed amounts at the cart's rate", () => {
    expect(groupDiscount({ type: "percentage", basisPoints: 1000 }, 4790, usd)).toBe(479);
    expect(groupDiscount({ type: "fixed_amount", amountMinor: 1000 }, 600, usd)).toBe(600);
    expect(groupDiscount({ type: "fixed_price", amountMinor: 4000 }, 4790, eur)).toBe(4790 - 3680);
    expect(unitsDiscount({ type: "fixed_amount", amountMinor: 300 }, 2095, 3, usd)).toBe(900);
  });

  it("says how far the next spend tier is, and whether it brings free shipping the cart lacks", () => {
    const tiers = [{ minSubtotalMinor: 7500, freeShipping: true }, { minSubtotalMinor: 15000, freeShipping: true, reward: { type: "percentage" as const, basisPoints: 500 } }];
    expect(spendStatus(tiers, 4790, usd)).toMatchObject({ reward: null, freeShipping: false, next: { targetMinor: 7500, remainingMinor: 2710, freeShipping: true } });
    expect(spendStatus(tiers, 9000, usd)).toMatchObject({ freeShipping: true, next: { targetMinor: 15000, remainingMinor: 6000, freeShipping: false } });
    expect(spendStatus(tiers, 15000, usd)).toMatchObject({ reward: { basisPoints: 500 }, freeShipping: true, next: null });
    expect(spendStatus(tiers, 4790, eur).next).toMatchObject({ targetMinor: 6900, remainingMinor: 2110 });
  });
});
