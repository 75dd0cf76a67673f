// @vitest-environment jsdom
// The theme app extension's Liquid, rendered as a shop's theme would render it: what each block shows for given
// offers, stock, currency and language, before any script runs.
import { describe, expect, it } from "vitest";
import type { EngineOffer } from "../../domain/engine/types";
import { storefrontConfig, type StorefrontConfig } from "../../domain/storefront/config";
import type { CatalogProduct, ShopInfo } from "../../shop-data/port";
import type { AjaxCart } from "../../storefront/ajax-cart";
import { createThemeRenderer, type BlockName } from "./theme.server";

const shopInfo: ShopInfo = { shop: "blocks.myshopify.com", name: "Blocks", currencyCode: "USD", ianaTimezone: "UTC", primaryLocale: "en", locales: ["en", "fr"] };
const EVERYWHERE = { product: true, order: true, shipping: true };

function product(n: number, title: string, priceMinor: number, extra: Partial<CatalogProduct> = {}, available = true): CatalogProduct {
  return {
    id: `gid://shopify/Product/${n}`, title, handle: `product-${n}`, vendor: "Kettle & Co", productType: "Gear", tags: [], status: "ACTIVE",
    publishedOnlineStore: true, collectionIds: [],
    variants: [{
      id: `gid://shopify/ProductVariant/${n}0`, title: "Default Title", sku: `SKU-${n}`, price: { amountMinor: priceMinor, currency: "USD" }, compareAtPrice: null,
      unitCost: null, inventoryQuantity: available ? 5 : 0, inventoryPolicy: "DENY", availableForSale: available,
    }],
    ...extra,
  };
}

const dripper = product(1, "Ceramic Dripper", 3495);
const filters = product(2, "Paper Filters", 1295);
const coffee = product(3, "Ethiopia <Yirgacheffe>", 2095, { productType: "Coffee" });

const bundle = (items: CatalogProduct[], extra: Partial<EngineOffer> = {}): EngineOffer => ({
  id: "kit", title: "Pour-over kit", status: "active", priority: 0, combinesWith: EVERYWHERE, kind: "fixed_bundle",
  items: items.map((item) => ({ selector: { productIds: [item.id] }, quantity: 1 })), reward: { type: "percentage", basisPoints: 1000 }, maxApplications: 1,
  ...extra,
} as EngineOffer);
const breaks: EngineOffer = {
  id: "breaks", title: "Coffee breaks", status: "active", priority: 0, combinesWith: EVERYWHERE, kind: "quantity_breaks", scope: { productTypes: ["Coffee"] }, per: "product",
  tiers: [{ minQuantity: 2, reward: { type: "percentage", basisPoints: 500 } }, { minQuantity: 3, reward: { type: "percentage", basisPoints: 1000 } }],
};
const tiers: EngineOffer = {
  id: "tiers", title: "Free shipping over $75", status: "active", priority: 0, combinesWith: EVERYWHERE, kind: "spend_tiers", tiers: [{ minSubtotalMinor: 7500, freeShipping: true }],
};

function configFor(offers: EngineOffer[], products: CatalogProduct[]): StorefrontConfig {
  const settings = { maxOffersShown: 3, dismissalDays: 30, defaultPlacements: ["product_page", "cart", "checkout", "thank_you"] as const };
  return storefrontConfig(offers.map((offer) => ({ offer, texts: {} })), "USD", { ...settings, defaultPlacements: [...settings.defaultPlacements] }, new Map(products.map((p) => [p.id, p.handle])));
}

const emptyCart: AjaxCart & Record<string, unknown> = { currency: "USD", item_count: 0, items: [], total_price: 0 };

