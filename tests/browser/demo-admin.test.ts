// `npm run demo` end to end: the built app serves the Polaris admin for the seeded demo shop in a real browser.
import { mkdirSync } from "node:fs";
import type { BrowserContext } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchChromium } from "../support/chromium";
import { startDemoServer, type DemoServer } from "../support/demo-server";

let server: DemoServer;
let browser: BrowserContext;

beforeAll(async () => {
  server = await startDemoServer();
  browser = await launchChromium();
  mkdirSync("test-results", { recursive: true });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

describe("demo admin in Chromium", () => {
  it("seeds the demo shop on first start", () => {
    expect(server.output()).toMatch(/Seeded the demo shop in [\d.]+ s: 203 products, 6000 customers, 20000 orders/);
  });

  it("renders the dashboard with the demo shop's catalog, and navigates to settings", async () => {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (error) => errors.push(error.message));

    await page.goto(`${server.baseUrl}/app`);
    await page.getByRole("heading", { name: "Dashboard", level: 1 }).waitFor();
    await page.screenshot({ path: "test-results/demo-dashboard.png", fullPage: true });
    expect(await page.getByText("Copper Kettle Supply Co.").first().isVisible()).toBe(true);
    expect(await page.getByRole("rowheader", { name: "Ethiopia Yirgacheffe" }).isVisible()).toBe(true);
    const navigation = page.getByRole("navigation");
    for (const label of ["Dashboard", "Offers", "Recommendations", "Settings"]) {
      expect(await navigation.getByRole("link", { name: label }).isVisible(), label).toBe(true);
    }

    await navigation.getByRole("link", { name: "Settings" }).click();
    await page.getByRole("heading", { name: "Settings", level: 1 }).waitFor();
    expect(await page.getByText("write_discounts").isVisible()).toBe(true);
    expect(await page.getByText("America/New_York", { exact: false }).isVisible()).toBe(true);
    expect(page.url()).toBe(`${server.baseUrl}/app/settings`);
    expect(errors).toEqual([]);
  });
});
