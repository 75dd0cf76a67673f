// The dashboard's metrics from daily sums of the rollups (docs/metrics.md). Pure: the dashboard's loader (sums from
// PostgreSQL) and `npm run metrics` (sums from an order file) both end here.
import { addSales, emptySales, type OfferRow, type SalesRow } from "./rollup";
import { addDays, daysBetween } from "./time-zone";

export type DaySales = SalesRow & { day: string };
export type DayOffer = OfferRow & { day: string };
export type EventCounts = { impressions: number; clicks: number; adds: number; dismissals: number };
export type DayEvents = EventCounts & { day: string; offerId: string };
export type CustomerCounts = { customers: number; returning: number };

export type PeriodInput = { sales: DaySales[]; offers: DayOffer[]; events: DayEvents[]; customers: CustomerCounts };

export type OfferMetrics = EventCounts & {
  offerId: string;
  orders: number;
  units: number;
  /** Line revenue after discounts, net of the offer's share of refunds. */
  revenueMinor: number;
  /** Orders per impression (null without impressions). */
  takeRate: number | null;
  addsPerImpression: number | null;
  ordersPerAdd: number | null;
};

export type PeriodMetrics = {
  from: string;
  to: string;
  orders: number;
  grossSalesMinor: number;
  discountsMinor: number;
  /** Gross sales minus discounts, as placed. */
  salesMinor: number;
  refundsMinor: number;
  netSalesMinor: number;
  /** Shopify's AOV since January 2023: sales as placed / orders (rounded to the minor unit); null without orders. */
  aovMinor: number | null;
  unitsPerOrder: number | null;
  withOffer: { orders: number; aovMinor: number | null };
  withoutOffer: { orders: number; aovMinor: number | null };
  /** AOV with an accepted offer minus AOV without (null unless both exist). */
  aovDifferenceMinor: number | null;
  attributedRevenueMinor: number;
  suggested: { impressions: number; adds: number; orders: number; addsPerImpression: number | null; ordersPerAdd: number | null };
  repeatPurchaseRate: number | null;
  customers: number;
  returningCustomers: number;
  offers: OfferMetrics[];
  daily: { day: string; orders: number; aovMinor: number | null; salesMinor: number }[];
  weekly: { weekStarting: string; orders: number; aovMinor: number | null; salesMinor: number }[];
};

const ratio = (numerator: number, denominator: number) => (denominator > 0 ? numerator / denominator : null);
const average = (totalMinor: number, count: number) => (count > 0 ? Math.round(totalMinor / count) : null);

/** Monday of the ISO week a day belongs to. */
function weekStarting(day: string): string {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return addDays(day, -((weekday + 6) % 7));
}

/** The metrics of the days from `from` to `to` (inclusive; days outside are ignored). */
export function periodMetrics(from: string, to: string, input: PeriodInput): PeriodMetrics {
  const inRange = (day: string) => day >= from && day <= to;
  const sales = input.sales.filter((row) => inRange(row.day));
  const total = sales.reduce((sum, row) => addSales(sum, row), emptySales());
  const salesOf = (row: SalesRow) => row.grossMinor - row.discountMinor;

  const byOffer = new Map<string, OfferMetrics>();
  const offerEntry = (offerId: string) => {
    let entry = byOffer.get(offerId);
    if (!entry) {
      entry = { offerId, orders: 0, units: 0, revenueMinor: 0, impressions: 0, clicks: 0, adds: 0, dismissals: 0, takeRate: null, addsPerImpression: null, ordersPerAdd: null };
      byOffer.set(offerId, entry);
    }
    return entry;
  };
  for (const row of input.offers.filter((row) => inRange(row.day))) {
    const entry = offerEntry(row.offerId);
    entry.orders += row.orders;
    entry.units += row.units;
    entry.revenueMinor += row.revenueMinor - row.refundMinor;
  }
  for (const row of input.events.filter((row) => inRange(row.day))) {
    const entry = offerEntry(row.offerId);
    entry.impressions += row.impressions;
    entry.clicks += row.clicks;
    entry.adds += row.adds;
    entry.dismissals += row.dismissals;
  }
  const offers = [...byOffer.values()]
    .map((entry) => ({ ...entry, takeRate: ratio(entry.orders, entry.impressions), addsPerImpression: ratio(entry.adds, entry.impressions), ordersPerAdd: ratio(entry.orders, entry.adds) }))
    .sort((a, b) => b.revenueMinor - a.revenueMinor || (a.offerId < b.offerId ? -1 : 1));
  const suggested = offers.reduce((sum, offer) => ({ impressions: sum.impressions + offer.impressions, adds: sum.adds + offer.adds, orders: sum.orders + offer.orders }), { impressions: 0, adds: 0, orders: 0 });

  const withOffer = { orders: total.ordersWithOffer, aovMinor: average(total.grossWithOfferMinor - total.discountWithOfferMinor, total.ordersWithOffer) };
  const withoutOrders = total.orders - total.ordersWithOffer;
  const withoutOffer = { orders: withoutOrders, aovMinor: average(salesOf(total) - (total.grossWithOfferMinor - total.discountWithOfferMinor), withoutOrders) };

  const days = daysBetween(from, to);
  const dailyByDay = new Map(sales.map((row) => [row.day, row]));
  const daily = Array.from({ length: Math.max(0, days) }, (_, index) => {
    const day = addDays(from, index);
    const row = dailyByDay.get(day) ?? emptySales();
    return { day, orders: row.orders, aovMinor: average(salesOf(row), row.orders), salesMinor: salesOf(row) };
  });
  const weeks = new Map<string, { orders: number; salesMinor: number }>();
  for (const row of daily) {
    const week = weeks.get(weekStarting(row.day)) ?? { orders: 0, salesMinor: 0 };
    week.orders += row.orders;
    week.salesMinor += row.salesMinor;
    weeks.set(weekStarting(row.day), week);
  }

  return {
    from,
    to,
    orders: total.orders,
    grossSalesMinor: total.grossMinor,
    discountsMinor: total.discountMinor,
    salesMinor: salesOf(total),
    refundsMinor: total.refundMinor,
    netSalesMinor: salesOf(total) - total.refundMinor,
    aovMinor: average(salesOf(total), total.orders),
    unitsPerOrder: ratio(total.units, total.orders),
    withOffer,
    withoutOffer,
    aovDifferenceMinor: withOffer.aovMinor !== null && withoutOffer.aovMinor !== null ? withOffer.aovMinor - withoutOffer.aovMinor : null,
    attributedRevenueMinor: offers.reduce((sum, offer) => sum + offer.revenueMinor, 0),
    suggested: { ...suggested, addsPerImpression: ratio(suggested.adds, suggested.impressions), ordersPerAdd: ratio(suggested.orders, suggested.adds) },
    repeatPurchaseRate: ratio(input.customers.returning, input.customers.customers),
    customers: input.customers.customers,
    returningCustomers: input.customers.returning,
    offers,
    daily,
    weekly: [...weeks].map(([week, row]) => ({ weekStarting: week, orders: row.orders, aovMinor: average(row.salesMinor, row.orders), salesMinor: row.salesMinor })),
  };
}

/** The period of the same length just before [from, to]. */
export function previousPeriod(from: string, to: string): { from: string; to: string } {
  const length = daysBetween(from, to);
  return { from: addDays(from, -length), to: addDays(from, -1) };
}

export type Dashboard = { currency: string; timeZone: string; current: PeriodMetrics; previous: PeriodMetrics };
