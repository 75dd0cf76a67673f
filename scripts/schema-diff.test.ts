import { describe, expect, it } from "vitest";
import { isEmptyMigration, latestSchemaSnapshot, SCHEMA_PATH, schemaDiffSql } from "./schema-diff";

describe("migration history", () => {
  it("covers every change in prisma/schema.prisma (a schema edit without a migration fails here)", () => {
    const sql = schemaDiffSql(latestSchemaSnapshot(), SCHEMA_PATH);
    expect(isEmptyMigration(sql), `Unmigrated schema changes; run npm run db:new-migration -- <name>:\n${sql}`).toBe(true);
  });

  it("tells Prisma's empty diff from one with statements", () => {
    expect(isEmptyMigration("-- This is an empty migration.\n")).toBe(true);
    expect(isEmptyMigration('-- AlterTable\nALTER TABLE "Shop" ADD COLUMN "plan" TEXT;\n')).toBe(false);
  });
});
