// The thank-you target in Shopify's tester, answered by the app's real endpoint and the shop's mined complements.
/// <reference types="@shopify/ui-extensions/purchase.thank-you.block.render" />
import { getExtension } from "@shopify/ui-extensions-tester";
import { createStorage } from "@shopify/ui-extensions-tester/checkout";
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { DEFAULT_SETTINGS } from "../../../app/domain/settings-form";
import { saveSettings } from "../../../app/models/settings.server";
import { seedCheckoutShop } from "../../../tests/support/checkout-shop";
import { appFetch, buttons, connectToApp, eventually, lineOf, text } from "./harness";

vi.mock("../../../app/shop-data/shopify-adapter.server", async () => {
  const { createDemoShopData } = await import("../../../app/shop-data/demo-adapter.server");
  const { prisma } = await import("../../../app/db.server");
  return { createShopifyShopData: (shop: string) => createDemoShopData(shop, prisma) };
});

const SHOP = "thank-you-ui.myshopify.com";
const extension = getExtension("purchase.thank-you.block.render");

beforeAll(async () => {
  await seedCheckoutShop(SHOP);
});

beforeEach(() => {
  extension.setUp();
  connectToApp(extension, SHOP);
});

afterEach(() => {
  extension.tearDown();
});

describe("next-order recommendations", () => {
  it("recommends what customers buy with what was just bought, linking to each product", async () => {
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Hide")).toHaveLength(2));
    expect(document.body.querySelector("s-section")?.getAttribute("heading")).toBe("For your next order");
    expect(text()).toContain("Paper filters");
    expect(text()).toContain("$12.00");
    expect(text()).toContain("Descaler");
    expect(text()).not.toContain("Sold-out mug");
    expect([...document.body.querySelectorAll("s-link")].map((link) => link.getAttribute("href"))).toEqual([
      "https://mock-shop.myshopify.com/products/p2",
      "https://mock-shop.myshopify.com/products/p6",
    ]);
  });

  it("hides a dismissed recommendation, and remembers it", async () => {
    const storage = createStorage();
    extension.shopify.storage = storage;
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(buttons("Hide")).toHaveLength(2));
    buttons("Hide")[0]?.click();
    await eventually(() => expect(text()).not.toContain("Paper filters"));
    expect(Object.keys((await storage.read<Record<string, number>>("pairwise-dismissed")) ?? {})).toEqual(["next|gid://shopify/Product/2"]);
  });

  it("shows no prices to a buyer who paid in another currency", async () => {
    extension.shopify.localization.currency.value = { isoCode: "EUR" };
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(text()).toContain("Paper filters"));
    expect(text()).not.toContain("$");
  });

  it("shows nothing where the merchant keeps the thank-you page free of offers", async () => {
    await saveSettings(SHOP, { ...DEFAULT_SETTINGS, defaultPlacements: ["checkout"] });
    const fetched = vi.fn(appFetch());
    extension.fetch = fetched;
    extension.shopify.lines.value = [lineOf(1, 35)];
    await extension.render();
    await eventually(() => expect(fetched).toHaveBeenCalled());
    await eventually(() => expect(document.body.innerHTML).toBe(""));
    await saveSettings(SHOP, DEFAULT_SETTINGS);
  });
});
