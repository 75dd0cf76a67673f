import { Prisma, type PrismaClient } from "@prisma/client";
import { rollupEvents, type OfferEvent } from "../domain/metrics/offer-events";
import { BUCKET_MS, bucketStart, rollup, type FactOrder } from "../domain/metrics/rollup";

// Works inside the caller's transaction (no web-app database import), so the order worker maintains rollups as it
// applies orders. Design: docs/decisions/0008-dashboard-rollups.md.

const DAY_MS = 86_400_000;

/** Buckets grouped into spans, so that a recompute reads a few time ranges instead of one per bucket. */
function spansOf(buckets: Date[]): { start: Date; end: Date }[] {
  const starts = [...new Set(buckets.map((bucket) => bucketStart(bucket).getTime()))].sort((a, b) => a - b);
  const spans: { start: number; end: number }[] = [];
  for (const start of starts) {
    const last = spans.at(-1);
    if (last && start - last.end < DAY_MS) last.end = start + BUCKET_MS;
    else spans.push({ start, end: start + BUCKET_MS });
  }
  return spans.map((span) => ({ start: new Date(span.start), end: new Date(span.end) }));
}

type FactLineRow = { orderId: string; processedAt: Date; test: boolean; quantity: number | null; unitPriceMinor: number | null; discountMinor: number | null; properties: Prisma.JsonValue };

/** Orders with their lines from one joined query (the busiest read of the rollups; three times faster than nested reads). */
function factOrders(rows: FactLineRow[]): FactOrder[] {
  const orders = new Map<string, FactOrder>();
  for (const row of rows) {
    let order = orders.get(row.orderId);
    if (!order) orders.set(row.orderId, (order = { orderId: row.orderId, processedAt: row.processedAt, test: row.test, lines: [] }));
    if (row.quantity === null) continue;
    order.lines.push({ quantity: row.quantity, unitPriceMinor: row.unitPriceMinor ?? 0, discountMinor: row.discountMinor ?? 0, properties: propertiesOf(row.properties) });
  }
  return [...orders.values()];
}

const FACT_LINE_COLUMNS = Prisma.sql`o."orderId", o."processedAt", o."test", l."quantity", l."unitPriceMinor", l."discountMinor", l."properties"
  FROM "OrderFact" o LEFT JOIN "OrderLineFact" l ON l."shop" = o."shop" AND l."orderId" = o."orderId"`;

function propertiesOf(value: Prisma.JsonValue): Record<string, string> {
  if (!value || typeof value !== "object" || Array.isArray(value)) return {};
  return Object.fromEntries(Object.entries(value).flatMap(([key, entry]) => (typeof entry === "string" ? [[key, entry]] : [])));
}

/**
 * Recomputes the sales and offer rollups of every bucket in the spans around `buckets` from the stored orders and
 * refunds, replacing what was there: the rows always equal a fresh computation, whatever changed.
 */
export async function refreshRollups(tx: Prisma.TransactionClient, shop: string, buckets: Date[]): Promise<void> {
  for (const { start, end } of spansOf(buckets)) {
    const orders = factOrders(await tx.$queryRaw<FactLineRow[]>`SELECT ${FACT_LINE_COLUMNS} WHERE o."shop" = ${shop} AND o."processedAt" >= ${start} AND o."processedAt" < ${end}`);
    const refunds = await tx.orderRefund.findMany({ where: { shop, createdAt: { gte: start, lt: end } } });
    const refundedIds = [...new Set(refunds.map((refund) => refund.orderId))];
    const refundedOrders = new Map(
      refundedIds.length === 0
        ? []
        : factOrders(await tx.$queryRaw<FactLineRow[]>`SELECT ${FACT_LINE_COLUMNS} WHERE o."shop" = ${shop} AND o."orderId" IN (${Prisma.join(refundedIds)})`).map((order) => [order.orderId, order]),
    );
    const rows = rollup(
      orders,
      refunds.flatMap((refund) => {
        const order = refundedOrders.get(refund.orderId);
        return order ? [{ refund, order }] : [];
      }),
    );
    await invalidateDaySummaries(tx, shop, start, end);
    await tx.salesBucket.deleteMany({ where: { shop, bucketStart: { gte: start, lt: end } } });
    await tx.offerBucket.deleteMany({ where: { shop, bucketStart: { gte: start, lt: end } } });
    await tx.salesBucket.createMany({ data: [...rows.sales].map(([at, row]) => ({ shop, bucketStart: new Date(at), ...row })) });
    await tx.offerBucket.createMany({
      data: [...rows.offers].flatMap(([at, byOffer]) => [...byOffer.values()].map((row) => ({ shop, bucketStart: new Date(at), ...row }))),
    });
  }
}

