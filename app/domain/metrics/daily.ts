// Sums of bucket rows per day in the shop's time zone, and customer counts, computed in memory: what the dashboard's
// loader asks PostgreSQL for, for `npm run metrics`, which has no database.
import type { CustomerCounts, DayEvents, DayOffer, DaySales, PeriodInput } from "./metrics";
import type { EventBucketRow } from "./offer-events";
import { addSales, emptySales, type BucketRows } from "./rollup";
import { localDay } from "./time-zone";

export function dailySums(rows: BucketRows, events: EventBucketRow[], timeZone: string): Omit<PeriodInput, "customers"> {
  const sales = new Map<string, DaySales>();
  for (const [at, row] of rows.sales) {
    const day = localDay(new Date(at), timeZone);
    sales.set(day, { ...addSales(sales.get(day) ?? emptySales(), row), day });
  }
  const offers = new Map<string, DayOffer>();
  for (const [at, byOffer] of rows.offers) {
    const day = localDay(new Date(at), timeZone);
    for (const row of byOffer.values()) {
      const key = `${day}|${row.offerId}`;
      const sum = offers.get(key) ?? { day, offerId: row.offerId, orders: 0, units: 0, revenueMinor: 0, refundMinor: 0 };
      sum.orders += row.orders;
      sum.units += row.units;
      sum.revenueMinor += row.revenueMinor;
      sum.refundMinor += row.refundMinor;
      offers.set(key, sum);
    }
  }
  const eventSums = new Map<string, DayEvents>();
  for (const row of events) {
    const day = localDay(row.bucketStart, timeZone);
    const key = `${day}|${row.offerId}`;
    const sum = eventSums.get(key) ?? { day, offerId: row.offerId, impressions: 0, clicks: 0, adds: 0, dismissals: 0 };
    sum.impressions += row.impressions;
    sum.clicks += row.clicks;
    sum.adds += row.adds;
    sum.dismissals += row.dismissals;
    eventSums.set(key, sum);
  }
  return { sales: [...sales.values()], offers: [...offers.values()], events: [...eventSums.values()] };
}

/** Customers with an order in [start, end), and how many of them had ordered before `start`. */
export function customerCounts(orders: { customerKey: string | null; processedAt: Date; test: boolean }[], start: Date, end: Date): CustomerCounts {
  const first = new Map<string, Date>();
  const inPeriod = new Set<string>();
  for (const order of orders) {
    if (!order.customerKey || order.test) continue;
    const known = first.get(order.customerKey);
    if (!known || order.processedAt < known) first.set(order.customerKey, order.processedAt);
    if (order.processedAt >= start && order.processedAt < end) inPeriod.add(order.customerKey);
  }
  let returning = 0;
  for (const key of inPeriod) if ((first.get(key)?.getTime() ?? Infinity) < start.getTime()) returning += 1;
  return { customers: inPeriod.size, returning };
}
