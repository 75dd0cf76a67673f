import { Prisma, type PrismaClient } from "@prisma/client";
import { periodMetrics, previousPeriod, type CustomerCounts, type Dashboard, type DayEvents, type DayOffer, type DaySales } from "../domain/metrics/metrics";
import { addDays, daysBetween, startOfDay } from "../domain/metrics/time-zone";

// Takes the client as an argument, so the benchmark measures exactly this loader.

const num = (value: bigint | number | null) => Number(value ?? 0);

type SalesSumRow = { day: number; orders: bigint; ordersWithOffer: bigint; units: bigint; grossMinor: bigint; discountMinor: bigint; grossWithOfferMinor: bigint; discountWithOfferMinor: bigint; refundMinor: bigint };
type OfferSumRow = { day: number | string; offerId: string; orders: bigint; units: bigint; revenueMinor: bigint; refundMinor: bigint };
type EventSumRow = { day: number | string; offerId: string; impressions: bigint; clicks: bigint; adds: bigint; dismissals: bigint };

/**
 * Local days as the instants they start at (and the instant after the last ends): rows are put on their day by a
 * binary search over these (width_bucket), cheaper than converting each row's time zone.
 */
type DayBoundaries = { names: string[]; starts: Date[] };

function dayBoundaries(from: string, to: string, timeZone: string): DayBoundaries {
  const names = Array.from({ length: daysBetween(from, to) }, (_, index) => addDays(from, index));
  return { names, starts: [...names, addDays(to, 1)].map((day) => startOfDay(day, timeZone)) };
}

const range = (days: DayBoundaries) => ({ start: days.starts[0] ?? new Date(0), end: days.starts.at(-1) ?? new Date(0) });
const dayName = (days: DayBoundaries, index: number) => days.names[index - 1] ?? "";

async function dailySales(prisma: PrismaClient, shop: string, days: DayBoundaries): Promise<DaySales[]> {
  const { start, end } = range(days);
  const rows = await prisma.$queryRaw<SalesSumRow[]>`
    SELECT width_bucket("bucketStart", ${days.starts}::timestamp(3)[]) AS day,
           sum("orders")::bigint AS "orders", sum("ordersWithOffer")::bigint AS "ordersWithOffer", sum("units")::bigint AS "units",
           sum("grossMinor")::bigint AS "grossMinor", sum("discountMinor")::bigint AS "discountMinor",
           sum("grossWithOfferMinor")::bigint AS "grossWithOfferMinor", sum("discountWithOfferMinor")::bigint AS "discountWithOfferMinor",
           sum("refundMinor")::bigint AS "refundMinor"
    FROM "SalesBucket" WHERE "shop" = ${shop} AND "bucketStart" >= ${start} AND "bucketStart" < ${end}
    GROUP BY 1`;
  return rows.map((row) => ({
    day: dayName(days, row.day), orders: num(row.orders), ordersWithOffer: num(row.ordersWithOffer), units: num(row.units), grossMinor: num(row.grossMinor), discountMinor: num(row.discountMinor),
    grossWithOfferMinor: num(row.grossWithOfferMinor), discountWithOfferMinor: num(row.discountWithOfferMinor), refundMinor: num(row.refundMinor),
  }));
}

async function dailyOffers(prisma: PrismaClient, shop: string, days: DayBoundaries): Promise<DayOffer[]> {
  const { start, end } = range(days);
  const rows = await prisma.$queryRaw<OfferSumRow[]>`
    SELECT width_bucket("bucketStart", ${days.starts}::timestamp(3)[]) AS day, "offerId",
           sum("orders")::bigint AS "orders", sum("units")::bigint AS "units", sum("revenueMinor")::bigint AS "revenueMinor", sum("refundMinor")::bigint AS "refundMinor"
    FROM "OfferBucket" WHERE "shop" = ${shop} AND "bucketStart" >= ${start} AND "bucketStart" < ${end}
    GROUP BY 1, 2`;
  return rows.map((row) => ({ day: dayName(days, Number(row.day)), offerId: row.offerId, orders: num(row.orders), units: num(row.units), revenueMinor: num(row.revenueMinor), refundMinor: num(row.refundMinor) }));
}

async function dailyEvents(prisma: PrismaClient, shop: string, days: DayBoundaries): Promise<DayEvents[]> {
  const { start, end } = range(days);
  const rows = await prisma.$queryRaw<EventSumRow[]>`
    SELECT width_bucket("bucketStart", ${days.starts}::timestamp(3)[]) AS day, "offerId",
           sum("impressions")::bigint AS "impressions", sum("clicks")::bigint AS "clicks", sum("adds")::bigint AS "adds", sum("dismissals")::bigint AS "dismissals"
    FROM "OfferEventBucket" WHERE "shop" = ${shop} AND "bucketStart" >= ${start} AND "bucketStart" < ${end}
    GROUP BY 1, 2`;
  return rows.map((row) => ({ day: dayName(days, Number(row.day)), offerId: row.offerId, impressions: num(row.impressions), clicks: num(row.clicks), adds: num(row.adds), dismissals: num(row.dismissals) }));
}

