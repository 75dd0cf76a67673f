// The cart-line-list target in Shopify's tester, answered by the app's real endpoint and engine.
/// <reference types="@shopify/ui-extensions/purchase.checkout.cart-line-list.render-after" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { createResult, createStorage } from "@shopify/ui-extensions-tester/checkout";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "../../../app/db.server";
import { DEFAULT_SETTINGS } from "../../../app/domain/settings-form";
import { saveSettings } from "../../../app/models/settings.server";
import { V, seedCheckoutShop, type CheckoutShop } from "../../../tests/support/checkout-shop";
import { appFetch, buttons, connectToApp, eventually, lineOf, sessionTokenFor, text } from "./harness";

vi.mock("../../../app/shop-data/shopify-adapter.server", async () => {
  const { createDemoShopData } = await import("../../../app/shop-data/demo-adapter.server");
  const { prisma } = await import("../../../app/db.server");
  return { createShopifyShopData: (shop: string) => createDemoShopData(shop, prisma) };
});

const SHOP = "checkout-ui.myshopify.com";
const extension = getExtension("purchase.checkout.cart-line-list.render-after");
let seeded: CheckoutShop;

beforeAll(async () => {
  seeded = await seedCheckoutShop(SHOP);
});

beforeEach(() => {
  extension.setUp();
  connectToApp(extension, SHOP);
});

afterEach(() => {
  extension.tearDown();
});

