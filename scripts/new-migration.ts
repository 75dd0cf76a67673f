// `npm run db:new-migration -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL from
// the previous migration's schema to prisma/schema.prisma (the Prisma CLI cannot run `migrate dev` offline here).
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runScript } from "./run-script";
import { isEmptyMigration, latestSchemaSnapshot, MIGRATIONS_DIR, SCHEMA_PATH, schemaDiffSql } from "./schema-diff";

await runScript(async () => {
  const name = process.argv[2];
  if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("Usage: npm run db:new-migration -- <snake_case_name>");
  const sql = schemaDiffSql(latestSchemaSnapshot(), SCHEMA_PATH);
  if (isEmptyMigration(sql)) {
    console.log("prisma/schema.prisma has no changes since the last migration.");
    return;
  }
  const timestamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
  const dir = join(MIGRATIONS_DIR, `${timestamp}_${name}`);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "migration.sql"), sql);
  copyFileSync(SCHEMA_PATH, join(dir, "schema.prisma"));
  console.log(`Wrote ${dir}/migration.sql; apply it with npm run db:migrate.`);
});
