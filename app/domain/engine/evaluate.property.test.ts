// Properties that hold for every cart and every set of offers, checked on thousands of generated cases.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluateCart } from "./evaluate";
import { cartAndContextArbitrary as cartAndContext, offersArbitrary as offers } from "./test-arbitraries";

function shuffled<T>(items: T[], seed: number): T[] {
  return items
    .map((item, index) => ({ item, key: (index * 7919 + seed * 104729) % 1009 }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.item);
}

describe("offer engine properties", () => {
  it("never takes a line below zero nor discounts more units than a line has", () => {
    fc.assert(
      fc.property(cartAndContext, offers, ({ cart, context }, generatedOffers) => {
        const result = evaluateCart(cart, generatedOffers, context);
        for (const line of cart.lines) {
          const discounts = result.lineDiscounts.filter((discount) => discount.lineId === line.id);
          const units = discounts.reduce((sum, discount) => sum + discount.quantity, 0);
          const amount = discounts.reduce((sum, discount) => sum + discount.amountMinor, 0);
          expect(discounts.every((discount) => discount.amountMinor > 0 && Number.isInteger(discount.amountMinor))).toBe(true);
          expect(units).toBeLessThanOrEqual(line.quantity);
          expect(amount).toBeLessThanOrEqual(line.unitPriceMinor * line.quantity);
          for (const discount of discounts) expect(discount.amountMinor).toBeLessThanOrEqual(line.unitPriceMinor * discount.quantity);
        }
        expect(result.subtotalAfterMinor).toBeGreaterThanOrEqual(0);
        const productSaving = result.lineDiscounts.reduce((sum, discount) => sum + discount.amountMinor, 0);
        expect(result.subtotalAfterMinor).toBe(result.subtotalBeforeMinor - productSaving - (result.orderDiscount?.amountMinor ?? 0));
      }),
      { numRuns: 1500 },
    );
  });

  it("gives the same result for the same cart, whatever the order of offers in storage or of lines in the cart", () => {
    fc.assert(
      fc.property(cartAndContext, offers, fc.integer({ min: 1, max: 1000 }), ({ cart, context }, generatedOffers, seed) => {
        const reference = evaluateCart(cart, generatedOffers, context);
        expect(evaluateCart(cart, generatedOffers, context)).toEqual(reference);
        expect(evaluateCart(cart, shuffled(generatedOffers, seed), context)).toEqual(reference);
        expect(evaluateCart({ ...cart, lines: shuffled(cart.lines, seed) }, generatedOffers, context)).toEqual(reference);
      }),
      { numRuns: 600 },
    );
  });

  it("keeps every unit with a known cost at or above the offer's minimum margin", () => {
    fc.assert(
      fc.property(cartAndContext, offers, ({ cart, context }, generatedOffers) => {
        const result = evaluateCart({ ...cart, currency: "USD" }, generatedOffers, { ...context, presentmentRate: "1.0" });
        for (const discount of result.lineDiscounts) {
          const line = cart.lines.find((candidate) => candidate.id === discount.lineId);
          const margin = generatedOffers.find((candidate) => candidate.id === discount.offerId)?.minMarginBasisPoints;
          if (!line || line.unitCostMinor === undefined || margin === undefined || margin <= 0) continue;
          const lowestUnitPrice = Math.ceil((line.unitCostMinor * 10000) / (10000 - margin));
          const paidPerUnit = line.unitPriceMinor - discount.amountMinor / discount.quantity;
          expect(paidPerUnit).toBeGreaterThanOrEqual(Math.min(line.unitPriceMinor, lowestUnitPrice) - 1e-9);
        }
      }),
      { numRuns: 800 },
    );
  });
});
