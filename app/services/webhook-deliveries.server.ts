import type { Prisma, PrismaClient } from "@prisma/client";

export type WebhookDeliveryOutcome = "processed" | "duplicate";

/**
 * Runs a webhook's effect at most once per webhook id: the delivery is recorded in the same transaction as the
 * effect, so a retry after a failure runs it again, and a replay after success (even a concurrent one, which waits
 * on the primary key) does nothing.
 */
export async function processWebhookOnce(
  prisma: PrismaClient,
  delivery: { webhookId: string; shop: string; topic: string },
  effect: (tx: Prisma.TransactionClient) => Promise<void>,
): Promise<WebhookDeliveryOutcome> {
  return prisma.$transaction(async (tx) => {
    const { webhookId, shop, topic } = delivery;
    const recorded = await tx.webhookDelivery.createMany({ data: [{ webhookId, shop, topic }], skipDuplicates: true });
    if (recorded.count === 0) return "duplicate";
    await effect(tx);
    return "processed";
  });
}
