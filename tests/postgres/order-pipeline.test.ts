// The order pipeline against the real PostgreSQL: several workers never apply an event twice, and killing a worker
// mid-way loses nothing.
import { spawn } from "node:child_process";
import type { PgBoss } from "pg-boss";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/db/database.server";
import { createQueue, ORDER_EVENTS_QUEUE, startQueue } from "../../app/jobs/queue.server";
import { enqueueOrderEvent, orderEventJobSchema, processOrderEvent, type ProcessOutcome } from "../../app/services/order-pipeline.server";
import { openMigratedDatabase } from "../support/database";
import { shopifyOrderPayload } from "../support/orders";

const url = () => process.env.DATABASE_URL ?? "";

async function storeEvents(database: Database, shop: string, count: number, firstId: number) {
  await database.prisma.orderEvent.createMany({
    data: Array.from({ length: count }, (_, index) => ({
      shop,
      webhookId: `${shop}-${firstId + index}`,
      topic: "ORDERS_CREATE",
      payload: shopifyOrderPayload(firstId + index),
    })),
  });
}

async function waitFor(check: () => Promise<boolean>, seconds: number) {
  const deadline = Date.now() + seconds * 1000;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`not done within ${seconds} s`);
}

let database: Database;
beforeAll(async () => {
  database = await openMigratedDatabase(url());
});
afterAll(async () => {
  await database.close();
});

describe("order pipeline on PostgreSQL", () => {
  it("two workers with their own connections apply every event exactly once, even when jobs are duplicated", async () => {
    const shop = "two-workers.myshopify.com";
    const EVENTS = 300;
    await storeEvents(database, shop, EVENTS, 1);
    const workers: { database: Database; queue: PgBoss }[] = [];
    for (let index = 0; index < 2; index += 1) {
      const own = await openMigratedDatabase(url());
      workers.push({ database: own, queue: await startQueue(createQueue(own.queueConnection)) });
    }
    const outcomes: ProcessOutcome[] = [];
    for (const { database: own, queue } of workers) {
      await queue.work(ORDER_EVENTS_QUEUE, { batchSize: 5, pollingIntervalSeconds: 0.5 }, async (jobs) => {
        for (const job of jobs) outcomes.push(await processOrderEvent(own.prisma, orderEventJobSchema.parse(job.data).webhookId));
      });
    }
    // Every event queued twice, as a retried webhook or a sweep racing the original might.
    const [first] = workers;
    for (let index = 1; index <= EVENTS; index += 1) {
      await first?.queue.send(ORDER_EVENTS_QUEUE, { webhookId: `${shop}-${index}` });
      await first?.queue.send(ORDER_EVENTS_QUEUE, { webhookId: `${shop}-${index}` });
    }
    await waitFor(async () => outcomes.length === 2 * EVENTS, 60);
    for (const { database: own, queue } of workers) {
      await queue.stop({ graceful: true, timeout: 5000 });
      await own.close();
    }
    expect(outcomes.filter((outcome) => outcome === "processed")).toHaveLength(EVENTS);
    expect(outcomes.filter((outcome) => outcome === "already-processed")).toHaveLength(EVENTS);
    expect(await database.prisma.orderFact.count({ where: { shop } })).toBe(EVENTS);
    expect(await database.prisma.orderLineFact.count({ where: { shop } })).toBe(2 * EVENTS);
  }, 90_000);

  it("killing a worker mid-way loses nothing: another worker finishes every event, once", async () => {
    const shop = "kill.myshopify.com";
    const EVENTS = 1500;
    await storeEvents(database, shop, EVENTS, 10_000);
    const queue = await startQueue(createQueue(database.queueConnection));
    for (let index = 0; index < EVENTS; index += 1) await enqueueOrderEvent(queue, `${shop}-${10_000 + index}`);
    const processed = () => database.prisma.orderEvent.count({ where: { shop, processedAt: { not: null } } });

    const startWorker = () =>
      spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/worker.ts"], { env: { ...process.env, DATABASE_URL: url() }, stdio: "ignore" });
    const doomed = startWorker();
    await waitFor(async () => (await processed()) >= 100, 60);
    doomed.kill("SIGKILL");
    await new Promise((resolve) => doomed.once("exit", resolve));
    const before = await processed();
    expect(before).toBeLessThan(EVENTS);

    const survivor = startWorker();
    try {
      await waitFor(async () => (await processed()) === EVENTS, 120);
    } finally {
      survivor.kill("SIGTERM");
      await new Promise((resolve) => survivor.once("exit", resolve));
      await queue.stop({ graceful: false, timeout: 1000 });
    }
    expect(await database.prisma.orderFact.count({ where: { shop } })).toBe(EVENTS);
    expect(await database.prisma.orderLineFact.count({ where: { shop } })).toBe(2 * EVENTS);
    expect(await database.prisma.orderEvent.count({ where: { shop, lastError: { not: null } } })).toBe(0);
  }, 200_000);
});
