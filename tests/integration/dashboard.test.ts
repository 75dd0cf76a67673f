// The dashboard from stored rollups: orders arriving through the webhook pipeline (with an edit, a late refund and a
// replay on the way) give exactly the numbers `npm run metrics` computes from the same orders.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/db.server";
import { dashboardFromOrders } from "../../app/domain/metrics/from-orders";
import { normalizeOrder, shopifyOrderSchema } from "../../app/domain/orders/shopify-order";
import { requireAdmin } from "../../app/services/admin-context.server";
import { loadDashboard } from "../../app/services/dashboard.server";
import { loadOffersIndex } from "../../app/services/offer-editor.server";
import { processOrderEvent } from "../../app/services/order-pipeline.server";
import { recordOfferEvents } from "../../app/services/rollups.server";
import { createDemoShopData } from "../../app/shop-data/demo-adapter.server";
import * as dashboardRoute from "../../app/routes/app._index";
import * as csvRoute from "../../app/routes/app.dashboard[.]csv";
import { runMetrics } from "../../scripts/metrics";
import { DASHBOARD_EVENTS, DASHBOARD_ORDERS, DASHBOARD_RANGE, dashboardOrderPayload } from "../support/dashboard-orders";

vi.mock("../../app/services/admin-context.server", () => ({ requireAdmin: vi.fn() }));

const SHOP = "dashboard.myshopify.com";
const SHOP_INFO = { currencyCode: "USD", ianaTimezone: DASHBOARD_RANGE.timeZone };

let event = 0;
async function deliver(topic: "ORDERS_CREATE" | "ORDERS_UPDATED" | "REFUNDS_CREATE", payload: unknown) {
  const webhookId = `dashboard-${(event += 1)}`;
  await prisma.orderEvent.create({ data: { shop: SHOP, webhookId, topic, payload: payload as object } });
  expect(await processOrderEvent(prisma, webhookId)).toBe("processed");
}

beforeAll(async () => {
  await prisma.demoShop.create({ data: { shop: SHOP, name: "Dashboard shop", currencyCode: "USD", ianaTimezone: DASHBOARD_RANGE.timeZone, primaryLocale: "en", locales: ["en"], seedVersion: 3 } });
  const [a, ...others] = DASHBOARD_ORDERS;
  if (!a) throw new Error("no orders");
  // Order A arrives first without its refund and with a line it later loses (an edit), then as it finally is.
  const refundsOfA = "refunds" in a ? (a.refunds as object[]) : [];
  const aWithoutRefunds = { ...a, refunds: [] };
  await deliver("ORDERS_CREATE", { ...aWithoutRefunds, line_items: [...a.line_items, { id: 19, product_id: 9, variant_id: 9, quantity: 4, price: "50.00", properties: [] }] });
  for (const payload of others) await deliver("ORDERS_CREATE", payload);
  await deliver("ORDERS_UPDATED", { ...aWithoutRefunds, updated_at: "2026-11-01T05:00:00Z" });
  // An older delivery of A arriving late changes nothing.
  await deliver("ORDERS_UPDATED", { ...aWithoutRefunds, updated_at: "2026-11-01T04:30:00Z", line_items: [a.line_items[0]] });
  for (const refund of refundsOfA) await deliver("REFUNDS_CREATE", { ...refund, order_id: a.id });
  await prisma.$transaction((tx) => recordOfferEvents(tx, SHOP, DASHBOARD_EVENTS));
});

