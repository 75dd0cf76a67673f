import type { Env } from "./env.server";
import { EnvError } from "./env.server";

/**
 * How many HTTP processes server.ts runs: WEB_CONCURRENCY, else one per core in production on PostgreSQL, else one.
 * The embedded database (pglite:) can only be opened by one process, so it never runs more.
 */
export function webConcurrency(config: Pick<Env, "nodeEnv" | "databaseUrl">, setting: string | undefined, cores: number): number {
  const embedded = config.databaseUrl.startsWith("pglite:");
  if (setting === undefined || setting === "") return config.nodeEnv === "production" && !embedded ? cores : 1;
  const count = Number(setting);
  if (!Number.isInteger(count) || count < 1) throw new EnvError([`WEB_CONCURRENCY=${setting}: must be a whole number of processes, 1 or more`]);
  if (embedded && count > 1) throw new EnvError([`WEB_CONCURRENCY=${setting}: the embedded database (${config.databaseUrl}) can only be opened by one process`]);
  return count;
}
