import type { Database } from "../db/database.server";
import { migrate, readMigrations } from "../db/migrate.server";
import { DEMO_SHOP } from "../env.server";
import { requestBackfill, runBackfill } from "../services/order-backfill.server";
import { rebuildRecommendations } from "../services/recommendation-rebuild.server";
import { createDemoShopData } from "../shop-data/demo-adapter.server";
import { seedDemoShop } from "./seed.server";

/**
 * Migrates the database, seeds the demo shop (a no-op when already seeded), and imports its order history through
 * the same backfill a real shop runs, then computes its recommendations; returns lines for the console.
 */
export async function prepareDemoDatabase(database: Database, now: Date): Promise<string> {
  await migrate(database, await readMigrations("prisma/migrations"));
  const { prisma } = database;
  const started = performance.now();
  const outcome = await seedDemoShop(prisma, now);
  const seconds = (since: number) => ((performance.now() - since) / 1000).toFixed(1);
  const lines = [
    outcome.seeded
      ? `Seeded the demo shop in ${seconds(started)} s: ${outcome.products} products, ${outcome.customers} customers, ${outcome.orders} orders.`
      : `The demo shop is already seeded: ${outcome.products} products, ${outcome.orders} orders.`,
  ];
  const backfill = await prisma.orderBackfill.findUnique({ where: { shop: DEMO_SHOP } });
  if (outcome.seeded || backfill?.status !== "finished") {
    const importStarted = performance.now();
    // A reseeded store replaces its orders; facts of the old ones must not linger.
    if (outcome.seeded) await prisma.$transaction([prisma.orderRefund.deleteMany({ where: { shop: DEMO_SHOP } }), prisma.orderFact.deleteMany({ where: { shop: DEMO_SHOP } })]);
    await requestBackfill(prisma, DEMO_SHOP, now);
    const imported = await runBackfill(prisma, createDemoShopData(DEMO_SHOP, prisma));
    await rebuildRecommendations(prisma, DEMO_SHOP, now);
    lines.push(`Imported ${imported?.ordersImported ?? 0} orders and computed recommendations in ${seconds(importStarted)} s.`);
  }
  // The demo storefront reads offers where Shopify's would: the metafields publishing writes.
  if (outcome.seeded || !(await prisma.offerPublication.findUnique({ where: { shop: DEMO_SHOP } }))?.publishedAt) {
    // Publishing works on the app's process-wide database (app/db.server.ts): make it this one before loading it.
    globalThis.pairwiseDatabase ??= database;
    const { publishOffers } = await import("../services/offer-publisher.server");
    const published = await publishOffers(DEMO_SHOP, createDemoShopData(DEMO_SHOP, prisma), now);
    lines.push(published.ok ? `Published ${published.activeOffers} offers to the demo store.` : `Publishing the demo offers failed: ${published.message}`);
  }
  return lines.join("\n");
}
