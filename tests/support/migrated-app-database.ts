import { database } from "../../app/db.server";
import { migrate, readMigrations } from "../../app/db/migrate.server";

await migrate(database(), await readMigrations("prisma/migrations"));
