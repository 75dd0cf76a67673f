// Seeds the offline demo shop into the database named by DATABASE_URL (migrating it first).
import { openDatabase } from "../app/db/database.server";
import { prepareDemoDatabase } from "../app/demo/prepare.server";
import { parseDatabaseUrl } from "../app/env.server";
import { runScript } from "./run-script";

await runScript(async () => {
  process.env.PAIRWISE_DEMO ??= "true";
  const database = openDatabase(parseDatabaseUrl(process.env));
  try {
    console.log(await prepareDemoDatabase(database, new Date()));
  } finally {
    await database.close();
  }
});
