import { database } from "../db.server";
import { shopDataForShop } from "../services/shop-data-for.server";
import { appQueue } from "./app-queue.server";
import { startWorkers } from "./workers.server";

declare global {
  var pairwiseInProcessWorkers: Promise<void> | undefined;
}

/** Runs the background jobs inside the web process (once per process), for the embedded database's single owner. */
export function startInProcessWorkers(): Promise<void> {
  globalThis.pairwiseInProcessWorkers ??= appQueue().then((queue) => {
    const { prisma } = database();
    return startWorkers(prisma, queue, (shop) => shopDataForShop(shop, prisma));
  });
  return globalThis.pairwiseInProcessWorkers;
}
