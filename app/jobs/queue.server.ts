// The durable job queue: pg-boss, on the embedded database or PostgreSQL alike (docs/decisions/0006-job-queue.md).
import { PgBoss, fromPglite } from "pg-boss";
import type { QueueConnection } from "../db/database.server";

export const ORDER_EVENTS_QUEUE = "order-events";
export const ORDER_EVENTS_DEAD_LETTER = "order-events-failed";

// A worker that dies mid-job stops its heartbeat; within about HEARTBEAT + SUPERVISE seconds the job is retried.
const HEARTBEAT_SECONDS = 10;
const SUPERVISE_SECONDS = 5;

const ORDER_EVENTS_POLICY = { retryLimit: 6, retryDelay: 2, retryBackoff: true, heartbeatSeconds: HEARTBEAT_SECONDS, deadLetter: ORDER_EVENTS_DEAD_LETTER };

export function createQueue(connection: QueueConnection): PgBoss {
  const boss =
    connection.kind === "pglite"
      ? new PgBoss({ db: fromPglite(connection.pglite), backend: "pglite", schema: "pgboss", superviseIntervalSeconds: SUPERVISE_SECONDS })
      : new PgBoss({ connectionString: connection.connectionString, schema: "pgboss", max: 10, superviseIntervalSeconds: SUPERVISE_SECONDS });
  boss.on("error", (error) => console.error("[queue]", error));
  return boss;
}

/** Starts the queue (creating its schema the first time) and declares this app's queues. */
export async function startQueue(boss: PgBoss): Promise<PgBoss> {
  await boss.start();
  if (!(await boss.getQueue(ORDER_EVENTS_DEAD_LETTER))) await boss.createQueue(ORDER_EVENTS_DEAD_LETTER);
  // Failures retry with exponential backoff; after the last try a job moves to the dead-letter queue, and its event
  // stays in OrderEvent with the error, never dropped.
  if (await boss.getQueue(ORDER_EVENTS_QUEUE)) await boss.updateQueue(ORDER_EVENTS_QUEUE, ORDER_EVENTS_POLICY);
  else await boss.createQueue(ORDER_EVENTS_QUEUE, ORDER_EVENTS_POLICY);
  return boss;
}