describe("checkout offers", () => {
  it("shows the offers that fit the cart, in stock, and how far the next tier is", async () => {
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Add")).toHaveLength(2));
    expect(document.body.querySelector("s-section")?.getAttribute("heading")).toBe("Complete your order");
    expect(text()).toContain("Paper filters");
    expect(text()).toContain("$15.00"); // compare-at price, struck through
    expect(text()).toContain("Kettle");
    expect(text()).not.toContain("Sold-out mug");
    expect(text()).not.toContain("Gift card sleeve"); // placed on the thank-you page only
    expect(text()).toContain("Spend $65.00 more to unlock your next discount");
    expect(document.body.querySelector("s-skeleton-paragraph")).toBeNull();
  });

  it("shows no more offers than the merchant's limit", async () => {
    await saveSettings(SHOP, { ...DEFAULT_SETTINGS, maxOffersShown: 1 });
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Add")).toHaveLength(1));
    expect(text()).toContain("Paper filters");
    expect(text()).not.toContain("Kettle");
    await saveSettings(SHOP, DEFAULT_SETTINGS);
  });

  it("holds the offers' place with a skeleton while the app answers", async () => {
    extension.fetch = () => new Promise<Response>(() => undefined);
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    expect(document.body.querySelectorAll("s-skeleton-paragraph")).toHaveLength(2);
    expect(document.body.querySelector("s-section")?.getAttribute("heading")).toBe("Complete your order");
    expect(buttons("Add")).toHaveLength(0);
  });

  it("says what the applied bundle saves, reading prices before discounts", async () => {
    // The bundle's 10 % is already taken off the lines; the app still sees their full prices.
    extension.shopify.lines.value = [lineOf(1, 35, 1, 3.5), lineOf(2, 12, 1, 1.2)];
    await extension.render();
    await eventually(() => expect(text()).toContain("Pour-over set: you save $4.70"));
    expect(text()).not.toContain("Paper filters");
    expect(buttons("Add")).toHaveLength(1);
  });

  it("adds the offer's product with the attribution attributes", async () => {
    const applyCartLinesChange = vi.fn().mockResolvedValue(createResult("applyCartLinesChange"));
    extension.shopify.applyCartLinesChange = applyCartLinesChange;
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Add")).toHaveLength(2));
    buttons("Add")[0]?.click();
    await eventually(() =>
      expect(applyCartLinesChange).toHaveBeenCalledWith({
        type: "addCartLine",
        merchandiseId: V(2),
        quantity: 1,
        attributes: [
          { key: "_pairwise_offer", value: seeded.bundleId },
          { key: "_pairwise_placement", value: "checkout" },
        ],
      }),
    );
    expect(document.body.querySelector("s-banner")).toBeNull();
  });

  it("reports impressions, adds and dismissals for the dashboard, batched", async () => {
    // A shop of its own, so that no other test's events arrive in its counts.
    const shop = "checkout-events.myshopify.com";
    const offers = await seedCheckoutShop(shop);
    extension.shopify.sessionToken = sessionTokenFor(shop);
    extension.shopify.applyCartLinesChange = vi.fn().mockResolvedValue(createResult("applyCartLinesChange"));
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Add")).toHaveLength(2));
    buttons("Add")[0]?.click();
    buttons("Hide")[1]?.click();
    const counts = async () =>
      (await prisma.offerEventBucket.groupBy({ by: ["offerId"], where: { shop, placement: "checkout" }, _sum: { impressions: true, clicks: true, adds: true, dismissals: true }, orderBy: { offerId: "asc" } }))
        .map((row) => [row.offerId, row._sum]);
    await vi.waitFor(async () =>
      expect(await counts()).toEqual(
        [
          [offers.bundleId, { impressions: 1, clicks: 0, adds: 1, dismissals: 0 }],
          [offers.kettleRuleId, { impressions: 1, clicks: 0, adds: 0, dismissals: 1 }],
          [offers.tiersId, { impressions: 1, clicks: 0, adds: 0, dismissals: 0 }],
        ].sort(([a], [b]) => String(a).localeCompare(String(b))),
      ),
    { timeout: 5_000 });
  });

  it("explains a failed add in a sentence and stays usable", async () => {
    const applyCartLinesChange = vi
      .fn()
      .mockResolvedValueOnce(createResult("applyCartLinesChange", { type: "error", message: "Out of stock" }))
      .mockRejectedValueOnce(new Error("accelerated checkout"))
      .mockResolvedValue(createResult("applyCartLinesChange"));
    extension.shopify.applyCartLinesChange = applyCartLinesChange;
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Add")).toHaveLength(2));

    buttons("Add")[1]?.click();
    await eventually(() => expect(document.body.querySelector("s-banner")?.getAttribute("heading")).toBe("This item couldn't be added. Your order is unchanged."));
    expect(buttons("Add").every((button) => !button.hasAttribute("disabled") && !button.hasAttribute("loading"))).toBe(true);

    buttons("Add")[1]?.click();
    await eventually(() => expect(applyCartLinesChange).toHaveBeenCalledTimes(2));
    await eventually(() => expect(document.body.querySelector("s-banner")).not.toBeNull());

    buttons("Add")[1]?.click();
    await eventually(() => expect(document.body.querySelector("s-banner")).toBeNull());
    expect(applyCartLinesChange).toHaveBeenCalledTimes(3);
  });

  it("offers nothing to add where checkout cannot take new lines (accelerated checkout, draft orders)", async () => {
    extension.shopify.instructions.value = { ...extension.shopify.instructions.value, lines: { canAddCartLine: false, canRemoveCartLine: false, canUpdateCartLine: false } };
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(text()).toContain("Spend $65.00 more"));
    expect(buttons("Add")).toHaveLength(0);
  });

  it("shows nothing when nothing fits the cart", async () => {
    const fetched = vi.fn(appFetch());
    extension.fetch = fetched;
    extension.shopify.lines.value = [lineOf(6, 9)];
    await extension.render();
    await eventually(() => expect(fetched).toHaveBeenCalled());
    await eventually(() => expect(document.body.innerHTML).toBe(""));
  });

  it("shows nothing when the app cannot answer, leaving checkout as it is", async () => {
    extension.shopify.sessionToken = { get: async () => "forged.token.value" };
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(document.body.innerHTML).toBe(""));
  });

  it("hides a dismissed offer and remembers it for the merchant's dismissal period", async () => {
    const storage = createStorage();
    extension.shopify.storage = storage;
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Hide")).toHaveLength(2));
    buttons("Hide")[0]?.click();
    await eventually(() => expect(text()).not.toContain("Paper filters"));
    expect(text()).toContain("Kettle");
    const stored = await storage.read<Record<string, number>>("pairwise-dismissed");
    const until = stored?.[`${seeded.bundleId}|${V(2)}`] ?? 0;
    expect(until - Date.now()).toBeGreaterThan(29.9 * 86_400_000);
    expect(until - Date.now()).toBeLessThanOrEqual(30 * 86_400_000);

    // A later visit: still hidden.
    extension.tearDown();
    extension.setUp();
    connectToApp(extension, SHOP);
    extension.shopify.storage = storage;
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Add")).toHaveLength(1));
    expect(text()).not.toContain("Paper filters");
  });
});