describe("dashboard", () => {
  const expected = dashboardFromOrders(
    DASHBOARD_ORDERS.map((payload) => normalizeOrder(shopifyOrderSchema.parse(payload))),
    DASHBOARD_EVENTS,
    DASHBOARD_RANGE,
  );

  it("loads from the rollups exactly what the metrics tool computes from the orders", async () => {
    const loaded = await loadDashboard(prisma, SHOP, SHOP_INFO, DASHBOARD_RANGE.from, DASHBOARD_RANGE.to);
    expect(loaded).toEqual(expected);
    expect(loaded.current).toMatchObject({ orders: 3, aovMinor: 2167, netSalesMinor: 4400, attributedRevenueMinor: 1096, repeatPurchaseRate: 0.5 });
  });

  it("agrees with `npm run metrics` run on the same order and event files", () => {
    const dir = mkdtempSync(join(tmpdir(), "metrics-"));
    writeFileSync(join(dir, "orders.jsonl"), DASHBOARD_ORDERS.map((payload) => JSON.stringify(payload)).join("\n"));
    writeFileSync(join(dir, "events.jsonl"), DASHBOARD_EVENTS.map((e) => JSON.stringify({ ...e, at: e.at.toISOString() })).join("\n"));
    const { output, exitCode } = runMetrics(["--orders", join(dir, "orders.jsonl"), "--events", join(dir, "events.jsonl"), "--from", DASHBOARD_RANGE.from, "--to", DASHBOARD_RANGE.to, "--timezone", DASHBOARD_RANGE.timeZone]);
    expect(exitCode).toBe(0);
    expect(JSON.parse(output ?? "")).toEqual(JSON.parse(JSON.stringify(expected)));

    writeFileSync(join(dir, "bad.jsonl"), `${JSON.stringify(DASHBOARD_ORDERS[0])}\n{"id": 5}\n`);
    expect(runMetrics(["--orders", join(dir, "bad.jsonl"), "--from", "2026-11-01", "--to", "2026-11-07"])).toMatchObject({ exitCode: 1, error: expect.stringContaining("bad.jsonl line 2 is not a Shopify order") });
    expect(runMetrics(["--orders", join(dir, "orders.jsonl"), "--from", "2026-11-08", "--to", "2026-11-01"])).toMatchObject({ exitCode: 1, error: "--from must not be after --to" });
    expect(runMetrics(["--orders", join(dir, "orders.jsonl"), "--from", "2026-11-01", "--to", "2026-11-07", "--timezone", "Mars/Olympus"])).toMatchObject({ exitCode: 1 });
  });

  it("keeps day summaries for the next load, and forgets a day when an order of it changes", async () => {
    await loadDashboard(prisma, SHOP, SHOP_INFO, DASHBOARD_RANGE.from, DASHBOARD_RANGE.to);
    // The range and the previous period: 14 days, summarized for New York.
    expect(await prisma.salesDay.count({ where: { shop: SHOP, timeZone: DASHBOARD_RANGE.timeZone } })).toBe(14);
    const again = await loadDashboard(prisma, SHOP, SHOP_INFO, DASHBOARD_RANGE.from, DASHBOARD_RANGE.to);
    expect(again).toEqual(expected);
    // Another time zone sums the same buckets onto its own days.
    const utc = await loadDashboard(prisma, SHOP, { currencyCode: "USD", ianaTimezone: "UTC" }, DASHBOARD_RANGE.from, DASHBOARD_RANGE.to);
    expect(utc).toEqual(dashboardFromOrders(DASHBOARD_ORDERS.map((payload) => normalizeOrder(shopifyOrderSchema.parse(payload))), DASHBOARD_EVENTS, { ...DASHBOARD_RANGE, timeZone: "UTC" }));
  });

  it("keeps the rollups right when an order's lines change after its refund", async () => {
    await deliver("ORDERS_UPDATED", dashboardOrderPayload(5, "2026-11-03T15:00:00Z", [{ price: "12.00" }], { updated_at: "2026-11-04T11:00:00Z", cancelled_at: "2026-11-04T09:00:00Z" }));
    const loaded = await loadDashboard(prisma, SHOP, SHOP_INFO, DASHBOARD_RANGE.from, DASHBOARD_RANGE.to);
    // E no longer carries the gift offer: one order with an offer fewer, and the gift's row is gone.
    expect(loaded.current.withOffer).toEqual({ orders: 1, aovMinor: 2300 });
    expect(loaded.current.offers.map((offer) => offer.offerId)).toEqual(["kit"]);
    expect(loaded.current.refundsMinor).toBe(2100);
  });

  it("renders the page's data with offer titles, exports the offers as CSV, and explains a bad range", async () => {
    vi.mocked(requireAdmin).mockResolvedValue({ shop: SHOP, shopData: createDemoShopData(SHOP, prisma), embedded: false });
    const title = 'Brew kit, "deluxe"';
    const definition = {
      id: "kit", title, status: "active", priority: 0, combinesWith: { product: true, order: true, shipping: true }, kind: "fixed_bundle",
      items: [1, 2].map((n) => ({ selector: { productIds: [`gid://shopify/Product/${n}`] }, quantity: 1 })), reward: { type: "percentage", basisPoints: 1000 }, maxApplications: 1,
    };
    await prisma.offer.create({ data: { shop: SHOP, id: "kit", kind: "fixed_bundle", title, status: "active", priority: 0, definition, texts: {} } });
    const page = await dashboardRoute.loader({ request: new Request(`https://pairwise.test/app?from=${DASHBOARD_RANGE.from}&to=${DASHBOARD_RANGE.to}`), params: {}, context: {} });
    expect(page).toMatchObject({ kind: "ready", range: { from: "2026-11-01", to: "2026-11-07" }, offerLinks: { kit: { title: 'Brew kit, "deluxe"', href: "/app/offers/kit" }, recommended: { title: "Recommended from your orders", href: "/app/recommendations" } } });
    const csv = await (await csvRoute.loader({ request: new Request(`https://pairwise.test/app/dashboard.csv?from=${DASHBOARD_RANGE.from}&to=${DASHBOARD_RANGE.to}`), params: {}, context: {} })).text();
    expect(csv.split("\n")).toEqual([
      "offer_id,offer,impressions,clicks,adds,orders,units,revenue_USD,take_rate,adds_per_impression,orders_per_add",
      'kit,"Brew kit, ""deluxe""",10,3,2,1,2,10.96,0.1,0.2,0.5',
      "",
    ]);
    // The offers list shows each offer's orders of the last 30 days, as the dashboard counts them.
    const index = await loadOffersIndex({ shop: SHOP, shopData: createDemoShopData(SHOP, prisma), embedded: false }, new Date("2026-11-10T12:00:00Z"));
    expect(index.ordersLast30Days).toEqual({ kit: 1 });
    const invalid = await dashboardRoute.loader({ request: new Request("https://pairwise.test/app?from=2026-11-09&to=2026-11-01"), params: {}, context: {} });
    expect(invalid).toMatchObject({ kind: "invalid", error: "The start date is after the end date." });
    const csvInvalid = await csvRoute.loader({ request: new Request("https://pairwise.test/app/dashboard.csv?from=nope"), params: {}, context: {} });
    expect(csvInvalid.status).toBe(400);
  });

  it("shows an empty state to a shop without orders", async () => {
    const shop = "new.myshopify.com";
    await prisma.demoShop.create({ data: { shop, name: "New", currencyCode: "EUR", ianaTimezone: "Europe/Paris", primaryLocale: "fr", locales: ["fr"], seedVersion: 3 } });
    vi.mocked(requireAdmin).mockResolvedValue({ shop, shopData: createDemoShopData(shop, prisma), embedded: false });
    const page = await dashboardRoute.loader({ request: new Request("https://pairwise.test/app?days=7"), params: {}, context: {} });
    expect(page).toMatchObject({ kind: "empty" });
  });
});
