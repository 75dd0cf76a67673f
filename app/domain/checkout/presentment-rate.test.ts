import { describe, expect, it } from "vitest";
import { parseRate } from "../engine/arithmetic";
import { estimatePresentmentRate } from "./presentment-rate";

describe("estimatePresentmentRate", () => {
  it("is 1 in the shop currency, or when nothing can be compared", () => {
    expect(estimatePresentmentRate([{ quantity: 1, unitPriceMinor: 999, shopUnitPriceMinor: 500 }], "USD", "USD")).toBe("1");
    expect(estimatePresentmentRate([], "EUR", "USD")).toBe("1");
    expect(estimatePresentmentRate([{ quantity: 1, unitPriceMinor: 0, shopUnitPriceMinor: 0 }], "EUR", "USD")).toBe("1");
  });

  it("weighs lines by quantity and accounts for currencies' minor units", () => {
    // 2 × 10.00 USD shown as 2 × 9.20 EUR, 1 × 5.00 USD as 4.60 EUR: 0.92.
    const rate = estimatePresentmentRate(
      [{ quantity: 2, unitPriceMinor: 920, shopUnitPriceMinor: 1000 }, { quantity: 1, unitPriceMinor: 460, shopUnitPriceMinor: 500 }],
      "EUR",
      "USD",
    );
    expect(rate).toBe("0.92");
    // 10.00 USD shown as 1,500 JPY (no minor unit): 150 yen per dollar.
    expect(estimatePresentmentRate([{ quantity: 1, unitPriceMinor: 1500, shopUnitPriceMinor: 1000 }], "JPY", "USD")).toBe("150");
    expect(parseRate(estimatePresentmentRate([{ quantity: 3, unitPriceMinor: 1234, shopUnitPriceMinor: 1000 }], "CAD", "USD"))).not.toBeNull();
  });
});
