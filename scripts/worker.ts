// `npm run worker`: processes queued jobs (order events) against DATABASE_URL until stopped. Run as many as needed:
// pg-boss hands each job to one worker, and each order event is applied at most once.
import { openDatabase } from "../app/db/database.server";
import { createQueue, startQueue } from "../app/jobs/queue.server";
import { parseDatabaseUrl } from "../app/env.server";
import { workOrderEvents } from "../app/services/order-pipeline.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const database = openDatabase(parseDatabaseUrl(process.env));
  const queue = await startQueue(createQueue(database.queueConnection));
  await workOrderEvents(database.prisma, queue);
  console.log("Worker ready");
  const stop = async () => {
    await queue.stop({ graceful: true, timeout: 10_000 });
    await database.close();
    process.exit(0);
  };
  process.once("SIGINT", () => void stop());
  process.once("SIGTERM", () => void stop());
});
