// `npm run bench:webhooks`: sends a bounded burst of correctly signed orders/create webhooks (5 % of them replays of
// the same webhook id) to the app's server on 127.0.0.1 backed by PostgreSQL, and prints the accepted rate, the p99
// acknowledgement latency, and whether every order was stored exactly once.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { getHmac } from "@shopify/shopify-api/test-helpers";
import { openDatabase } from "../app/db/database.server";
import { migrate, readMigrations } from "../app/db/migrate.server";
import { createScratchDatabase, isPostgresReachable } from "../tests/support/postgres";
import { shopifyOrderPayload } from "../tests/support/orders";

const ORDERS = 3000;
const REPLAYS = Math.round(ORDERS * 0.05);
const CONCURRENCY = 32;
const SECRET = "bench-webhook-secret";
const SHOP = "bench.myshopify.com";
const PORT = 3900 + Math.floor(Math.random() * 50);

if (!(await isPostgresReachable())) throw new Error("bench:webhooks needs PostgreSQL at 127.0.0.1:5432 (or TEST_POSTGRES_URL)");
if (!existsSync("build/server/index.js")) execFileSync(process.execPath, ["node_modules/@remix-run/dev/dist/cli.js", "vite:build"], { stdio: "inherit" });

const scratch = await createScratchDatabase();
const setup = openDatabase(scratch.url);
await migrate(setup, await readMigrations("prisma/migrations"));

// The server runs in its own process, as in production, so the load generator does not take its CPU.
const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "server.ts"], {
  env: {
    ...process.env,
    NODE_ENV: "production",
    DATABASE_URL: scratch.url,
    SHOPIFY_API_KEY: "bench",
    SHOPIFY_API_SECRET: SECRET,
    SHOPIFY_APP_URL: "https://pairwise.example.com",
    SCOPES: "read_orders",
    HOST: "127.0.0.1",
    PORT: String(PORT),
  },
  stdio: ["ignore", "pipe", "inherit"],
});
await new Promise<void>((resolve, reject) => {
  server.stdout?.on("data", (chunk: Buffer) => chunk.toString().includes("listening") && resolve());
  server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
});

const deliveries = Array.from({ length: ORDERS }, (_, index) => ({ id: `bench-${index}`, body: JSON.stringify(shopifyOrderPayload(index + 1)) }));
const replays = deliveries.slice(0, REPLAYS);

async function deliver(delivery: { id: string; body: string }): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  const response = await fetch(`http://127.0.0.1:${PORT}/webhooks/orders/create`, {
    method: "POST",
    body: delivery.body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": "orders/create",
      "X-Shopify-Shop-Domain": SHOP,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": delivery.id,
      "X-Shopify-Hmac-Sha256": getHmac(delivery.body, SECRET),
    },
  });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

// Warm-up: the first webhook starts the queue in this process.
await deliver({ id: "warm-up", body: JSON.stringify(shopifyOrderPayload(999_999)) });

const queue = [...deliveries, ...replays];
const results: { status: number; ms: number }[] = [];
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < queue.length) {
      const delivery = queue[next];
      next += 1;
      if (delivery) results.push(await deliver(delivery));
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
const p = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] ?? NaN;

const stored = await setup.prisma.orderEvent.count({ where: { shop: SHOP, webhookId: { startsWith: "bench-" } } });
const jobs = await setup.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'order-events' AND data->>'webhookId' LIKE 'bench-%'`);
const accepted = results.filter((result) => result.status === 200).length;

console.log(`Sent ${queue.length} signed orders/create webhooks (${ORDERS} orders + ${REPLAYS} replays), ${CONCURRENCY} at a time, to PostgreSQL`);
console.log(`Accepted: ${accepted} (${(accepted / seconds).toFixed(0)} per second over ${seconds.toFixed(2)} s)`);
console.log(`Acknowledgement latency: median ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms`);
console.log(`Stored events: ${stored} of ${ORDERS}; queued jobs: ${Number(jobs[0]?.n ?? 0)}; ${stored === ORDERS && Number(jobs[0]?.n ?? 0) === ORDERS ? "every order stored exactly once" : "MISMATCH"}`);

server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
await setup.close();
await scratch.drop();
process.exit(0);