async function render(options: { offers: EngineOffer[]; products?: CatalogProduct[]; page: CatalogProduct | null; blocks: BlockName[]; embeds?: BlockName[]; currency?: "USD" | "EUR"; locale?: string; cart?: AjaxCart & Record<string, unknown> }) {
  const products = options.products ?? [dripper, filters, coffee];
  const renderer = createThemeRenderer({
    shopInfo,
    products,
    config: configFor(options.offers, products),
    presentment: options.currency === "EUR" ? { currency: "EUR", rate: "0.92" } : { currency: "USD", rate: "1" },
    locale: options.locale ?? "en",
  });
  const html = await renderer.renderPage({
    template: options.page ? "product" : "cart",
    title: "Test",
    blocks: options.blocks,
    embeds: options.embeds ?? [],
    cart: options.cart ?? { ...emptyCart, currency: options.currency ?? "USD" },
    scope: options.page ? { product: renderer.productDrop(options.page) } : {},
  });
  return new DOMParser().parseFromString(html, "text/html");
}

const text = (node: Element | null | undefined) => node?.textContent?.replace(/\s+/g, " ").trim() ?? "";

describe("bundle block", () => {
  it("shows the bundle holding this product: each item with its price, the offer for the script, and the button", async () => {
    const page = await render({ offers: [bundle([dripper, filters])], page: dripper, blocks: ["bundle"] });
    const block = page.querySelector("[data-pw=bundle]");
    const items = [...(block?.querySelectorAll("[data-pw-item]") ?? [])];
    expect(items.map(text)).toEqual(["This item: Ceramic Dripper $34.95", "Paper Filters $12.95"]);
    expect(items.map((item) => item.getAttribute("data-pw-price"))).toEqual(["3495", "1295"]);
    // This product cannot be left out of its own bundle; the others can.
    expect(items.map((item) => item.querySelector("input")?.disabled)).toEqual([true, false]);
    expect(JSON.parse(block?.querySelector("[data-pw-offer]")?.textContent ?? "{}")).toMatchObject({ id: "kit", kind: "fixed_bundle" });
    expect(text(block?.querySelector("[data-pw-add]"))).toBe("Add selected to cart");
    expect(block?.querySelector("[data-pw-dismiss]")?.getAttribute("aria-label")).toBe("Dismiss this offer");
    // The script is loaded once, deferred; the styles are inline, so nothing blocks the first paint.
    expect(page.querySelectorAll("script[src$='pairwise-product.js'][defer]")).toHaveLength(1);
    expect(page.querySelector("link[rel=stylesheet]")).toBeNull();
    expect([...page.querySelectorAll("style")].some((style) => style.textContent?.includes(".pw-reserved"))).toBe(true);
  });

  it("leaves out a bundle with an item out of stock, and keeps rows for what customers buy with the product instead", async () => {
    const soldOut = product(2, "Paper Filters", 1295, {}, false);
    const page = await render({ offers: [bundle([dripper, soldOut])], products: [dripper, soldOut], page: dripper, blocks: ["bundle"] });
    expect(page.querySelector("[data-pw-offer]")).toBeNull();
    const list = page.querySelector("[data-pw-recommendations]");
    // This product's row, and room for up to three complements.
    expect(list?.getAttribute("style")).toContain("--pw-rows: 4");
    expect([...(list?.querySelectorAll("[data-pw-item]") ?? [])].map(text)).toEqual(["This item: Ceramic Dripper $34.95"]);
  });

  it("leaves out bundles it cannot price without the shopper (conditions) and those outside their dates", async () => {
    for (const offer of [bundle([dripper, filters], { conditions: { customer: "logged_in" } }), bundle([dripper, filters], { endsOn: "2001-01-01" })]) {
      const page = await render({ offers: [offer], page: dripper, blocks: ["bundle"] });
      expect(page.querySelector("[data-pw-offer]")).toBeNull();
    }
  });

  it("prices in the shopper's currency and speaks their language", async () => {
    const page = await render({ offers: [bundle([dripper, filters])], page: dripper, blocks: ["bundle"], currency: "EUR", locale: "fr" });
    const block = page.querySelector("[data-pw=bundle]");
    expect([...(block?.querySelectorAll(".pw-item-price") ?? [])].map(text)).toEqual(["€32,15", "€11,91"]);
    expect(block?.getAttribute("data-pw-money")).toBe("€1.234,56");
    expect(block?.getAttribute("data-pw-currency")).toBe("EUR");
    expect(text(block?.querySelector("h2"))).toBe("Souvent achetés ensemble");
    expect(text(block?.querySelector("[data-pw-add]"))).toBe("Ajouter la sélection au panier");
  });
});

