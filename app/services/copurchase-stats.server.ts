import type { Prisma } from "@prisma/client";
import { complementsOf, MIN_PAIR_COUNT } from "../domain/fbt/complements";

// Works inside the caller's transaction only (no database import), so the order worker can use it without the web
// app's configuration.

/** Orders with more distinct products are cut to their first ones: pair counting is quadratic in an order's size. */
export const MAX_PRODUCTS_PER_ORDER = 50;

/**
 * Counts a newly arrived order into the statistics and refreshes the complements of its products, so
 * recommendations follow new orders between rebuilds. A new order weighs 1 (it is the most recent one); older
 * orders' weights decay at the next rebuild. Cancellations and edits are corrected by the next rebuild too.
 */
export async function countNewOrder(tx: Prisma.TransactionClient, shop: string, productIds: string[]): Promise<void> {
  const products = [...new Set(productIds)].sort().slice(0, MAX_PRODUCTS_PER_ORDER);
  if (products.length === 0) return;
  const increment = { increment: 1 };
  const totals = await tx.productStatTotal.upsert({
    where: { shop },
    create: { shop, orderCount: 1, weightedCount: 1 },
    update: { orderCount: increment, weightedCount: increment },
  });
  for (const productId of products) {
    await tx.productOrderStat.upsert({
      where: { shop_productId: { shop, productId } },
      create: { shop, productId, orderCount: 1, weightedCount: 1 },
      update: { orderCount: increment, weightedCount: increment },
    });
  }
  for (let a = 0; a < products.length; a += 1) {
    for (let b = a + 1; b < products.length; b += 1) {
      const productA = products[a] ?? "";
      const productB = products[b] ?? "";
      await tx.productPairStat.upsert({
        where: { shop_productA_productB: { shop, productA, productB } },
        create: { shop, productA, productB, pairCount: 1, weightedCount: 1 },
        update: { pairCount: increment, weightedCount: increment },
      });
    }
  }
  for (const productId of products) {
    const pairs = await tx.productPairStat.findMany({ where: { shop, OR: [{ productA: productId }, { productB: productId }], pairCount: { gte: MIN_PAIR_COUNT } } });
    const partnerIds = pairs.map((pair) => (pair.productA === productId ? pair.productB : pair.productA));
    const stats = await tx.productOrderStat.findMany({ where: { shop, productId: { in: [productId, ...partnerIds] } } });
    const weightOf = new Map(stats.map((stat) => [stat.productId, stat.weightedCount]));
    const complements = complementsOf(
      productId,
      weightOf.get(productId) ?? 0,
      pairs.map((pair, index) => ({
        complementId: partnerIds[index] ?? "",
        pairCount: pair.pairCount,
        pairWeight: pair.weightedCount,
        complementWeight: weightOf.get(partnerIds[index] ?? "") ?? 0,
      })),
      totals.weightedCount,
    );
    await tx.productComplement.deleteMany({ where: { shop, productId } });
    await tx.productComplement.createMany({ data: complements.map((complement) => ({ shop, ...complement })) });
  }
}
