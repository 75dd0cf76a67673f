import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { currencyExponent, money, MoneyError, parseDecimal, toDecimal } from "./money";

describe("money", () => {
  it.each([
    ["12.50", "USD", 1250],
    ["12.5", "EUR", 1250],
    ["0.01", "GBP", 1],
    ["1200.0", "JPY", 1200],
    ["1200", "JPY", 1200],
    ["1.234", "KWD", 1234],
    ["-3.10", "USD", -310],
  ])("parses %s %s as %i minor units", (decimal, currency, minor) => {
    expect(parseDecimal(decimal, currency)).toEqual({ amountMinor: minor, currency });
  });

  it("refuses amounts with more precision than the currency has, instead of rounding them", () => {
    expect(() => parseDecimal("0.125", "USD")).toThrow("more precision than USD allows");
    expect(() => parseDecimal("10.5", "JPY")).toThrow(MoneyError);
  });

  it("refuses what is not a decimal amount or not a currency code", () => {
    expect(() => parseDecimal("1e3", "USD")).toThrow("not a decimal amount");
    expect(() => parseDecimal("12,50", "EUR")).toThrow("not a decimal amount");
    expect(() => parseDecimal("1", "usd")).toThrow("not an ISO 4217 currency code");
    expect(() => money(1.5, "USD")).toThrow("not a whole number");
  });

  it("knows zero- and three-decimal currencies", () => {
    expect([currencyExponent("JPY"), currencyExponent("USD"), currencyExponent("BHD")]).toEqual([0, 2, 3]);
    expect(toDecimal(money(5, "USD"))).toBe("0.05");
    expect(toDecimal(money(1200, "JPY"))).toBe("1200");
    expect(toDecimal(money(-1005, "KWD"))).toBe("-1.005");
  });

  it("round-trips every amount through its decimal string", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -1e12, max: 1e12 }),
        fc.constantFrom("USD", "JPY", "KWD", "EUR"),
        (amountMinor, currency) => {
          expect(parseDecimal(toDecimal(money(amountMinor, currency)), currency).amountMinor).toBe(amountMinor);
        },
      ),
    );
  });
});
