import { mkdirSync } from "node:fs";
import { resolve } from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@prisma/client";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";

/** Raw SQL on one connection: what the migration runner and bulk loaders need beyond Prisma. */
export type SqlSession = {
  exec(sql: string): Promise<void>;
  query<Row>(sql: string, params?: unknown[]): Promise<Row[]>;
};

/** What a job queue needs to reach the same database: the embedded instance itself, or the server's URL. */
export type QueueConnection = { kind: "pglite"; pglite: PGlite } | { kind: "postgresql"; connectionString: string };

export type Database = {
  kind: "pglite" | "postgresql";
  queueConnection: QueueConnection;
  prisma: PrismaClient;
  /** Runs `work` on one dedicated connection (needed for session-level locks and explicit transactions). */
  withSession<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  close(): Promise<void>;
};

/**
 * Opens the database named by a DATABASE_URL: `postgresql://…` for a PostgreSQL server, or `pglite:<dir>` /
 * `pglite:memory` for the embedded WASM PostgreSQL that needs no server (see docs/decisions/0002-database.md).
 */
export function openDatabase(url: string): Database {
  if (url.startsWith("pglite:")) return openPglite(url.slice("pglite:".length));
  return openPostgres(url);
}

function openPglite(location: string): Database {
  let client: PGlite;
  if (location === "memory") {
    client = new PGlite();
  } else {
    const dataDir = resolve(location);
    mkdirSync(dataDir, { recursive: true });
    client = new PGlite(dataDir);
  }
  const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
  const session: SqlSession = {
    async exec(sql) {
      await client.exec(sql);
    },
    async query<Row>(sql: string, params: unknown[] = []) {
      const result = await client.query<Row>(sql, params);
      return result.rows;
    },
  };
  return {
    kind: "pglite",
    queueConnection: { kind: "pglite", pglite: client },
    prisma,
    // PGlite is a single in-process connection, so every caller already shares one session.
    withSession: (work) => work(session),
    async close() {
      await prisma.$disconnect();
      await client.close();
    },
  };
}

function openPostgres(url: string): Database {
  // Per process, and server.ts runs one process per core: batched webhook writes hold one or two connections at a
  // time, and WEB_CONCURRENCY x (this + pg-boss's 10) must stay under PostgreSQL's max_connections (100 by default).
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server closed (restart, failover) is dropped by the pool; it must not crash the process.
  pool.on("error", (error) => console.error("[database] idle connection closed:", error.message));
  const prisma = new PrismaClient({ adapter: new PrismaPg(pool) });
  return {
    kind: "postgresql",
    queueConnection: { kind: "postgresql", connectionString: url },
    prisma,
    async withSession(work) {
      const client = await pool.connect();
      try {
        return await work({
          async exec(sql) {
            await client.query(sql);
          },
          async query<Row>(sql: string, params: unknown[] = []) {
            const result = await client.query(sql, params);
            return result.rows as Row[];
          },
        });
      } finally {
        client.release();
      }
    },
    async close() {
      await prisma.$disconnect();
      await pool.end();
    },
  };
}
