import { defineConfig } from "prisma/config";
import type { SqlDriverAdapter, SqlMigrationAwareDriverAdapterFactory } from "@prisma/driver-adapter-utils";

// The Prisma CLI is used offline for `generate` and `migrate diff` only (see docs/decisions/0002-database.md); neither
// needs a real database. Its JavaScript engine still asks for a driver adapter, and the schema for a DATABASE_URL:
// an in-memory PGlite, closed as soon as the CLI lets go of it so the command exits at once, and a placeholder URL.
process.env.DATABASE_URL ??= "postgresql://prisma-cli.invalid/unused";

async function inMemoryPglite(): Promise<SqlDriverAdapter> {
  const { PGlite } = await import("@electric-sql/pglite");
  const { PrismaPGlite } = await import("pglite-prisma-adapter");
  const client = new PGlite();
  const adapter = await new PrismaPGlite(client).connect();
  const dispose = adapter.dispose.bind(adapter);
  adapter.dispose = async () => {
    await dispose();
    await client.close();
  };
  return adapter;
}

export default defineConfig({
  schema: "prisma/schema.prisma",
  engine: "js",
  experimental: { adapter: true },
  async adapter(): Promise<SqlMigrationAwareDriverAdapterFactory> {
    return { provider: "postgres", adapterName: "pglite", connect: inMemoryPglite, connectToShadowDb: inMemoryPglite };
  },
});
