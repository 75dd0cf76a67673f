// Every rule of the offer form, with the message the merchant sees next to the field.
import { describe, expect, it } from "vitest";
import { completeOffer } from "./engine/test-builders";
import type { EngineOffer } from "./engine/types";
import { displayStatus, validateOfferForm } from "./offer-form";

const P1 = "gid://shopify/Product/1";
const valid = completeOffer;

const errorsFor = (offer: unknown, texts: unknown = {}) => {
  const result = validateOfferForm({ offer, texts });
  return result.ok ? {} : result.errors;
};

describe("offer form validation", () => {
  it.each(["fixed_bundle", "mix_match", "quantity_breaks", "spend_tiers", "buy_x_get_y", "cart_rule"] as const)("accepts a complete %s", (kind) => {
    expect(validateOfferForm({ offer: valid(kind), texts: { en: { badge: "Save" } } }).ok).toBe(true);
  });

  it.each<[string, (offer: EngineOffer) => unknown, string, string]>([
    ["an empty title", (o) => ({ ...o, title: "" }), "offer.title", "Too small: expected string to have >=1 characters"],
    ["a title over 255 characters", (o) => ({ ...o, title: "x".repeat(256) }), "offer.title", "Too big: expected string to have <=255 characters"],
    ["an unknown status", (o) => ({ ...o, status: "live" }), "offer.status", 'Invalid option: expected one of "active"|"draft"|"paused"'],
    ["a negative priority", (o) => ({ ...o, priority: -1 }), "offer.priority", "Too small: expected number to be >=0"],
    ["a priority over 1000", (o) => ({ ...o, priority: 1001 }), "offer.priority", "Too big: expected number to be <=1000"],
    ["an end before the start", (o) => ({ ...o, startsOn: "2026-12-10", endsOn: "2026-12-01" }), "offer.endsOn", "must not be before the start date"],
    ["a malformed date", (o) => ({ ...o, startsOn: "10/12/2026" }), "offer.startsOn", "must be a date like 2026-12-31"],
    ["a margin of 100 %", (o) => ({ ...o, minMarginBasisPoints: 10000 }), "offer.minMarginBasisPoints", "Too big: expected number to be <=9999"],
    ["an unknown placement", (o) => ({ ...o, placements: ["footer"] }), "offer.placements.0", 'Invalid option: expected one of "product_page"|"cart"|"checkout"|"thank_you"'],
  ])("refuses %s", (_label, change, path, message) => {
    expect(errorsFor(change(valid("fixed_bundle")))[path]).toBe(message);
  });

  it.each<[EngineOffer["kind"], string, (offer: Record<string, unknown>) => unknown, string, string]>([
    ["fixed_bundle", "a bundle without items", (o) => ({ ...o, items: [] }), "offer.items", "Too small: expected array to have >=1 items"],
    ["fixed_bundle", "an item naming no product", (o) => ({ ...o, items: [{ selector: {}, quantity: 1 }] }), "offer.items.0.selector", "must name at least one product, variant, collection, tag, vendor or product type"],
    ["fixed_bundle", "a quantity of 0", (o) => ({ ...o, items: [{ selector: { productIds: [P1] }, quantity: 0 }] }), "offer.items.0.quantity", "Too small: expected number to be >=1"],
    ["fixed_bundle", "more than 100 % off", (o) => ({ ...o, reward: { type: "percentage", basisPoints: 10001 } }), "offer.reward.basisPoints", "Too big: expected number to be <=10000"],
    ["fixed_bundle", "a negative amount", (o) => ({ ...o, reward: { type: "fixed_amount", amountMinor: -1 } }), "offer.reward.amountMinor", "Too small: expected number to be >=0"],
    ["fixed_bundle", "no applications", (o) => ({ ...o, maxApplications: 0 }), "offer.maxApplications", "Too small: expected number to be >=1"],
    ["fixed_bundle", "a product that is not a Shopify id", (o) => ({ ...o, items: [{ selector: { productIds: ["kettle"] }, quantity: 1 }] }), "offer.items.0.selector.productIds.0", "must be a Shopify id"],
    ["mix_match", "an empty pool", (o) => ({ ...o, pool: {} }), "offer.pool", "must name at least one product, variant, collection, tag, vendor or product type"],
    ["quantity_breaks", "tiers out of order", (o) => ({ ...o, tiers: [{ minQuantity: 3, reward: { type: "percentage", basisPoints: 100 } }, { minQuantity: 2, reward: { type: "percentage", basisPoints: 200 } }] }), "offer.tiers", "each tier needs a higher quantity than the one before"],
    ["spend_tiers", "a tier that gives nothing", (o) => ({ ...o, tiers: [{ minSubtotalMinor: 100 }] }), "offer.tiers", "every tier needs a discount or free shipping"],
    ["spend_tiers", "thresholds out of order", (o) => ({ ...o, tiers: [{ minSubtotalMinor: 200, freeShipping: true }, { minSubtotalMinor: 100, freeShipping: true }] }), "offer.tiers", "each tier needs a higher amount than the one before"],
    ["buy_x_get_y", "a zero minimum purchase", (o) => ({ ...o, buy: { minSubtotalMinor: 0 } }), "offer.buy.minSubtotalMinor", "Too small: expected number to be >=1"],
    ["buy_x_get_y", "a gift that is not a product", (o) => ({ ...o, get: { ...(o.get as object), productId: "" } }), "offer.get.productId", "choose a product"],
    ["cart_rule", "no actions", (o) => ({ ...o, actions: [] }), "offer.actions", "Too small: expected array to have >=1 items"],
    ["cart_rule", "a gift not chosen", (o) => ({ ...o, actions: [{ type: "gift", productId: "", variantId: "" }] }), "offer.actions.0.productId", "choose the gift"],
    ["cart_rule", "suggesting nothing", (o) => ({ ...o, actions: [{ type: "suggest", productIds: [] }] }), "offer.actions.0.productIds", "choose at least one product to suggest"],
    ["cart_rule", "a price for the whole order", (o) => ({ ...o, actions: [{ type: "discount", reward: { type: "fixed_price", amountMinor: 100 } }] }), "offer.actions.0.reward", "a discount on the whole order cannot set a price; choose a percentage or an amount off"],
    ["cart_rule", "a lowercase country code", (o) => ({ ...o, conditions: { country: ["us"] } }), "offer.conditions.country.0", "must be an ISO country code"],
    ["cart_rule", "a day of week 7", (o) => ({ ...o, conditions: { schedule: { daysOfWeek: [7] } } }), "offer.conditions.schedule.daysOfWeek.0", "Too big: expected number to be <=6"],
  ])("%s: refuses %s", (kind, _label, change, path, message) => {
    expect(errorsFor(change(valid(kind)))[path]).toBe(message);
  });

  it("refuses texts for a malformed locale or a long badge", () => {
    expect(errorsFor(valid("spend_tiers"), { english: { title: "x" } })["texts.english"]).toBe("must be a locale like en or pt-BR");
    expect(errorsFor(valid("spend_tiers"), { en: { badge: "x".repeat(41) } })["texts.en.badge"]).toBe("keep the badge under 40 characters");
  });

  it("shows active offers outside their dates as scheduled or expired", () => {
    const offer = valid("spend_tiers");
    expect(displayStatus({ ...offer, status: "active", startsOn: "2026-12-01" }, "2026-11-21")).toBe("scheduled");
    expect(displayStatus({ ...offer, status: "active", endsOn: "2026-11-20" }, "2026-11-21")).toBe("expired");
    expect(displayStatus({ ...offer, status: "active" }, "2026-11-21")).toBe("active");
    expect(displayStatus({ ...offer, status: "paused", endsOn: "2026-11-20" }, "2026-11-21")).toBe("paused");
  });
});
