// From order facts to the dashboard's rollup rows: 15-minute UTC buckets of sales and of revenue per offer. Pure;
// the server maintains the stored rollups with it, and `npm run metrics` builds the same rows in memory.
import { offerOfLine } from "./attribution";

export const BUCKET_MS = 15 * 60_000;

export function bucketStart(instant: Date): Date {
  return new Date(Math.floor(instant.getTime() / BUCKET_MS) * BUCKET_MS);
}

export type FactLine = { quantity: number; unitPriceMinor: number; discountMinor: number; properties: Record<string, string> };
export type FactOrder = { orderId: string; processedAt: Date; test: boolean; lines: FactLine[] };
export type FactRefund = { orderId: string; amountMinor: number; createdAt: Date };

export type SalesRow = {
  orders: number;
  ordersWithOffer: number;
  units: number;
  grossMinor: number;
  discountMinor: number;
  grossWithOfferMinor: number;
  discountWithOfferMinor: number;
  refundMinor: number;
};
export type OfferRow = { offerId: string; orders: number; units: number; revenueMinor: number; refundMinor: number };

export const emptySales = (): SalesRow => ({ orders: 0, ordersWithOffer: 0, units: 0, grossMinor: 0, discountMinor: 0, grossWithOfferMinor: 0, discountWithOfferMinor: 0, refundMinor: 0 });

export function addSales(into: SalesRow, row: SalesRow): SalesRow {
  for (const key of Object.keys(into) as (keyof SalesRow)[]) into[key] += row[key];
  return into;
}

/** Line revenue after discounts per offer the order's lines were added through. */
function offerRevenue(order: FactOrder): Map<string, { units: number; revenueMinor: number }> {
  const byOffer = new Map<string, { units: number; revenueMinor: number }>();
  for (const line of order.lines) {
    const offerId = offerOfLine(line.properties);
    if (!offerId) continue;
    const entry = byOffer.get(offerId) ?? { units: 0, revenueMinor: 0 };
    entry.units += line.quantity;
    entry.revenueMinor += line.unitPriceMinor * line.quantity - line.discountMinor;
    byOffer.set(offerId, entry);
  }
  return byOffer;
}

/**
 * A refund's share per offer: the refunded amount split by the offers' share of the order's sales after discounts
 * (refunds are recorded per order), rounded to the minor unit.
 */
function refundShares(refund: FactRefund, order: FactOrder): Map<string, number> {
  const orderSales = order.lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity - line.discountMinor, 0);
  const shares = new Map<string, number>();
  if (orderSales <= 0) return shares;
  for (const [offerId, { revenueMinor }] of offerRevenue(order)) shares.set(offerId, Math.round((refund.amountMinor * revenueMinor) / orderSales));
  return shares;
}

export type BucketRows = { sales: Map<number, SalesRow>; offers: Map<number, Map<string, OfferRow>> };

/**
 * The rollup rows of these orders (in the bucket they were placed) and these refunds (in the bucket they were made,
 * each with its order). Test orders and their refunds count nowhere.
 */
export function rollup(orders: FactOrder[], refunds: { refund: FactRefund; order: FactOrder }[]): BucketRows {
  const rows: BucketRows = { sales: new Map(), offers: new Map() };
  const salesAt = (instant: Date) => {
    const key = bucketStart(instant).getTime();
    let row = rows.sales.get(key);
    if (!row) rows.sales.set(key, (row = emptySales()));
    return row;
  };
  const offerAt = (instant: Date, offerId: string) => {
    const key = bucketStart(instant).getTime();
    let byOffer = rows.offers.get(key);
    if (!byOffer) rows.offers.set(key, (byOffer = new Map()));
    let row = byOffer.get(offerId);
    if (!row) byOffer.set(offerId, (row = { offerId, orders: 0, units: 0, revenueMinor: 0, refundMinor: 0 }));
    return row;
  };
  for (const order of orders) {
    if (order.test) continue;
    const gross = order.lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity, 0);
    const discount = order.lines.reduce((sum, line) => sum + line.discountMinor, 0);
    const offers = offerRevenue(order);
    const sales = salesAt(order.processedAt);
    sales.orders += 1;
    sales.units += order.lines.reduce((sum, line) => sum + line.quantity, 0);
    sales.grossMinor += gross;
    sales.discountMinor += discount;
    if (offers.size > 0) {
      sales.ordersWithOffer += 1;
      sales.grossWithOfferMinor += gross;
      sales.discountWithOfferMinor += discount;
    }
    for (const [offerId, { units, revenueMinor }] of offers) {
      const row = offerAt(order.processedAt, offerId);
      row.orders += 1;
      row.units += units;
      row.revenueMinor += revenueMinor;
    }
  }
  for (const { refund, order } of refunds) {
    if (order.test) continue;
    salesAt(refund.createdAt).refundMinor += refund.amountMinor;
    for (const [offerId, share] of refundShares(refund, order)) offerAt(refund.createdAt, offerId).refundMinor += share;
  }
  return rows;
}
