// `npm run worker`: runs the background jobs (order events, order-history imports, recommendation rebuilds) against
// DATABASE_URL until stopped. Run as many as needed: pg-boss hands each job to one worker, and each order event is
// applied at most once. (With the embedded database the web process runs them itself.)
import { openDatabase } from "../app/db/database.server";
import { createQueue, startQueue } from "../app/jobs/queue.server";
import { startWorkers } from "../app/jobs/workers.server";
import { parseDatabaseUrl } from "../app/env.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const database = openDatabase(parseDatabaseUrl(process.env));
  // The Shopify configuration (for the shop sessions that imports need) is loaded on the first import only, so a
  // worker that only applies order events runs without it.
  globalThis.pairwiseDatabase = database;
  const queue = await startQueue(createQueue(database.queueConnection));
  await startWorkers(database.prisma, queue, async (shop) => (await import("../app/services/shop-data-for.server")).shopDataForShop(shop, database.prisma));
  console.log("Worker ready");
  const stop = async () => {
    await queue.stop({ graceful: true, timeout: 10_000 });
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
});
