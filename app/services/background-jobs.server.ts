import { prisma } from "../db.server";
import { appQueue } from "../jobs/app-queue.server";
import { enqueueBackfill, enqueueRebuild } from "../jobs/workers.server";
import { markRebuildQueued } from "./recommendation-rebuild.server";
import { backfillProgress, requestBackfill, type BackfillProgress } from "./order-backfill.server";

/** Starts importing the shop's order history (or lets the one under way go on). */
export async function startOrderBackfill(shop: string, now: Date): Promise<void> {
  await requestBackfill(prisma, shop, now);
  await enqueueBackfill(await appQueue(), shop);
}

export async function startRecommendationsRebuild(shop: string, now: Date): Promise<void> {
  await markRebuildQueued(prisma, shop, now);
  await enqueueRebuild(await appQueue(), shop);
}

export function orderBackfillProgress(shop: string): Promise<BackfillProgress | null> {
  return backfillProgress(prisma, shop);
}
