// The theme app extension's blocks in Chromium, on `npm run demo`'s storefront (/preview): their real Liquid and
// scripts, the Ajax cart, the app proxy and a checkout that runs the discount Function.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, inject, it } from "vitest";
import { evaluateCart } from "../../app/domain/engine/evaluate";
import { spendStatus, toCartCurrency } from "../../app/domain/engine/rewards";
import type { EngineOffer } from "../../app/domain/engine/types";
import type { AjaxCart } from "../../app/storefront/ajax-cart";
import { launchChromium } from "../support/chromium";

const demoUrl = inject("demoBaseUrl");
let browser: BrowserContext;
let errors: string[] = [];

beforeAll(async () => {
  browser = await launchChromium();
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

beforeEach(async () => {
  // A new shopper each time: a new cart, no dismissals.
  await browser.clearCookies();
  const page = await browser.newPage();
  await page.goto(`${demoUrl}/preview/cart`);
  await page.evaluate(() => localStorage.clear());
  await page.close();
  errors = [];
});

afterEach(async () => {
  for (const page of browser.pages()) await page.close();
});

async function open(path: string): Promise<Page> {
  const page = await browser.newPage();
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => message.type() === "error" && errors.push(message.text()));
  await page.goto(`${demoUrl}/preview/${path}`);
  return page;
}

const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** WCAG 2 A and AA violations axe finds inside the blocks (the demo theme around them is not ours to judge). */
async function accessibilityViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run({ include: [".pw"] }, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } });
    return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(" ")).join(", ")}`);
  });
}

const cartOf = (page: Page) => page.evaluate(async () => (await (await fetch("/preview/cart.js")).json()) as AjaxCart);
const textOf = async (page: Page, selector: string) => ((await page.textContent(selector)) ?? "").replace(/\s+/g, " ").trim();
const USD = (minor: number) => `$${(minor / 100).toFixed(2)}`;

/** What the engine (the discount Function's) makes of the cart, with the offers the storefront shows. */
async function engineTotal(page: Page, cart: AjaxCart): Promise<number> {
  const offers = await page.evaluate(() => JSON.parse(document.querySelector("[data-pw-offers]")?.textContent ?? "[]") as unknown);
  const today = await page.getAttribute("[data-pw=cart]", "data-pw-today");
  const lines = cart.items.map((item) => ({
    id: item.key, variantId: `gid://shopify/ProductVariant/${item.variant_id}`, productId: `gid://shopify/Product/${item.product_id}`, quantity: item.quantity, unitPriceMinor: item.price,
  }));
  const result = evaluateCart({ currency: cart.currency, lines, customer: { loggedIn: false } }, offers as EngineOffer[], { today: today ?? "", shopCurrency: "USD", presentmentRate: "1" });
  return result.subtotalAfterMinor;
}