/**
 * Sets each order's `previousOrderAt` (the same customer's order before it, test orders left out) for every order of
 * these customers (or of every customer, after an import): an order arriving late or changing its time moves its
 * neighbours' too.
 */
export async function linkCustomerOrders(tx: Prisma.TransactionClient, shop: string, customerKeys: string[] | "all"): Promise<void> {
  const keys = customerKeys === "all" ? null : [...new Set(customerKeys)];
  if (keys?.length === 0) return;
  const customers = keys ? Prisma.sql`"customerKey" IN (${Prisma.join(keys)})` : Prisma.sql`"customerKey" IS NOT NULL`;
  await tx.$executeRaw`
    UPDATE "OrderFact" o SET "previousOrderAt" = t.previous
    FROM (SELECT "orderId", lag("processedAt") OVER (PARTITION BY "customerKey" ORDER BY "processedAt", "orderId") AS previous
          FROM "OrderFact" WHERE "shop" = ${shop} AND ${customers} AND NOT "test") t
    WHERE o."shop" = ${shop} AND o."orderId" = t."orderId" AND o."previousOrderAt" IS DISTINCT FROM t.previous`;
}

const utcDay = (instant: number) => new Date(instant).toISOString().slice(0, 10);

/**
 * Forgets the dashboard's day summaries of every day that holds part of [start, end) in any time zone (offsets lie
 * within 14 hours of UTC, so a day either side), and moves the cache version on, in the caller's transaction.
 */
export async function invalidateDaySummaries(tx: Prisma.TransactionClient, shop: string, start: Date, end: Date): Promise<void> {
  const day = { gte: utcDay(start.getTime() - DAY_MS), lte: utcDay(end.getTime() + DAY_MS) };
  await tx.salesDay.deleteMany({ where: { shop, day } });
  await tx.offerDay.deleteMany({ where: { shop, day } });
  await tx.eventDay.deleteMany({ where: { shop, day } });
  // An order changing at `start` changes the counts of every period ending after it (a customer's later orders
  // link back to it); periods that ended before are untouched.
  await tx.customerCount.deleteMany({ where: { shop, end: { gt: start } } });
  await tx.dashboardCache.upsert({ where: { shop }, create: { shop, version: 1 }, update: { version: { increment: 1 } } });
}

/** Rebuilds every rollup of the shop from its stored orders, a week at a time (after a migration, or for a benchmark). */
export async function rebuildRollups(prisma: PrismaClient, shop: string): Promise<void> {
  const range = await prisma.orderFact.aggregate({ where: { shop }, _min: { processedAt: true }, _max: { processedAt: true } });
  const refundRange = await prisma.orderRefund.aggregate({ where: { shop }, _min: { createdAt: true }, _max: { createdAt: true } });
  const starts = [range._min.processedAt, refundRange._min.createdAt].flatMap((date) => (date ? [date.getTime()] : []));
  const ends = [range._max.processedAt, refundRange._max.createdAt].flatMap((date) => (date ? [date.getTime()] : []));
  if (starts.length === 0) return;
  // A week per transaction: few round trips, and a bounded amount of orders in memory.
  const step = 7 * DAY_MS;
  for (let from = Math.floor(Math.min(...starts) / DAY_MS) * DAY_MS; from <= Math.max(...ends); from += step) {
    const buckets = Array.from({ length: step / BUCKET_MS }, (_, index) => new Date(from + index * BUCKET_MS));
    await prisma.$transaction((tx) => refreshRollups(tx, shop, buckets), { timeout: 120_000 });
  }
  await prisma.$transaction((tx) => linkCustomerOrders(tx, shop, "all"), { timeout: 120_000 });
}

/** Adds reported storefront and checkout events to their buckets. */
export async function recordOfferEvents(tx: Prisma.TransactionClient, shop: string, events: OfferEvent[]): Promise<void> {
  const times = events.map((event) => event.at.getTime());
  if (times.length > 0) await invalidateDaySummaries(tx, shop, new Date(Math.min(...times)), new Date(Math.max(...times) + 1));
  for (const row of rollupEvents(events)) {
    const { bucketStart: at, offerId, placement, ...counts } = row;
    await tx.offerEventBucket.upsert({
      where: { shop_bucketStart_offerId_placement: { shop, bucketStart: at, offerId, placement } },
      create: { shop, bucketStart: at, offerId, placement, ...counts },
      update: {
        impressions: { increment: counts.impressions },
        clicks: { increment: counts.clicks },
        adds: { increment: counts.adds },
        dismissals: { increment: counts.dismissals },
      },
    });
  }
}
