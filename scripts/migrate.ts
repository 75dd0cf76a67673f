// Applies pending migrations to the database named by DATABASE_URL (embedded PGlite by default).
import { openDatabase } from "../app/db/database.server";
import { migrate, readMigrations } from "../app/db/migrate.server";
import { parseDatabaseUrl } from "../app/env.server";
import { runScript } from "./run-script";

await runScript(async () => {
  const database = openDatabase(parseDatabaseUrl(process.env));
  try {
    const report = await migrate(database, await readMigrations("prisma/migrations"));
    console.log(
      report.applied.length === 0
        ? `Database is up to date (${report.alreadyApplied.length} migrations).`
        : `Applied ${report.applied.length} migration(s): ${report.applied.join(", ")}`,
    );
  } finally {
    await database.close();
  }
});
