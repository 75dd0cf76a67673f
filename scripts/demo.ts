// `npm run demo`: the whole app offline. Builds it, migrates and seeds the embedded database, and serves the admin at
// http://localhost:3000/app signed in as the demo shop, and its storefront at /preview. Set PAIRWISE_SKIP_BUILD=1 to reuse
// an existing build.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { openDatabase } from "../app/db/database.server";
import { prepareDemoDatabase } from "../app/demo/prepare.server";
import { env } from "../app/env.server";
import { startServer } from "../server";
import { runScript } from "./run-script";

await runScript(async () => {
  process.env.PAIRWISE_DEMO = "true";
  process.env.NODE_ENV ??= "production";
  const config = env();

  if (!(process.env.PAIRWISE_SKIP_BUILD === "1" && existsSync("build/server/index.js"))) {
    console.log("Building the app…");
    execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"], { stdio: "inherit" });
  }

  // One process, one embedded database: the server's build picks this instance up (see app/db.server.ts).
  const database = openDatabase(config.databaseUrl);
  globalThis.pairwiseDatabase = database;
  console.log(await prepareDemoDatabase(database, new Date()));

  const server = await startServer();
  console.log(`The demo shop's storefront, with the theme blocks and a checkout: http://localhost:${config.port}/preview`);
  console.log(`Open http://localhost:${config.port}/app to use the demo shop's admin.`);
  const shutdown = () => server.close(() => void database.close().then(() => process.exit(0)));
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
});
