// The durable job queue: pg-boss, on the embedded database or PostgreSQL alike (docs/decisions/0006-job-queue.md).
import { PgBoss, fromPglite } from "pg-boss";
import type { QueueConnection } from "../db/database.server";

export const ORDER_EVENTS_QUEUE = "order-events";
export const ORDER_EVENTS_DEAD_LETTER = "order-events-failed";
/** One shop's order-history import; resumes from its checkpoint when retried. */
export const ORDER_BACKFILL_QUEUE = "order-backfill";
export const RECOMMENDATIONS_REBUILD_QUEUE = "recommendations-rebuild";

// A worker that dies mid-job stops its heartbeat; within about HEARTBEAT + SUPERVISE seconds the job is retried.
const HEARTBEAT_SECONDS = 10;
const SUPERVISE_SECONDS = 5;

const ORDER_EVENTS_POLICY = { retryLimit: 6, retryDelay: 2, retryBackoff: true, heartbeatSeconds: HEARTBEAT_SECONDS, deadLetter: ORDER_EVENTS_DEAD_LETTER };
// One backfill per shop at a time (exclusive); a large history takes hours, which the heartbeat, not the expiry, guards.
const ORDER_BACKFILL_POLICY = { policy: "exclusive" as const, retryLimit: 8, retryDelay: 30, retryBackoff: true, heartbeatSeconds: HEARTBEAT_SECONDS, expireInSeconds: 12 * 3600 };
// At most one rebuild waiting and one running per shop (stately): requests while one waits add nothing.
const RECOMMENDATIONS_REBUILD_POLICY = { policy: "stately" as const, retryLimit: 3, retryDelay: 10, retryBackoff: true, heartbeatSeconds: HEARTBEAT_SECONDS, expireInSeconds: 3600 };

/**
 * A queue on the app's database. `supervise` (retrying jobs whose worker died, expiring, archiving) belongs to the
 * processes that work jobs; a web process that only enqueues leaves it off, which keeps its periodic sweeps out of
 * webhook acknowledgement latency.
 */
export function createQueue(connection: QueueConnection, { supervise = true }: { supervise?: boolean } = {}): PgBoss {
  const boss =
    connection.kind === "pglite"
      ? new PgBoss({ db: fromPglite(connection.pglite), backend: "pglite", schema: "pgboss", supervise, superviseIntervalSeconds: SUPERVISE_SECONDS })
      : new PgBoss({ connectionString: connection.connectionString, schema: "pgboss", max: 10, supervise, superviseIntervalSeconds: SUPERVISE_SECONDS });
  boss.on("error", (error) => console.error("[queue]", error));
  return boss;
}

/** Starts the queue (creating its schema the first time) and declares this app's queues. */
export async function startQueue(boss: PgBoss): Promise<PgBoss> {
  await boss.start();
  if (!(await boss.getQueue(ORDER_EVENTS_DEAD_LETTER))) await boss.createQueue(ORDER_EVENTS_DEAD_LETTER);
  // Failures retry with exponential backoff; after the last try a job moves to the dead-letter queue, and its event
  // stays in OrderEvent with the error, never dropped.
  await declareQueue(boss, ORDER_EVENTS_QUEUE, ORDER_EVENTS_POLICY);
  await declareQueue(boss, ORDER_BACKFILL_QUEUE, ORDER_BACKFILL_POLICY);
  await declareQueue(boss, RECOMMENDATIONS_REBUILD_QUEUE, RECOMMENDATIONS_REBUILD_POLICY);
  return boss;
}

async function declareQueue(boss: PgBoss, name: string, { policy, ...options }: Parameters<PgBoss["createQueue"]>[1] & object) {
  // A queue's policy is fixed when it is created; the other options follow the code.
  if (await boss.getQueue(name)) await boss.updateQueue(name, options);
  else await boss.createQueue(name, { policy, ...options });
}
