import type { Database } from "../db/database.server";
import { migrate, readMigrations } from "../db/migrate.server";
import { seedDemoShop } from "./seed.server";

/** Migrates the database and seeds the demo shop (a no-op when already seeded); returns a line for the console. */
export async function prepareDemoDatabase(database: Database, now: Date): Promise<string> {
  await migrate(database, await readMigrations("prisma/migrations"));
  const started = performance.now();
  const outcome = await seedDemoShop(database.prisma, now);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  return outcome.seeded
    ? `Seeded the demo shop in ${seconds} s: ${outcome.products} products, ${outcome.customers} customers, ${outcome.orders} orders.`
    : `The demo shop is already seeded: ${outcome.products} products, ${outcome.orders} orders.`;
}
