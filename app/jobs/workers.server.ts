import type { PrismaClient } from "@prisma/client";
import type { PgBoss } from "pg-boss";
import { z } from "zod";
import { runBackfill } from "../services/order-backfill.server";
import { workOrderEvents } from "../services/order-pipeline.server";
import { rebuildRecommendations } from "../services/recommendation-rebuild.server";
import type { ShopDataPort } from "../shop-data/port";
import { ORDER_BACKFILL_QUEUE, RECOMMENDATIONS_REBUILD_QUEUE } from "./queue.server";

const shopJobSchema = z.object({ shop: z.string().min(1) });

/** Queues a shop's order-history import (at most one per shop; a retried job resumes from its checkpoint). */
export async function enqueueBackfill(queue: PgBoss, shop: string): Promise<void> {
  await queue.send(ORDER_BACKFILL_QUEUE, { shop }, { singletonKey: shop });
}

/** Queues a recommendations rebuild; while one is already waiting, asking again adds nothing. */
export async function enqueueRebuild(queue: PgBoss, shop: string): Promise<void> {
  await queue.send(RECOMMENDATIONS_REBUILD_QUEUE, { shop }, { singletonKey: shop });
}

export type ShopDataFor = (shop: string) => Promise<ShopDataPort>;

/**
 * Runs every background job on this process: order events, backfills (a finished one queues a rebuild), and
 * rebuilds. Backfills left unfinished by a stopped process are queued again at start.
 */
export async function startWorkers(prisma: PrismaClient, queue: PgBoss, shopDataFor: ShopDataFor): Promise<void> {
  await workOrderEvents(prisma, queue);
  await queue.work(ORDER_BACKFILL_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) {
      const { shop } = shopJobSchema.parse(job.data);
      const backfill = await runBackfill(prisma, await shopDataFor(shop));
      if (backfill?.status === "finished") await enqueueRebuild(queue, shop);
    }
  });
  await queue.work(RECOMMENDATIONS_REBUILD_QUEUE, { pollingIntervalSeconds: 1 }, async (jobs) => {
    for (const job of jobs) await rebuildRecommendations(prisma, shopJobSchema.parse(job.data).shop, new Date());
  });
  const unfinished = await prisma.orderBackfill.findMany({ where: { status: { in: ["exporting", "importing"] } }, select: { shop: true } });
  for (const { shop } of unfinished) await enqueueBackfill(queue, shop);
}
