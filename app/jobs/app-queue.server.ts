import type { PgBoss } from "pg-boss";
import { database } from "../db.server";
import { env } from "../env.server";
import { createQueue, startQueue } from "./queue.server";

declare global {
  // One started queue per process, shared by the routes that enqueue and the worker.
  var pairwiseQueue: Promise<PgBoss> | undefined;
}

export function appQueue(): Promise<PgBoss> {
  globalThis.pairwiseQueue ??= startQueue(createQueue(database().queueConnection, { supervise: env().inProcessWorkers }));
  return globalThis.pairwiseQueue;
}