/**
 * Whether no bucket changed since `version` was read; the row stays locked (shared) until the caller's transaction
 * ends, so no change can commit between this check and what the caller stores.
 */
async function versionStill(tx: Prisma.TransactionClient, shop: string, version: number): Promise<boolean> {
  const current = await tx.$queryRaw<{ version: number }[]>`SELECT "version" FROM "DashboardCache" WHERE "shop" = ${shop} FOR SHARE`;
  return current[0]?.version === version;
}

type DaySums = { sales: DaySales[]; offers: DayOffer[]; events: DayEvents[] };

/** Sums the buckets of these days (a contiguous run) from the rollup tables. */
async function sumBuckets(prisma: PrismaClient, shop: string, days: DayBoundaries): Promise<DaySums> {
  const [sales, offers, events] = await Promise.all([dailySales(prisma, shop, days), dailyOffers(prisma, shop, days), dailyEvents(prisma, shop, days)]);
  return { sales, offers, events };
}

type SalesDayRow = Omit<SalesSumRow, "day"> & { day: string };

/**
 * The daily sales of [previousFrom, to], and offers and events summed per period (what the metrics use of them).
 * Days with a summary are read from it; the others are summed from the buckets and stored as summaries, unless a
 * bucket changed meanwhile (the cache version moved on; the next load sums them again). Days being summed are kept
 * out of the summary reads, so a summary another load stores meanwhile is never counted twice.
 */
async function daySums(prisma: PrismaClient, shop: string, version: number, timeZone: string, previousFrom: string, from: string, to: string): Promise<DaySums> {
  const stored = await prisma.$queryRaw<SalesDayRow[]>`
    SELECT "day", "orders"::bigint, "ordersWithOffer"::bigint, "units"::bigint, "grossMinor", "discountMinor", "grossWithOfferMinor", "discountWithOfferMinor", "refundMinor"
    FROM "SalesDay" WHERE "shop" = ${shop} AND "timeZone" = ${timeZone} AND "day" >= ${previousFrom} AND "day" <= ${to}`;
  const summarized = new Set(stored.map((row) => row.day));
  const missing = dayBoundaries(previousFrom, to, timeZone).names.filter((day) => !summarized.has(day));
  const [first, last] = [missing[0], missing.at(-1)];
  const wanted = new Set(missing);
  const fresh = first && last ? await sumBuckets(prisma, shop, dayBoundaries(first, last, timeZone)) : { sales: [], offers: [], events: [] };
  const freshOffers = fresh.offers.filter((row) => wanted.has(row.day));
  const freshEvents = fresh.events.filter((row) => wanted.has(row.day));
  const period = Prisma.sql`CASE WHEN "day" >= ${from} THEN ${from} ELSE ${previousFrom} END`;
  const notMissing = missing.length > 0 ? Prisma.sql`AND "day" NOT IN (${Prisma.join(missing)})` : Prisma.empty;
  const [offers, events] = await Promise.all([
    prisma.$queryRaw<OfferSumRow[]>`
      SELECT ${period} AS day, "offerId", sum("orders")::bigint AS "orders", sum("units")::bigint AS "units", sum("revenueMinor")::bigint AS "revenueMinor", sum("refundMinor")::bigint AS "refundMinor"
      FROM "OfferDay" WHERE "shop" = ${shop} AND "timeZone" = ${timeZone} AND "day" >= ${previousFrom} AND "day" <= ${to} ${notMissing} GROUP BY 1, 2`,
    prisma.$queryRaw<EventSumRow[]>`
      SELECT ${period} AS day, "offerId", sum("impressions")::bigint AS "impressions", sum("clicks")::bigint AS "clicks", sum("adds")::bigint AS "adds", sum("dismissals")::bigint AS "dismissals"
      FROM "EventDay" WHERE "shop" = ${shop} AND "timeZone" = ${timeZone} AND "day" >= ${previousFrom} AND "day" <= ${to} ${notMissing} GROUP BY 1, 2`,
    missing.length > 0 ? storeDaySummaries(prisma, shop, version, timeZone, missing, { sales: fresh.sales, offers: freshOffers, events: freshEvents }) : undefined,
  ]);
  return {
    sales: [
      ...stored.map((row) => ({
        day: row.day, orders: num(row.orders), ordersWithOffer: num(row.ordersWithOffer), units: num(row.units), grossMinor: num(row.grossMinor), discountMinor: num(row.discountMinor),
        grossWithOfferMinor: num(row.grossWithOfferMinor), discountWithOfferMinor: num(row.discountWithOfferMinor), refundMinor: num(row.refundMinor),
      })),
      ...fresh.sales.filter((row) => wanted.has(row.day)),
    ],
    offers: [...offers.map((row) => ({ day: String(row.day), offerId: row.offerId, orders: num(row.orders), units: num(row.units), revenueMinor: num(row.revenueMinor), refundMinor: num(row.refundMinor) })), ...freshOffers],
    events: [...events.map((row) => ({ day: String(row.day), offerId: row.offerId, impressions: num(row.impressions), clicks: num(row.clicks), adds: num(row.adds), dismissals: num(row.dismissals) })), ...freshEvents],
  };
}

