// `npm run demo` end to end: the built app serves the Polaris admin for the seeded demo shop in a real browser.
import { mkdirSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "../support/chromium";

const demoUrl = inject("demoBaseUrl");
let browser: BrowserContext;

beforeAll(async () => {
  browser = await launchChromium();
  mkdirSync("test-results", { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
});

describe("demo admin in Chromium", () => {
  it("seeds the demo shop on first start", () => {
    expect(inject("demoStartOutput")).toMatch(/Seeded the demo shop in [\d.]+ s: 203 products, 6000 customers, 20000 orders/);
  });

  it("renders the dashboard with the demo shop's figures, charts and offers, and navigates to settings", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${demoUrl}/app?days=90`);
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    // The figures on the page are the loader's, formatted for the shop.
    type Loaded = { kind: string; dashboard: { current: { orders: number; aovMinor: number; offers: { offerId: string }[] } } };
    const data = await page.evaluate(() => (window as unknown as { __remixContext: { state: { loaderData: Record<string, unknown> } } }).__remixContext.state.loaderData["routes/app._index"] as Loaded);
    expect(data.kind).toBe("ready");
    const { current } = data.dashboard;
    expect(current.orders).toBeGreaterThan(5000);
    const aov = new Intl.NumberFormat("en", { style: "currency", currency: "USD" }).format(current.aovMinor / 100);
    expect(await page.getByText(aov, { exact: true }).first().isVisible()).toBe(true);
    expect(await page.getByText(current.orders.toLocaleString("en"), { exact: true }).first().isVisible()).toBe(true);
    // The seeded bundles' history (the storefront's tests may have added events for other offers since).
    expect(current.offers.map((offer) => offer.offerId)).toEqual(expect.arrayContaining(["demo-board-care", "demo-pour-over-kit", "demo-skillet-care"]));
    expect(await page.getByRole("link", { name: "Pour-over starter kit" }).isVisible()).toBe(true);
    await page.getByRole("figure", { name: "Average order value by day" }).locator("svg").first().waitFor();
    await page.getByRole("figure", { name: "Suggested products: impressions, clicks, adds to cart, orders" }).locator("svg").first().waitFor();
    await page.screenshot({ path: "test-results/demo-dashboard.png", fullPage: true });
    expect(await page.getByText("Copper Kettle Supply Co.", { exact: false }).first().isVisible()).toBe(true);
    const navigation = page.getByRole("navigation");
    for (const label of ["Dashboard", "Offers", "Recommendations", "Settings"]) {
      expect(await navigation.getByRole("link", { name: label }).isVisible(), label).toBe(true);
    }

    await navigation.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    expect(await page.getByText("write_discounts").isVisible()).toBe(true);
    expect(await page.getByText("America/New_York", { exact: false }).isVisible()).toBe(true);
    expect(page.url()).toBe(`${demoUrl}/app/settings`);
    expect(errors).toEqual([]);
  });

  it("creates a fixed bundle through the editor, sees the simulator apply it, and finds it in the index", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));
    const pick = async (button: ReturnType<typeof page.getByRole>, titles: string[]) => {
      await button.click();
      const dialog = page.getByRole("dialog");
      for (const title of titles) {
        await dialog.getByPlaceholder("Search").fill(title);
        await dialog.getByLabel(title, { exact: true }).check();
      }
      await dialog.getByRole("button", { name: "Select" }).click();
      await dialog.waitFor({ state: "detached" });
    };

    await page.goto(`${demoUrl}/app/offers/new`);
    await page.getByRole("link", { name: "Fixed bundle" }).click();
    await page.getByRole("heading", { name: "New fixed bundle" }).waitFor();
    await page.getByLabel("Title", { exact: true }).fill("Pour-over kit");
    await page.getByLabel("Status").selectOption("active");
    await page.getByRole("button", { name: "Add item" }).click();
    await page.getByRole("button", { name: "Add item" }).click();
    await pick(page.getByRole("button", { name: "Choose products" }).nth(0), ["Ceramic Pour-Over Dripper"]);
    await pick(page.getByRole("button", { name: "Choose products" }).nth(1), ["Paper Filters Size 02 (100)"]);
    await page.getByLabel("Percent off").fill("15");

    await pick(page.getByRole("button", { name: "Add products to the test cart" }), ["Ceramic Pour-Over Dripper", "Paper Filters Size 02 (100)"]);
    // 34.95 + 12.95 = 47.90; 15 % is 7.19 (7.185 rounded half up), split 5.25 and 1.94 by price.
    await page.getByText("−5.25 USD (Pour-over kit)").waitFor();
    expect(await page.getByText("−1.94 USD (Pour-over kit)").isVisible()).toBe(true);
    expect(await page.getByText("40.71 USD").isVisible()).toBe(true);
    await page.screenshot({ path: "test-results/offer-editor.png", fullPage: true });

    await page.getByRole("button", { name: "Save" }).first().click();
    await page.waitForURL(/\/app\/offers\/[^/]+\?created=1$/);
    await page.getByText("Offer created and published").waitFor();

    await page.goto(`${demoUrl}/app/offers`);
    const row = page.getByRole("row", { name: /Pour-over kit/ });
    await row.waitFor();
    expect(await row.getByText("Fixed bundle").isVisible()).toBe(true);
    expect(await row.getByText("Active").isVisible()).toBe(true);
    expect(errors).toEqual([]);
  });
});
