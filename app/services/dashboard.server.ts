import type { PrismaClient } from "@prisma/client";
import { periodMetrics, previousPeriod, type CustomerCounts, type Dashboard, type DayEvents, type DayOffer, type DaySales } from "../domain/metrics/metrics";
import { addDays, startOfDay } from "../domain/metrics/time-zone";

// Takes the client as an argument, so the benchmark measures exactly this loader.

const num = (value: bigint | number | null) => Number(value ?? 0);

type SalesSumRow = { day: string; orders: bigint; ordersWithOffer: bigint; units: bigint; grossMinor: bigint; discountMinor: bigint; grossWithOfferMinor: bigint; discountWithOfferMinor: bigint; refundMinor: bigint };
type OfferSumRow = { day: string; offerId: string; orders: bigint; units: bigint; revenueMinor: bigint; refundMinor: bigint };
type EventSumRow = { day: string; offerId: string; impressions: bigint; clicks: bigint; adds: bigint; dismissals: bigint };

async function dailySales(prisma: PrismaClient, shop: string, timeZone: string, start: Date, end: Date): Promise<DaySales[]> {
  const rows = await prisma.$queryRaw<SalesSumRow[]>`
    SELECT to_char(("bucketStart" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day,
           sum("orders")::bigint AS "orders", sum("ordersWithOffer")::bigint AS "ordersWithOffer", sum("units")::bigint AS "units",
           sum("grossMinor")::bigint AS "grossMinor", sum("discountMinor")::bigint AS "discountMinor",
           sum("grossWithOfferMinor")::bigint AS "grossWithOfferMinor", sum("discountWithOfferMinor")::bigint AS "discountWithOfferMinor",
           sum("refundMinor")::bigint AS "refundMinor"
    FROM "SalesBucket" WHERE "shop" = ${shop} AND "bucketStart" >= ${start} AND "bucketStart" < ${end}
    GROUP BY 1`;
  return rows.map((row) => ({
    day: row.day, orders: num(row.orders), ordersWithOffer: num(row.ordersWithOffer), units: num(row.units), grossMinor: num(row.grossMinor), discountMinor: num(row.discountMinor),
    grossWithOfferMinor: num(row.grossWithOfferMinor), discountWithOfferMinor: num(row.discountWithOfferMinor), refundMinor: num(row.refundMinor),
  }));
}

async function dailyOffers(prisma: PrismaClient, shop: string, timeZone: string, start: Date, end: Date): Promise<DayOffer[]> {
  const rows = await prisma.$queryRaw<OfferSumRow[]>`
    SELECT to_char(("bucketStart" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, "offerId",
           sum("orders")::bigint AS "orders", sum("units")::bigint AS "units", sum("revenueMinor")::bigint AS "revenueMinor", sum("refundMinor")::bigint AS "refundMinor"
    FROM "OfferBucket" WHERE "shop" = ${shop} AND "bucketStart" >= ${start} AND "bucketStart" < ${end}
    GROUP BY 1, 2`;
  return rows.map((row) => ({ day: row.day, offerId: row.offerId, orders: num(row.orders), units: num(row.units), revenueMinor: num(row.revenueMinor), refundMinor: num(row.refundMinor) }));
}

async function dailyEvents(prisma: PrismaClient, shop: string, timeZone: string, start: Date, end: Date): Promise<DayEvents[]> {
  const rows = await prisma.$queryRaw<EventSumRow[]>`
    SELECT to_char(("bucketStart" AT TIME ZONE 'UTC') AT TIME ZONE ${timeZone}, 'YYYY-MM-DD') AS day, "offerId",
           sum("impressions")::bigint AS "impressions", sum("clicks")::bigint AS "clicks", sum("adds")::bigint AS "adds", sum("dismissals")::bigint AS "dismissals"
    FROM "OfferEventBucket" WHERE "shop" = ${shop} AND "bucketStart" >= ${start} AND "bucketStart" < ${end}
    GROUP BY 1, 2`;
  return rows.map((row) => ({ day: row.day, offerId: row.offerId, impressions: num(row.impressions), clicks: num(row.clicks), adds: num(row.adds), dismissals: num(row.dismissals) }));
}

/**
 * Customers with an order in [start, end), and how many had ordered before: each customer's first order in the
 * period is the one whose previous order is before the period (or who has none). Read from a partial index alone.
 */
async function customers(prisma: PrismaClient, shop: string, start: Date, end: Date): Promise<CustomerCounts> {
  const rows = await prisma.$queryRaw<{ customers: bigint; returning: bigint }[]>`
    SELECT count(*) FILTER (WHERE "previousOrderAt" IS NULL OR "previousOrderAt" < ${start})::bigint AS customers,
           count(*) FILTER (WHERE "previousOrderAt" < ${start})::bigint AS returning
    FROM "OrderFact"
    WHERE "shop" = ${shop} AND "processedAt" >= ${start} AND "processedAt" < ${end} AND NOT "test" AND "customerKey" IS NOT NULL`;
  return { customers: num(rows[0]?.customers ?? 0), returning: num(rows[0]?.returning ?? 0) };
}

/** The dashboard for local days `from`..`to` and the period of the same length before, from the rollups. */
export async function loadDashboard(prisma: PrismaClient, shop: string, shopInfo: { currencyCode: string; ianaTimezone: string }, from: string, to: string): Promise<Dashboard> {
  const timeZone = shopInfo.ianaTimezone;
  const previous = previousPeriod(from, to);
  const [previousStart, currentStart, end] = [startOfDay(previous.from, timeZone), startOfDay(from, timeZone), startOfDay(addDays(to, 1), timeZone)];
  const [sales, offers, events, currentCustomers, previousCustomers] = await Promise.all([
    dailySales(prisma, shop, timeZone, previousStart, end),
    dailyOffers(prisma, shop, timeZone, previousStart, end),
    dailyEvents(prisma, shop, timeZone, previousStart, end),
    customers(prisma, shop, currentStart, end),
    customers(prisma, shop, previousStart, currentStart),
  ]);
  return {
    currency: shopInfo.currencyCode,
    timeZone,
    current: periodMetrics(from, to, { sales, offers, events, customers: currentCustomers }),
    previous: periodMetrics(previous.from, previous.to, { sales, offers, events, customers: previousCustomers }),
  };
}

/** Whether the shop has any order yet (the dashboard's empty state). */
export async function hasOrders(prisma: PrismaClient, shop: string): Promise<boolean> {
  return (await prisma.salesBucket.findFirst({ where: { shop }, select: { shop: true } })) !== null;
}
