// A hand-built shop history for the dashboard, as Shopify's order webhooks send it: the unit tests work its metrics
// out by hand (app/domain/metrics/metrics.test.ts), and the integration tests check that the stored rollups, the
// dashboard's loader and `npm run metrics` agree on it.
import type { OfferEvent } from "../../app/domain/metrics/offer-events";

type Line = { price: string; quantity?: number; discount?: string; offer?: string };

export function dashboardOrderPayload(id: number, processedAt: string, lines: Line[], extra: Record<string, unknown> = {}) {
  return {
    id, name: `#${id}`, currency: "USD", created_at: processedAt, updated_at: processedAt, processed_at: processedAt, test: false, customer: null,
    line_items: lines.map((line, index) => ({
      id: id * 10 + index, product_id: index + 1, variant_id: index + 1, quantity: line.quantity ?? 1, price: line.price,
      discount_allocations: line.discount ? [{ amount: line.discount }] : [],
      properties: line.offer ? [{ name: "_pairwise_offer", value: line.offer }, { name: "_pairwise_placement", value: "product_page" }] : [],
    })),
    ...extra,
  };
}

const customer = (id: number) => ({ customer: { id } });
const refund = (id: number, at: string, subtotal: string) => ({ id, created_at: at, refund_line_items: [{ quantity: 1, subtotal }] });
const events = (offerId: string, type: OfferEvent["type"], count: number, at: string): OfferEvent[] =>
  Array.from({ length: count }, () => ({ offerId, type, placement: "product_page", at: new Date(at) }));

// New York; the range's first day is the day daylight saving time ends (UTC-4 before 2 am, UTC-5 after).
export const DASHBOARD_RANGE = { from: "2026-11-01", to: "2026-11-07", timeZone: "America/New_York" };
export const DASHBOARD_ORDERS = [
  // A: Nov 1, 00:30 EDT. Two kit units at 10.00 with 2.00 off, a 5.00 item: gross 25.00, discounts 2.00, sales 23.00.
  //    A refund of 9.00 on Nov 5: the kit's share is 9.00 x 18.00 / 23.00 = 7.04.
  dashboardOrderPayload(1, "2026-11-01T04:30:00Z", [{ price: "10.00", quantity: 2, discount: "2.00", offer: "kit" }, { price: "5.00" }], { ...customer(100), refunds: [refund(77, "2026-11-05T12:00:00Z", "9.00")] }),
  // B: Oct 31, 23:30 EDT: the previous period. The same customer, so in the current period they are returning.
  dashboardOrderPayload(2, "2026-11-01T03:30:00Z", [{ price: "40.00" }], customer(100)),
  // C: Nov 7, 23:30 EST (after the change), paid in euros: counted in the shop's currency, 30.00.
  dashboardOrderPayload(3, "2026-11-08T04:30:00Z", [{ price: "30.00" }], { ...customer(200), presentment_currency: "EUR" }),
  // D: a test order: counts nowhere.
  dashboardOrderPayload(4, "2026-11-02T15:00:00Z", [{ price: "999.00", offer: "kit" }], { test: true, ...customer(300) }),
  // E: Nov 3, with the gift offer, cancelled and refunded in full on Nov 4: placed (AOV), then returned (net sales).
  dashboardOrderPayload(5, "2026-11-03T15:00:00Z", [{ price: "12.00", offer: "gift" }], { cancelled_at: "2026-11-04T09:00:00Z", refunds: [refund(78, "2026-11-04T10:00:00Z", "12.00")] }),
  // F: Nov 8, 00:30 EST: after the range.
  dashboardOrderPayload(6, "2026-11-08T05:30:00Z", [{ price: "70.00" }], customer(200)),
];
export const DASHBOARD_EVENTS = [
  ...events("kit", "impression", 10, "2026-11-02T12:00:00Z"),
  ...events("kit", "click", 3, "2026-11-02T12:01:00Z"),
  ...events("kit", "add", 2, "2026-11-02T12:02:00Z"),
  ...events("kit", "dismiss", 1, "2026-11-06T12:00:00Z"),
  // Oct 31, 23:59 EDT: previous period.
  ...events("kit", "impression", 1, "2026-11-01T03:59:00Z"),
];
