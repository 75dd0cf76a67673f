import { describe, expect, it } from "vitest";
import { moneyFormatter } from "./money-format";

describe("amounts formatted like the theme's money filter", () => {
  it("follows the theme's separators and symbol position", () => {
    expect(moneyFormatter("$1,234.56", "USD")(4999)).toBe("$49.99");
    expect(moneyFormatter("$1,234.56 USD", "USD")(123456789)).toBe("$1,234,567.89 USD");
    expect(moneyFormatter("1.234,56 €", "EUR")(250075)).toBe("2.500,75 €");
    expect(moneyFormatter("1 234,56 €", "EUR")(99)).toBe("0,99 €");
    expect(moneyFormatter("CHF 1'234.56", "CHF")(123400)).toBe("CHF 1'234.00");
  });

  it("knows currencies without minor units", () => {
    expect(moneyFormatter("¥123,456", "JPY")(1500)).toBe("¥1,500");
  });

  it("rounds half up when the format hides decimals", () => {
    expect(moneyFormatter("$1,235", "USD")(4950)).toBe("$50");
    expect(moneyFormatter("$1,235", "USD")(4949)).toBe("$49");
  });

  it("writes savings below zero with a sign", () => {
    expect(moneyFormatter("$1,234.56", "USD")(-500)).toBe("-$5.00");
  });
});