describe("quantity breaks block", () => {
  it("offers each tier of the offer whose scope holds the product, with the offer's JSON escaped", async () => {
    const page = await render({ offers: [breaks], page: coffee, blocks: ["quantity-breaks"] });
    const block = page.querySelector("[data-pw=breaks]");
    expect([...(block?.querySelectorAll(".pw-tier-label") ?? [])].map(text)).toEqual(["Buy 1", "Buy 2", "Buy 3"]);
    expect([...(block?.querySelectorAll("input[type=radio]") ?? [])].map((radio) => (radio as HTMLInputElement).value)).toEqual(["1", "2", "3"]);
    // Price and buyable stock per variant: the script disables tiers the stock cannot fill.
    expect(JSON.parse(block?.querySelector("[data-pw-variants]")?.textContent ?? "{}")).toEqual({ "30": { price: 2095, stock: 5 } });
    expect(page.querySelector("legend")?.textContent).toContain("Buy more, save more");
  });

  it("shows nothing on a product outside the offer's scope", async () => {
    const page = await render({ offers: [breaks], page: dripper, blocks: ["quantity-breaks"] });
    expect(page.querySelector("[data-pw=breaks]")).toBeNull();
  });
});

describe("cart upsell block and drawer embed", () => {
  const cart: AjaxCart & Record<string, unknown> = {
    currency: "USD", item_count: 1, total_price: 3495,
    items: [{ key: "10:a", variant_id: 10, product_id: 1, quantity: 1, price: 3495, properties: {} }],
  };

  it("reserves the progress bar and the suggestion rows, with the cart and the offers for the script", async () => {
    const page = await render({ offers: [tiers, bundle([dripper, filters])], page: null, blocks: ["cart-upsell"], cart });
    const block = page.querySelector("[data-pw=cart]");
    expect(block?.querySelector("[role=progressbar]")?.getAttribute("aria-label")).toBe("Progress toward your next reward");
    expect(block?.querySelector("[data-pw-suggestions]")?.getAttribute("style")).toContain("--pw-rows: 3");
    expect(JSON.parse(block?.querySelector("[data-pw-cart]")?.textContent ?? "{}")).toMatchObject({ currency: "USD", items: [{ variant_id: 10, price: 3495 }] });
    expect(JSON.parse(block?.querySelector("[data-pw-offers]")?.textContent ?? "[]").map((offer: EngineOffer) => offer.id)).toEqual(["tiers", "kit"]);
    expect(page.querySelectorAll("script[src$='pairwise-cart.js'][defer]")).toHaveLength(1);
  });

  it("has no progress bar when no spend tier is shown in the cart", async () => {
    const page = await render({ offers: [bundle([dripper, filters])], page: null, blocks: ["cart-upsell"], cart });
    expect(page.querySelector("[role=progressbar]")).toBeNull();
  });

  it("renders the embed hidden until its script places it in the theme's drawer", async () => {
    const page = await render({ offers: [tiers], page: dripper, blocks: [], embeds: ["cart-drawer"], cart });
    const embed = page.querySelector(".pw-embed");
    expect(embed?.hasAttribute("hidden")).toBe(true);
    expect(embed?.getAttribute("data-pw-target")).toContain("[data-pw-drawer]");
    expect(embed?.getAttribute("data-pw-limit")).toBe("2");
  });
});
