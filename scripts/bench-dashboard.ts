// `npm run bench:dashboard`: loads 1,000,000 orders (two years, about two lines each, 15 % with an offer's line,
// 3 % refunded, 200,000 customers) into PostgreSQL, builds the rollups with the same code that maintains them as
// orders arrive, and prints the dashboard loader's median and p95 time for a 90-day and a 365-day range (each with
// its comparison period), each load after a new order arrived. Target: p95 under 300 ms.
import { openDatabase } from "../app/db/database.server";
import { migrate, readMigrations } from "../app/db/migrate.server";
import { addDays } from "../app/domain/metrics/time-zone";
import type { NormalizedOrder } from "../app/domain/orders/shopify-order";
import { loadDashboard } from "../app/services/dashboard.server";
import { applyOrders } from "../app/services/order-pipeline.server";
import { rebuildRollups } from "../app/services/rollups.server";
import { createScratchDatabase, isPostgresReachable } from "../tests/support/postgres";

const ORDERS = 1_000_000;
const DAYS = 730;
const SHOP = "bench-dashboard.myshopify.com";
const TIME_ZONE = "America/New_York";
const END = "2026-11-21";
const RUNS = 20;

if (!(await isPostgresReachable())) throw new Error("bench:dashboard needs PostgreSQL at 127.0.0.1:5432 (or TEST_POSTGRES_URL)");
const scratch = await createScratchDatabase();
const database = openDatabase(scratch.url);
const { prisma } = database;
try {
  await migrate(database, await readMigrations("prisma/migrations"));
  const started = performance.now();
  const endMs = Date.parse(`${END}T23:59:59Z`);
  const spanSeconds = DAYS * 86_400;
  // Generated inside PostgreSQL (deterministic: hashes of the order number, no random()), in chunks.
  for (let first = 1; first <= ORDERS; first += 100_000) {
    const last = Math.min(ORDERS, first + 99_999);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "OrderFact" ("shop","orderId","name","currencyCode","presentmentCurrency","customerKey","processedAt","sourceUpdatedAt","subtotalMinor","totalDiscountMinor","test")
      SELECT $1, 'gid://shopify/Order/' || g, '#' || g, 'USD', 'USD',
             CASE WHEN g % 9 = 0 THEN NULL ELSE 'customer-' || ((g::bigint * 7919) % 200000) END,
             to_timestamp($2::float8 - $3::float8 + (g::float8 * $3::float8) / $4::float8) AT TIME ZONE 'UTC',
             to_timestamp($2::float8 - $3::float8 + (g::float8 * $3::float8) / $4::float8) AT TIME ZONE 'UTC',
             0, 0, g % 250 = 0
      FROM generate_series($5::int, $6::int) AS g`, SHOP, endMs / 1000, spanSeconds, ORDERS, first, last);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "OrderLineFact" ("shop","orderId","lineId","productId","variantId","quantity","unitPriceMinor","discountMinor","properties")
      SELECT $1, 'gid://shopify/Order/' || g, 'gid://shopify/LineItem/' || g || '-' || n, 'gid://shopify/Product/' || ((g * 31 + n * 17) % 10000),
             'gid://shopify/ProductVariant/' || ((g * 31 + n * 17) % 10000), 1 + (g + n) % 3, 500 + ((g * 13 + n * 7) % 9500),
             CASE WHEN n = 1 AND g % 7 = 0 THEN 150 ELSE 0 END,
             CASE WHEN n = 1 AND g % 7 = 0 THEN jsonb_build_object('_pairwise_offer', 'offer-' || (g % 5), '_pairwise_placement', 'product_page') ELSE '{}'::jsonb END
      FROM generate_series($2::int, $3::int) AS g, generate_series(0, 1 + (g % 2)) AS n`, SHOP, first, last);
    await prisma.$executeRawUnsafe(`
      INSERT INTO "OrderRefund" ("shop","refundId","orderId","amountMinor","createdAt")
      SELECT $1, 'gid://shopify/Refund/' || g, 'gid://shopify/Order/' || g, 300 + g % 2000, o."processedAt" + interval '5 days'
      FROM generate_series($2::int, $3::int) AS g JOIN "OrderFact" o ON o."shop" = $1 AND o."orderId" = 'gid://shopify/Order/' || g
      WHERE g % 33 = 0`, SHOP, first, last);
  }
  await prisma.$executeRawUnsafe(`
    INSERT INTO "OfferEventBucket" ("shop","bucketStart","offerId","placement","impressions","clicks","adds","dismissals")
    SELECT $1, to_timestamp($2::float8 - h * 3600) AT TIME ZONE 'UTC', 'offer-' || o, 'product_page', 40 + (h + o) % 30, 8 + (h * o) % 5, 3 + (h + o) % 4, (h + o) % 2
    FROM generate_series(0, $3::int * 24 - 1) AS h, generate_series(0, 4) AS o`, SHOP, Math.floor(endMs / 3_600_000) * 3600, DAYS);
  await prisma.$executeRawUnsafe(`ANALYZE`);
  const loaded = performance.now();
  await rebuildRollups(prisma, SHOP);
  // What autovacuum does on a live database after a bulk write: statistics, and the visibility map index-only scans need.
  await prisma.$executeRawUnsafe(`VACUUM ANALYZE`);
  const built = performance.now();
  const lines = await prisma.orderLineFact.count({ where: { shop: SHOP } });
  console.log(`Loaded ${ORDERS.toLocaleString("en")} orders (${lines.toLocaleString("en")} lines) over ${DAYS} days into PostgreSQL in ${((loaded - started) / 1000).toFixed(1)} s`);
  console.log(`Built the rollups from them in ${((built - loaded) / 1000).toFixed(1)} s: ${(await prisma.salesBucket.count()).toLocaleString("en")} sales buckets, ${(await prisma.offerBucket.count()).toLocaleString("en")} offer buckets`);

  // Orders keep arriving while merchants look: before every measured load one more order (of a returning customer,
  // with an offer's line) goes through the pipeline's apply, which invalidates today's summaries and the current
  // period's customer counts, so each load recomputes what a live shop would.
  let next = ORDERS;
  const arrive = async () => {
    next += 1;
    const at = new Date(Date.parse(`${END}T20:00:00Z`));
    const order: NormalizedOrder = {
      orderId: `gid://shopify/Order/${next}`, name: `#${next}`, currencyCode: "USD", presentmentCurrency: "USD", customerId: `gid://shopify/Customer/${next % 5000}`,
      processedAt: at, sourceUpdatedAt: at, subtotalMinor: 4000, totalDiscountMinor: 150, cancelledAt: null, test: false, refunds: [],
      lines: [{ lineId: `gid://shopify/LineItem/${next}-0`, productId: "gid://shopify/Product/1", variantId: "gid://shopify/ProductVariant/1", quantity: 2, unitPriceMinor: 2075, discountMinor: 150, properties: { _pairwise_offer: "offer-1" } }],
    };
    await prisma.$transaction((tx) => applyOrders(tx, SHOP, [order], { incremental: true }));
  };
  for (const days of [90, 365]) {
    const from = addDays(END, -(days - 1));
    const load = () => loadDashboard(prisma, SHOP, { currencyCode: "USD", ianaTimezone: TIME_ZONE }, from, END);
    let t = performance.now();
    await load();
    const cold = performance.now() - t;
    const times: number[] = [];
    let orders = 0;
    for (let run = 0; run < RUNS; run += 1) {
      await arrive();
      t = performance.now();
      orders = (await load()).current.orders;
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const at = (q: number) => times[Math.min(times.length - 1, Math.ceil(q * times.length) - 1)] ?? NaN;
    console.log(
      `Dashboard loader, ${days}-day range (${orders.toLocaleString("en")} orders, plus the previous ${days} days): median ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms over ${RUNS} runs, each after a new order (first load, summing every day: ${cold.toFixed(0)} ms)`,
    );
  }
} finally {
  await database.close();
  await scratch.drop();
}
process.exit(0);