describe("demo storefront in Chromium", () => {
  it("adds a bundle from the product page at the price checkout charges, and refreshes the theme's cart", async () => {
    const page = await open("products/ceramic-pour-over-dripper");
    const bundle = page.locator("[data-pw=bundle]");
    await page.waitForFunction(() => document.querySelector("[data-pw-total]")?.textContent?.trim());
    const quoted = await textOf(page, "[data-pw-total]");
    expect(await textOf(page, "[data-pw-saving]")).toMatch(/^Save \$\d+\.\d\d$/);

    // Leaving an item out drops the bundle price; taking it back restores it.
    await bundle.locator("input[type=checkbox]:not([disabled])").first().uncheck();
    expect(await textOf(page, "[data-pw-saving]")).toBe("");
    await bundle.locator("input[type=checkbox]:not([disabled])").first().check();
    expect(await textOf(page, "[data-pw-total]")).toBe(quoted);

    await bundle.getByRole("button", { name: "Add selected to cart" }).click();
    await expect.poll(() => textOf(page, ".pw-bundle [data-pw-status]")).toBe("Added to your cart");
    // The theme's cart count and drawer were re-rendered, and the drawer carries the cart upsell.
    expect(await textOf(page, "#cart-icon-bubble")).toBe("Cart (2)");
    expect(await page.isVisible("#CartDrawer")).toBe(true);
    await expect.poll(() => page.locator("#CartDrawer .pw-embed [data-pw-progress-text]").textContent()).toMatch(/^Spend \$\d+\.\d\d more for free shipping$/);

    // The lines are attributed to the bundle the block showed (the demo's, or one the admin's tests published).
    const offerId = ((await page.evaluate(() => JSON.parse(document.querySelector("[data-pw-offer]")?.textContent ?? "{}"))) as { id: string }).id;
    const cart = await cartOf(page);
    expect(cart.items.every((item) => item.properties?._pairwise_offer === offerId && item.properties._pairwise_placement === "product_page")).toBe(true);
    const checkout = await open("checkout");
    const charged = Number(await checkout.getAttribute("[data-checkout-total]", "data-amount-minor"));
    expect(`Total: ${USD(charged)}`).toBe(quoted);
    const cartPage = await open("cart");
    expect(charged).toBe(await engineTotal(cartPage, cart));
    expect(errors).toEqual([]);
  });

  it("moves the progress bar and the nudge as the cart passes a spend tier", async () => {
    const product = await open("products/ceramic-pour-over-dripper");
    await product.locator("[data-pw=bundle]").getByRole("button", { name: "Add selected to cart" }).click();
    await expect.poll(() => textOf(product, ".pw-bundle [data-pw-status]")).toBe("Added to your cart");

    const page = await open("cart");
    const progress = page.locator("#shopify-section-pairwise-upsell [data-pw-progress-text]");
    const before = await cartOf(page);
    const tiers = (JSON.parse((await page.textContent("[data-pw-offers]")) ?? "[]") as EngineOffer[]).find((offer) => offer.kind === "spend_tiers");
    if (tiers?.kind !== "spend_tiers") throw new Error("the demo shop has a spend tier offer");
    const expected = (cart: AjaxCart) => {
      const next = spendStatus(tiers.tiers, cart.items.reduce((sum, item) => sum + item.price * item.quantity, 0), toCartCurrency("USD", "USD", "1")).next;
      return next ? `Spend ${USD(next.remainingMinor)} more ${next.freeShipping ? "for free shipping" : "to save more"}` : "You have unlocked every reward";
    };
    await expect.poll(() => progress.textContent()).toBe(expected(before));
    const width = await page.locator("#shopify-section-pairwise-upsell [data-pw-bar]").evaluate((bar) => (bar as HTMLElement).style.width);

    // One tap on a suggestion passes the free-shipping tier: the bar and the nudge follow, the cart table too.
    const suggestion = page.locator("#shopify-section-pairwise-upsell [data-pw-suggestions] li").first();
    await suggestion.waitFor();
    await suggestion.getByRole("button", { name: /^Add / }).click();
    await expect.poll(async () => (await cartOf(page)).item_count).toBe(3);
    const after = await cartOf(page);
    await expect.poll(() => progress.textContent()).toBe(expected(after));
    expect(await page.locator("#shopify-section-pairwise-upsell [data-pw-bar]").evaluate((bar) => (bar as HTMLElement).style.width)).not.toBe(width);
    await expect.poll(() => page.locator("[data-cart-line]").count()).toBe(3);
    const checkout = await open("checkout");
    expect(await checkout.isVisible("[data-free-shipping]")).toBe(true);
    expect(errors).toEqual([]);
  });

  it("keeps a dismissed offer dismissed after a reload", async () => {
    const page = await open("products/ceramic-pour-over-dripper");
    await page.locator("[data-pw=bundle]").getByRole("button", { name: "Dismiss this offer" }).click();
    expect(await page.locator("[data-pw=bundle]").count()).toBe(0);
    await page.reload();
    await page.waitForLoadState("load");
    await page.waitForTimeout(200);
    expect(await page.locator("[data-pw=bundle]").count()).toBe(0);
    // Another product's bundle is not affected.
    const other = await open("products/cast-iron-skillet");
    await other.locator("[data-pw=bundle] [data-pw-item]").first().waitFor();
    expect(await other.locator("[data-pw=bundle] [data-pw-offer]").count()).toBe(1);
  });

  it("shows what customers buy with a product in no bundle, and adds the ticked ones together", async () => {
    const page = await open("products/ethiopia-yirgacheffe");
    const block = page.locator("[data-pw=bundle]");
    await expect.poll(() => block.locator("[data-pw-item]").count()).toBeGreaterThan(1);
    const rows = await block.locator("[data-pw-item]").evaluateAll((items) => items.map((item) => Number((item as HTMLElement).dataset.pwPrice)));
    expect(await textOf(page, "[data-pw-total]")).toBe(`Total: ${USD(rows.reduce((sum, price) => sum + price, 0))}`);
    await block.locator("input[type=checkbox]:not([disabled])").last().uncheck();
    expect(await textOf(page, "[data-pw-total]")).toBe(`Total: ${USD(rows.slice(0, -1).reduce((sum, price) => sum + price, 0))}`);
    await block.getByRole("button", { name: "Add selected to cart" }).click();
    await expect.poll(() => textOf(page, ".pw-bundle [data-pw-status]")).toBe("Added to your cart");
    const cart = await cartOf(page);
    expect(cart.items).toHaveLength(rows.length - 1);
    expect(cart.items.every((item) => item.properties?._pairwise_offer === "recommended")).toBe(true);
  });

  it("prices quantity breaks per unit and puts the chosen tier into the product form", async () => {
    const page = await open("products/ethiopia-yirgacheffe");
    const breaks = page.locator("[data-pw=breaks]");
    await expect.poll(() => breaks.locator("[data-pw-tier-saving]").nth(2).textContent()).toMatch(/^Save \$/);
    const price = Number(await breaks.getAttribute("data-pw-price"));
    // 3 units at 10 % off: the per-unit price is the tier's total divided by 3, rounded half up.
    expect(await breaks.locator("[data-pw-tier-price]").nth(2).textContent()).toBe(`${USD(Math.floor(((price * 3 - Math.floor((price * 3 * 1000 + 5000) / 10000)) * 2 + 3) / 6))} each`);
    await breaks.locator("input[value='3']").check();
    expect(await page.inputValue("#product-form input[name=quantity]")).toBe("3");
    await page.locator("#product-form button[type=submit]").click();
    await page.waitForURL(/\/preview\/cart$/);
    const cart = await cartOf(page);
    expect(cart.items[0]).toMatchObject({ quantity: 3, properties: { _pairwise_offer: "demo-coffee-breaks", _pairwise_placement: "product_page" } });
  });

  it("renders in the shopper's currency and language, and reports what shoppers did", async () => {
    const page = await open("products/ceramic-pour-over-dripper?currency=EUR&locale=fr");
    await page.waitForFunction(() => document.querySelector("[data-pw-total]")?.textContent?.trim());
    expect(await textOf(page, "[data-pw-total]")).toMatch(/^Total : €\d+,\d\d$/);
    expect(await page.getByRole("button", { name: "Ajouter la sélection au panier" }).count()).toBe(1);
    const reported = browser.waitForEvent("response", (response) => response.url().includes("/apps/pairwise/events"));
    await page.locator("[data-pw=bundle] input[type=checkbox]:not([disabled])").first().uncheck();
    // Leaving the page (pagehide) sends the batch: the impression and the click.
    await page.evaluate(() => dispatchEvent(new Event("pagehide")));
    const response = await reported;
    expect(response.status()).toBe(202);
    expect(await response.json()).toEqual({ recorded: 2 });
  });

  it("meets WCAG AA in every block, and tells the shopper when an add fails, leaving the block usable", async () => {
    const product = await open("products/ethiopia-yirgacheffe");
    await product.waitForFunction(() => document.querySelector("[data-pw-tier-price]")?.textContent?.trim());
    await product.locator("[data-pw=bundle] [data-pw-item], [data-pw=bundle] li").first().waitFor();
    expect(await accessibilityViolations(product)).toEqual([]);

    // The theme's cart refuses the add (sold out since the page loaded): the block says why and can be used again.
    const bundlePage = await open("products/ceramic-pour-over-dripper");
    await bundlePage.route("**/cart/add.js", (route) => route.fulfill({ status: 422, contentType: "application/json", body: JSON.stringify({ status: 422, message: "Cart Error", description: "Paper Filters Size 02 (100) is sold out." }) }));
    const add = bundlePage.locator("[data-pw=bundle]").getByRole("button", { name: "Add selected to cart" });
    await add.click();
    await expect.poll(() => textOf(bundlePage, ".pw-bundle [data-pw-status]")).toBe("Paper Filters Size 02 (100) is sold out.");
    expect(await add.isEnabled()).toBe(true);
    expect((await cartOf(bundlePage)).item_count).toBe(0);
    await bundlePage.unroute("**/cart/add.js");
    await bundlePage.keyboard.press("Tab");
    await add.focus();
    await bundlePage.keyboard.press("Enter");
    await expect.poll(() => textOf(bundlePage, ".pw-bundle [data-pw-status]")).toBe("Added to your cart");

    const cart = await open("cart");
    await cart.locator("[data-pw-suggestions] li").first().waitFor();
    expect(await accessibilityViolations(cart)).toEqual([]);
  });

  it("moves nothing on the product page while the blocks load", async () => {
    const page = await browser.newPage();
    await page.addInitScript(() => {
      (window as unknown as { shift: number }).shift = 0;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) (window as unknown as { shift: number }).shift += (entry as unknown as { value: number }).value;
      }).observe({ type: "layout-shift", buffered: true });
    });
    await page.goto(`${demoUrl}/preview/products/ceramic-pour-over-dripper`);
    await page.waitForFunction(() => document.querySelector("[data-pw-total]")?.textContent?.trim());
    await page.waitForTimeout(500);
    expect(await page.evaluate(() => (window as unknown as { shift: number }).shift)).toBeLessThan(0.01);
  });
});
