import { createHash, randomUUID } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { Database, SqlSession } from "./database.server";

export type MigrationFile = { name: string; sql: string; checksum: string };

export type MigrationReport = { applied: string[]; alreadyApplied: string[] };

export class MigrationError extends Error {
  override name = "MigrationError";
}

/** Prisma's own lock key, so our runner and `prisma migrate deploy` never run at the same time on one database. */
const PRISMA_ADVISORY_LOCK_KEY = 72707369;

// The exact table `prisma migrate deploy` creates, so `prisma migrate status` reads our history as its own.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

const appliedRowSchema = z.object({
  migration_name: z.string(),
  checksum: z.string(),
  finished_at: z.union([z.date(), z.string()]).nullable(),
  rolled_back_at: z.union([z.date(), z.string()]).nullable(),
});

/** Reads prisma/migrations/<name>/migration.sql in name order (Prisma's timestamp prefixes sort chronologically). */
export async function readMigrations(migrationsDir: string): Promise<MigrationFile[]> {
  const entries = await readdir(migrationsDir, { withFileTypes: true });
  const names = entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name).sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(join(migrationsDir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/**
 * Applies pending migrations, each in its own transaction together with its `_prisma_migrations` row, so a failure
 * leaves the database at the last complete migration. Refuses to run over a migration whose file changed after it
 * was applied, or over one that Prisma recorded as failed.
 */
export async function migrate(database: Database, migrations: MigrationFile[]): Promise<MigrationReport> {
  return database.withSession(async (session) => {
    await session.query("SELECT pg_advisory_lock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    try {
      return await applyPending(session, migrations);
    } finally {
      await session.query("SELECT pg_advisory_unlock($1)", [PRISMA_ADVISORY_LOCK_KEY]);
    }
  });
}

async function applyPending(session: SqlSession, migrations: MigrationFile[]): Promise<MigrationReport> {
  await session.exec(CREATE_MIGRATIONS_TABLE);
  const rows = z
    .array(appliedRowSchema)
    .parse(
      await session.query(
        `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
      ),
    )
    .filter((row) => row.rolled_back_at === null);
  const applied = new Map(rows.map((row) => [row.migration_name, row]));

  const failed = rows.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database, then mark it rolled back.`,
    );
  }
  const known = new Set(migrations.map((migration) => migration.name));
  const unknown = rows.find((row) => !known.has(row.migration_name));
  if (unknown) {
    throw new MigrationError(`The database has migration ${unknown.migration_name}, which this code does not know.`);
  }

  const report: MigrationReport = { applied: [], alreadyApplied: [] };
  for (const migration of migrations) {
    const existing = applied.get(migration.name);
    if (existing) {
      if (existing.checksum !== migration.checksum) {
        throw new MigrationError(
          `Migration ${migration.name} was changed after it was applied; add a new migration instead of editing it.`,
        );
      }
      report.alreadyApplied.push(migration.name);
      continue;
    }
    await session.exec("BEGIN");
    try {
      await session.exec(migration.sql);
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
      await session.exec("COMMIT");
    } catch (error) {
      await session.exec("ROLLBACK");
      throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${String(error)}`);
    }
    report.applied.push(migration.name);
  }
  return report;
}