/** Stores the summaries of freshly summed days (zeros included: a row marks the day as summed), if no bucket changed. */
async function storeDaySummaries(prisma: PrismaClient, shop: string, version: number, timeZone: string, days: string[], fresh: DaySums): Promise<void> {
  const salesOf = new Map(fresh.sales.map((row) => [row.day, row]));
  const big = (value: number) => BigInt(value);
  await prisma.$transaction(async (tx) => {
    if (!(await versionStill(tx, shop, version))) return;
    await tx.salesDay.createMany({
      skipDuplicates: true,
      data: days.map((day) => {
        const row = salesOf.get(day);
        return {
          shop, timeZone, day, orders: row?.orders ?? 0, ordersWithOffer: row?.ordersWithOffer ?? 0, units: row?.units ?? 0, grossMinor: big(row?.grossMinor ?? 0),
          discountMinor: big(row?.discountMinor ?? 0), grossWithOfferMinor: big(row?.grossWithOfferMinor ?? 0), discountWithOfferMinor: big(row?.discountWithOfferMinor ?? 0), refundMinor: big(row?.refundMinor ?? 0),
        };
      }),
    });
    await tx.offerDay.createMany({ skipDuplicates: true, data: fresh.offers.map((row) => ({ shop, timeZone, ...row, revenueMinor: big(row.revenueMinor), refundMinor: big(row.refundMinor) })) });
    await tx.eventDay.createMany({ skipDuplicates: true, data: fresh.events.map((row) => ({ shop, timeZone, ...row })) });
  });
}

/**
 * Customers with an order in [start, end), and how many had ordered before: each customer's first order in the
 * period is the one whose previous order is before the period (or who has none). Read from a partial index alone.
 */
/** Orders in [from, end) that are their customer's first since `since` (and how many of those customers ordered before). */
async function countCustomers(prisma: PrismaClient, shop: string, since: Date, from: Date, end: Date): Promise<CustomerCounts> {
  const rows = await prisma.$queryRaw<{ customers: bigint; returning: bigint }[]>`
    SELECT count(*) FILTER (WHERE "previousOrderAt" IS NULL OR "previousOrderAt" < ${since})::bigint AS customers,
           count(*) FILTER (WHERE "previousOrderAt" < ${since})::bigint AS returning
    FROM "OrderFact"
    WHERE "shop" = ${shop} AND "processedAt" >= ${from} AND "processedAt" < ${end} AND NOT "test" AND "customerKey" IS NOT NULL`;
  return { customers: num(rows[0]?.customers ?? 0), returning: num(rows[0]?.returning ?? 0) };
}

/** Counts of [start, end), from CustomerCount when no order changed since they were counted (guarded like day sums). */
async function storedCustomers(prisma: PrismaClient, shop: string, version: number, start: Date, end: Date): Promise<CustomerCounts> {
  const stored = await prisma.customerCount.findUnique({ where: { shop_start_end: { shop, start, end } } });
  if (stored) return { customers: stored.customers, returning: stored.returning };
  const counts = await countCustomers(prisma, shop, start, start, end);
  await prisma.$transaction(async (tx) => {
    if (await versionStill(tx, shop, version)) await tx.customerCount.createMany({ data: [{ shop, start, end, ...counts }], skipDuplicates: true });
  });
  return counts;
}

/**
 * A period's customers: the days before its last from CustomerCount (they rarely change), the last day (where new
 * orders arrive) counted afresh. Both count each customer's first order since the period began, so they add up.
 */
async function customers(prisma: PrismaClient, shop: string, version: number, start: Date, lastDayStart: Date, end: Date): Promise<CustomerCounts> {
  const [before, lastDay] = await Promise.all([
    lastDayStart > start ? storedCustomers(prisma, shop, version, start, lastDayStart) : { customers: 0, returning: 0 },
    countCustomers(prisma, shop, start, lastDayStart, end),
  ]);
  return { customers: before.customers + lastDay.customers, returning: before.returning + lastDay.returning };
}

/** The dashboard for local days `from`..`to` and the period of the same length before, from the rollups. */
export async function loadDashboard(prisma: PrismaClient, shop: string, shopInfo: { currencyCode: string; ianaTimezone: string }, from: string, to: string): Promise<Dashboard> {
  const timeZone = shopInfo.ianaTimezone;
  const previous = previousPeriod(from, to);
  const [previousStart, currentStart, end] = [startOfDay(previous.from, timeZone), startOfDay(from, timeZone), startOfDay(addDays(to, 1), timeZone)];
  const { version } = await prisma.dashboardCache.upsert({ where: { shop }, create: { shop, version: 0 }, update: {} });
  const [{ sales, offers, events }, currentCustomers, previousCustomers] = await Promise.all([
    daySums(prisma, shop, version, timeZone, previous.from, from, to),
    customers(prisma, shop, version, currentStart, startOfDay(to, timeZone), end),
    customers(prisma, shop, version, previousStart, startOfDay(previous.to, timeZone), currentStart),
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
