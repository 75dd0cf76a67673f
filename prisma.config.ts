import { defineConfig } from "prisma/config";

// The Prisma CLI is used offline for `generate` and `migrate diff` only; neither connects to a database, but the
// schema reads DATABASE_URL, so a placeholder lets them parse it. Migrations are applied by scripts/migrate.ts
// (see docs/decisions/0002-database.md).
process.env.DATABASE_URL ??= "postgresql://prisma-cli.invalid/unused";

export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  async adapter() {
    const { PGlite } = await import("@electric-sql/pglite");
    const { PrismaPGlite } = await import("pglite-prisma-adapter");
    return new PrismaPGlite(new PGlite());
  },
});
