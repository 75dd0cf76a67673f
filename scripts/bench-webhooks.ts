// `npm run bench:webhooks`: sends a bounded burst of correctly signed orders/create webhooks (5 % of them replays of
// the same webhook id) to the app's server on 127.0.0.1 backed by PostgreSQL, and prints the accepted rate, the p99
// acknowledgement latency, and whether every order was stored exactly once.
import { execFileSync, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { Agent, request } from "node:http";
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

// The server runs in its own processes, as in production (one per core, or WEB_CONCURRENCY), so the load generator
// does not take their CPU; it shares the machine's cores with them and PostgreSQL all the same.
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
const serverProcesses = await new Promise<number>((resolve, reject) => {
  // A cluster says so once every worker listens: "(N processes)".
  server.stdout?.on("data", (chunk: Buffer) => {
    const line = chunk.toString();
    if (line.includes("listening")) resolve(Number(/\((\d+) processes\)/.exec(line)?.[1] ?? 1));
  });
  server.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
});

// Bodies and signatures are made before the clock starts: Shopify signs, the app only verifies.
type Delivery = { id: string; body: string; headers: Record<string, string> };
const delivery = (id: string, body: string): Delivery => ({
  id,
  body,
  headers: {
    "Content-Type": "application/json",
    "Content-Length": String(Buffer.byteLength(body)),
    "X-Shopify-Topic": "orders/create",
    "X-Shopify-Shop-Domain": SHOP,
    "X-Shopify-API-Version": "2026-10",
    "X-Shopify-Webhook-Id": id,
    "X-Shopify-Hmac-Sha256": getHmac(body, SECRET),
  },
});
const deliveries = Array.from({ length: ORDERS }, (_, index) => delivery(`bench-${index}`, JSON.stringify(shopifyOrderPayload(index + 1))));
const replays = deliveries.slice(0, REPLAYS);

// node:http on keep-alive sockets, leaner than fetch: the load generator shares the cores with the server.
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });
function deliver(item: Delivery): Promise<{ status: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const outgoing = request({ agent, host: "127.0.0.1", port: PORT, method: "POST", path: "/webhooks/orders/create", headers: item.headers }, (response) => {
      response.resume();
      response.once("end", () => resolve({ status: response.statusCode ?? 0, ms: performance.now() - started }));
      response.once("error", reject);
    });
    outgoing.once("error", reject);
    outgoing.end(item.body);
  });
}

// Warm-up, not counted: opens the keep-alive connections (spread over the server's processes) and starts the queue
// in each process.
await Promise.all(Array.from({ length: CONCURRENCY }, (_, index) => deliver(delivery(`warm-up-${index}`, JSON.stringify(shopifyOrderPayload(900_000 + index))))));

const queue = [...deliveries, ...replays];
const results: { status: number; ms: number }[] = [];
const started = performance.now();
let next = 0;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (next < queue.length) {
      const item = queue[next];
      next += 1;
      if (item) results.push(await deliver(item));
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
const latencies = results.map((result) => result.ms).sort((a, b) => a - b);
const p = (fraction: number) => latencies[Math.min(latencies.length - 1, Math.floor(fraction * latencies.length))] ?? NaN;

const stored = await setup.prisma.orderEvent.count({ where: { shop: SHOP, webhookId: { startsWith: "bench-" } } });
const jobs = await setup.prisma.$queryRawUnsafe<{ n: bigint }[]>(`SELECT count(*) AS n FROM pgboss.job WHERE name = 'order-events' AND data->>'webhookId' LIKE 'bench-%'`);
const accepted = results.filter((result) => result.status === 200).length;

console.log(`Sent ${queue.length} signed orders/create webhooks (${ORDERS} orders + ${REPLAYS} replays), ${CONCURRENCY} at a time, to ${serverProcesses} server process(es) on PostgreSQL`);
console.log(`Accepted: ${accepted} (${(accepted / seconds).toFixed(0)} per second over ${seconds.toFixed(2)} s)`);
console.log(`Acknowledgement latency: median ${p(0.5).toFixed(1)} ms, p99 ${p(0.99).toFixed(1)} ms`);
console.log(`Stored events: ${stored} of ${ORDERS}; queued jobs: ${Number(jobs[0]?.n ?? 0)}; ${stored === ORDERS && Number(jobs[0]?.n ?? 0) === ORDERS ? "every order stored exactly once" : "MISMATCH"}`);

agent.destroy();
server.kill("SIGTERM");
await new Promise((resolve) => server.once("exit", resolve));
await setup.close();
await scratch.drop();
process.exit(0);
