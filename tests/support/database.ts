import { openDatabase, type Database } from "../../app/db/database.server";
import { migrate, readMigrations } from "../../app/db/migrate.server";

/** Opens the database at `url` and applies the project's migrations to it. */
export async function openMigratedDatabase(url: string): Promise<Database> {
  const database = openDatabase(url);
  await migrate(database, await readMigrations("prisma/migrations"));
  return database;
}
