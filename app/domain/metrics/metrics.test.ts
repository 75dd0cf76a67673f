// The dashboard's numbers on a hand-built set of orders (tests/support/dashboard-orders.ts), every expected value
// worked out by hand there and below.
import { describe, expect, it } from "vitest";
import { normalizeOrder, shopifyOrderSchema } from "../orders/shopify-order";
import { dashboardFromOrders, MetricsInputError } from "./from-orders";
import { DASHBOARD_EVENTS, DASHBOARD_ORDERS, DASHBOARD_RANGE, dashboardOrderPayload } from "../../../tests/support/dashboard-orders";
import { startOfDay, localDay } from "./time-zone";

const order = (...args: Parameters<typeof dashboardOrderPayload>) => normalizeOrder(shopifyOrderSchema.parse(dashboardOrderPayload(...args)));
const orders = DASHBOARD_ORDERS.map((payload) => normalizeOrder(shopifyOrderSchema.parse(payload)));
const offerEvents = DASHBOARD_EVENTS;
const RANGE = DASHBOARD_RANGE;

describe("dashboard metrics", () => {
  const dashboard = dashboardFromOrders(orders, offerEvents, RANGE);
  const current = dashboard.current;

  it("computes AOV as Shopify has since 2023: gross minus discounts as placed, per order, test orders left out", () => {
    // A 23.00 + C 30.00 + E 12.00 = 65.00 over 3 orders.
    expect(current).toMatchObject({ orders: 3, grossSalesMinor: 6700, discountsMinor: 200, salesMinor: 6500, aovMinor: 2167 });
    expect(current.unitsPerOrder).toBeCloseTo(5 / 3, 12);
  });

  it("reports net sales after returns separately, with refunds on the day they were made", () => {
    expect(current).toMatchObject({ refundsMinor: 900 + 1200, netSalesMinor: 6500 - 2100 });
  });

  it("compares orders with an accepted offer to orders without", () => {
    expect(current.withOffer).toEqual({ orders: 2, aovMinor: (2300 + 1200) / 2 });
    expect(current.withoutOffer).toEqual({ orders: 1, aovMinor: 3000 });
    expect(current.aovDifferenceMinor).toBe(1750 - 3000);
  });

  it("attributes line revenue after discounts, net of each offer's share of refunds, with each offer's funnel", () => {
    expect(current.offers).toEqual([
      { offerId: "kit", orders: 1, units: 2, revenueMinor: 1800 - 704, impressions: 10, clicks: 3, adds: 2, dismissals: 1, takeRate: 0.1, addsPerImpression: 0.2, ordersPerAdd: 0.5 },
      { offerId: "gift", orders: 1, units: 1, revenueMinor: 0, impressions: 0, clicks: 0, adds: 0, dismissals: 0, takeRate: null, addsPerImpression: null, ordersPerAdd: null },
    ]);
    expect(current.attributedRevenueMinor).toBe(1096);
    expect(current.suggested).toEqual({ impressions: 10, adds: 2, orders: 2, addsPerImpression: 0.2, ordersPerAdd: 1 });
  });

  it("counts repeat purchases: customers of the period who had ordered before it", () => {
    expect(current).toMatchObject({ customers: 2, returningCustomers: 1, repeatPurchaseRate: 0.5 });
    expect(dashboard.previous).toMatchObject({ customers: 1, returningCustomers: 0, repeatPurchaseRate: 0 });
  });

  it("puts orders on the shop's local days across a daylight-saving change, and compares with the period before", () => {
    expect(current.daily.map((day) => [day.day, day.orders])).toEqual([
      ["2026-11-01", 1], ["2026-11-02", 0], ["2026-11-03", 1], ["2026-11-04", 0], ["2026-11-05", 0], ["2026-11-06", 0], ["2026-11-07", 1],
    ]);
    expect(current.weekly).toEqual([
      { weekStarting: "2026-10-26", orders: 1, aovMinor: 2300, salesMinor: 2300 },
      { weekStarting: "2026-11-02", orders: 2, aovMinor: 2100, salesMinor: 4200 },
    ]);
    expect(dashboard.previous).toMatchObject({ from: "2026-10-25", to: "2026-10-31", orders: 1, aovMinor: 4000 });
    expect(dashboard.previous.offers[0]).toMatchObject({ offerId: "kit", impressions: 1 });
    expect(startOfDay("2026-11-01", "America/New_York").toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(startOfDay("2026-11-02", "America/New_York").toISOString()).toBe("2026-11-02T05:00:00.000Z");
    expect(startOfDay("2026-11-02", "Asia/Kolkata").toISOString()).toBe("2026-11-01T18:30:00.000Z");
    expect(localDay(new Date("2026-11-01T18:29:59Z"), "Asia/Kolkata")).toBe("2026-11-01");
  });

  it("refuses orders from several shop currencies, and reports an empty period without dividing by zero", () => {
    expect(() => dashboardFromOrders([...orders, order(9, "2026-11-02T12:00:00Z", [{ price: "1.00" }], { currency: "EUR" })], [], RANGE)).toThrow(MetricsInputError);
    const empty = dashboardFromOrders([], [], RANGE).current;
    expect(empty).toMatchObject({ orders: 0, aovMinor: null, unitsPerOrder: null, repeatPurchaseRate: null, aovDifferenceMinor: null, offers: [] });
  });
});
