// The dashboard computed straight from orders in memory (`npm run metrics`): the same rollup and metric code the
// dashboard's loader runs on the stored rollups.
import type { NormalizedOrder } from "../orders/shopify-order";
import { customerCounts, dailySums } from "./daily";
import { periodMetrics, previousPeriod, type Dashboard } from "./metrics";
import { rollupEvents, type OfferEvent } from "./offer-events";
import { rollup, type FactOrder } from "./rollup";
import { addDays, startOfDay } from "./time-zone";

/** Orders that cannot be one shop's (several shop currencies). */
export class MetricsInputError extends Error {
  override name = "MetricsInputError";
}

export function dashboardFromOrders(orders: NormalizedOrder[], events: OfferEvent[], range: { from: string; to: string; timeZone: string }): Dashboard {
  const currencies = [...new Set(orders.map((order) => order.currencyCode))];
  if (currencies.length > 1) throw new MetricsInputError(`The orders are in several shop currencies (${currencies.join(", ")}); a shop has one`);
  const facts = new Map<string, FactOrder>(orders.map((order) => [order.orderId, order]));
  const rows = rollup(
    [...facts.values()],
    orders.flatMap((order) => order.refunds.map((refund) => ({ refund: { orderId: order.orderId, ...refund }, order }))),
  );
  const sums = dailySums(rows, rollupEvents(events), range.timeZone);
  const previous = previousPeriod(range.from, range.to);
  const [previousStart, currentStart, end] = [startOfDay(previous.from, range.timeZone), startOfDay(range.from, range.timeZone), startOfDay(addDays(range.to, 1), range.timeZone)];
  const people = orders.map((order) => ({ customerKey: order.customerId, processedAt: order.processedAt, test: order.test }));
  return {
    currency: currencies[0] ?? "",
    timeZone: range.timeZone,
    current: periodMetrics(range.from, range.to, { ...sums, customers: customerCounts(people, currentStart, end) }),
    previous: periodMetrics(previous.from, previous.to, { ...sums, customers: customerCounts(people, previousStart, currentStart) }),
  };
}
