import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { compileFunctionConfig, decodeFunctionConfig, encodeFunctionConfig, functionInputVariables } from "./function-config";
import { offersArbitrary } from "./test-arbitraries";
import { offer, P } from "./test-builders";

describe("Function configuration", () => {
  it("decodes to exactly the offers that were encoded", () => {
    fc.assert(
      fc.property(offersArbitrary, (offers) => {
        const decoded = decodeFunctionConfig(JSON.parse(encodeFunctionConfig({ shopCurrency: "EUR", offers })));
        expect(decoded).toEqual({ shopCurrency: "EUR", offers });
      }),
      { numRuns: 500 },
    );
  });

  it("is compact: short keys and numeric ids", () => {
    const bundle = offer("b", { kind: "fixed_bundle", items: [{ selector: { productIds: [P(123)] }, quantity: 1 }], reward: { type: "percentage", basisPoints: 1000 }, maxApplications: 1 });
    expect(encodeFunctionConfig({ shopCurrency: "USD", offers: [bundle] })).toBe(
      '{"v":1,"c":"USD","o":[{"i":"b","t":"b","st":"active","p":0,"cw":{"pr":true,"or":true,"sp":true},"k":"fixed_bundle","it":[{"s":{"P":["123"]},"q":1}],"r":{"ty":"percentage","bp":1000},"ma":1}]}',
    );
  });

  it("reads missing, foreign or invalid configuration as none", () => {
    for (const value of [null, undefined, "text", 42, {}, { v: 2, c: "USD", o: [] }, { v: 1, c: "USD", o: [{ zz: 1 }] }, { v: 1, c: "USD", o: [{ i: "x" }] }]) {
      expect(decodeFunctionConfig(value)).toBeNull();
    }
    fc.assert(fc.property(fc.jsonValue(), (value) => void decodeFunctionConfig(value)));
  });

  it("leaves out offers that cannot change what checkout charges", () => {
    const suggestOnly = offer("s", { kind: "cart_rule", actions: [{ type: "suggest", productIds: [P(1)] }] });
    const paused = offer("p", { kind: "spend_tiers", tiers: [{ minSubtotalMinor: 1, freeShipping: true }] }, { status: "paused" });
    const live = offer("l", { kind: "spend_tiers", tiers: [{ minSubtotalMinor: 1, freeShipping: true }] });
    const compiled = compileFunctionConfig([suggestOnly, paused, live], "USD");
    expect(compiled.ok && decodeFunctionConfig(JSON.parse(compiled.value))?.offers.map((o) => o.id)).toEqual(["l"]);
  });

  it("refuses a set over Shopify's 10,000-byte limit, naming the offers that take the most room", () => {
    const many = Array.from({ length: 60 }, (_, index) =>
      offer(`offer-${index}`, {
        kind: "mix_match",
        pool: { productIds: Array.from({ length: index < 2 ? 60 : 5 }, (_, n) => P(7_000_000_000 + n)) },
        quantity: 2,
        reward: { type: "percentage", basisPoints: 1000 },
        maxApplications: 1,
      }, { title: `Offer number ${index}` }),
    );
    const compiled = compileFunctionConfig(many, "USD");
    expect(compiled.ok).toBe(false);
    if (compiled.ok) return;
    expect(compiled.bytes).toBeGreaterThan(10_000);
    expect(compiled.largestOffers.slice(0, 2).map((o) => o.id).sort()).toEqual(["offer-0", "offer-1"]);
    expect(compiled.message).toMatch(/more than the 10,000 Shopify passes to a discount Function\. Shorten or pause some of these: "Offer number [01]"/);
  });

  it("lists the collections and tags the Function must ask Shopify about", () => {
    const rule = offer("r", {
      kind: "cart_rule",
      actions: [{ type: "discount", reward: { type: "percentage", basisPoints: 100 }, target: { collectionIds: ["gid://shopify/Collection/2"], productTags: ["sale"] } }],
    }, { conditions: { any: [{ customerTag: "vip" }, { cartHas: { selector: { collectionIds: ["gid://shopify/Collection/1"] }, minQuantity: 1 } }] } });
    expect(functionInputVariables([rule])).toEqual({
      collectionIds: ["gid://shopify/Collection/1", "gid://shopify/Collection/2"],
      productTags: ["sale"],
      customerTags: ["vip"],
    });
  });
});
