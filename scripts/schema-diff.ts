import { execFileSync } from "node:child_process";
import { readdirSync } from "node:fs";
import { join } from "node:path";

export const MIGRATIONS_DIR = "prisma/migrations";
export const SCHEMA_PATH = "prisma/schema.prisma";

/** Each migration folder keeps the schema it migrates to, so the next migration can be diffed offline from it. */
export function latestSchemaSnapshot(): string | null {
  const names = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  const latest = names.at(-1);
  return latest ? join(MIGRATIONS_DIR, latest, "schema.prisma") : null;
}

/** The SQL that takes a database from the `from` schema (or an empty one) to the `to` schema; no database needed. */
export function schemaDiffSql(from: string | null, to: string): string {
  const source = from ? ["--from-schema-datamodel", from] : ["--from-empty"];
  return execFileSync(
    process.execPath,
    ["node_modules/prisma/build/index.js", "migrate", "diff", ...source, "--to-schema-datamodel", to, "--script"],
    // Diffing never connects; the placeholder only satisfies the schema's postgresql URL (see prisma.config.ts).
    {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, DATABASE_URL: "postgresql://prisma-cli.invalid/unused" },
    },
  );
}

export function isEmptyMigration(sql: string): boolean {
  return sql.replace(/--.*$/gm, "").trim() === "";
}
