import { env } from "./env.server";
import { openDatabase, type Database } from "./db/database.server";

declare global {
  // Survives Vite's module reloads in development, so one process keeps one connection pool (or one PGlite).
  var pairwiseDatabase: Database | undefined;
}

/** The process-wide database named by DATABASE_URL. */
export function database(): Database {
  globalThis.pairwiseDatabase ??= openDatabase(env().databaseUrl);
  return globalThis.pairwiseDatabase;
}

export const prisma = database().prisma;
