import type { PrismaClient } from "@prisma/client";
import { complementsFromCounts, MIN_PAIR_COUNT, topTripleRules } from "../domain/fbt/complements";
import { countCopurchases, recencyWeight } from "../domain/fbt/copurchase-counts";
import { mineRules, TransactionsBuilder } from "../domain/fbt/miner";
import { MAX_PRODUCTS_PER_ORDER } from "./copurchase-stats.server";

// Takes the client as an argument (no web-app database import), so job workers can run it.

const FACTS_PAGE = 2000;
const INSERT_CHUNK = 5000;

/**
 * Recomputes the shop's frequently-bought-together data from its stored orders (test and cancelled orders left
 * out): item and pair counts, weighted by recency when the shop set a half-life, each product's complements, and
 * the triples. Progress is recorded as orders are read; the results replace the old ones in one transaction.
 */
/** Lists a rebuild as queued (once), so the admin shows it before a worker takes it up. */
export async function markRebuildQueued(prisma: PrismaClient, shop: string, now: Date): Promise<void> {
  const waiting = await prisma.recommendationRun.findFirst({ where: { shop, status: "queued" } });
  if (!waiting) await prisma.recommendationRun.create({ data: { shop, status: "queued", startedAt: now } });
}

export async function rebuildRecommendations(prisma: PrismaClient, shop: string, now: Date): Promise<{ runId: string }> {
  const settings = await prisma.shopSettings.findUnique({ where: { shop }, select: { recommendationHalfLifeDays: true } });
  const halfLifeDays = settings?.recommendationHalfLifeDays ?? null;
  const where = { shop, test: false, cancelledAt: null };
  const ordersTotal = await prisma.orderFact.count({ where });
  // A rebuild the merchant asked for is already listed as queued; take it over.
  const queued = await prisma.recommendationRun.findFirst({ where: { shop, status: "queued" }, orderBy: { startedAt: "desc" } });
  const running = { status: "running", startedAt: now, ordersTotal };
  const run = queued
    ? await prisma.recommendationRun.update({ where: { id: queued.id }, data: running })
    : await prisma.recommendationRun.create({ data: { shop, ...running } });
  try {
    const builder = new TransactionsBuilder();
    const ages: number[] = [];
    let cappedOrders = 0;
    let after: string | undefined;
    for (;;) {
      const page = await prisma.orderFact.findMany({
        where: { ...where, ...(after ? { orderId: { gt: after } } : {}) },
        select: { orderId: true, processedAt: true, lines: { select: { productId: true } } },
        orderBy: { orderId: "asc" },
        take: FACTS_PAGE,
      });
      for (const order of page) {
        const products = [...new Set(order.lines.flatMap((line) => (line.productId ? [line.productId] : [])))].sort();
        if (products.length > MAX_PRODUCTS_PER_ORDER) cappedOrders += 1;
        builder.add(products.slice(0, MAX_PRODUCTS_PER_ORDER));
        ages.push(now.getTime() - order.processedAt.getTime());
      }
      after = page.at(-1)?.orderId;
      await prisma.recommendationRun.update({ where: { id: run.id }, data: { ordersRead: ages.length, cappedOrders } });
      if (page.length < FACTS_PAGE) break;
    }

    const transactions = builder.build();
    const names = transactions.itemNames;
    const counts = countCopurchases(transactions, halfLifeDays === null ? undefined : Float64Array.from(ages, (age) => recencyWeight(age, halfLifeDays)));
    const complements = complementsFromCounts(counts, names);
    const triples = topTripleRules(mineRules(transactions, { minCount: MIN_PAIR_COUNT, minConfidence: 0, maxLength: 3 }).rules, names);
    // Every pair is kept (even those seen once), so that incremental updates can later lift a pair over the threshold.
    const pairs = counts.pairs.map((pair) => {
      const [productA, productB] = [names[pair.a] ?? "", names[pair.b] ?? ""].sort();
      return { shop, productA: productA ?? "", productB: productB ?? "", pairCount: pair.count, weightedCount: pair.weight };
    });
    const inChunks = async <Row>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>) => {
      for (let start = 0; start < rows.length; start += INSERT_CHUNK) await insert(rows.slice(start, start + INSERT_CHUNK));
    };
    await prisma.$transaction(
      async (tx) => {
        await tx.productOrderStat.deleteMany({ where: { shop } });
        await tx.productComplement.deleteMany({ where: { shop } });
        await tx.productPairStat.deleteMany({ where: { shop } });
        await tx.productTripleRule.deleteMany({ where: { shop } });
        await inChunks(pairs, (data) => tx.productPairStat.createMany({ data }));
        const total = { orderCount: transactions.orderCount, weightedCount: counts.totalWeight };
        await tx.productStatTotal.upsert({ where: { shop }, create: { shop, ...total }, update: total });
        await inChunks(
          names.map((productId, item) => ({ shop, productId, orderCount: counts.itemCounts[item] ?? 0, weightedCount: counts.itemWeights[item] ?? 0 })),
          (data) => tx.productOrderStat.createMany({ data }),
        );
        await inChunks(complements, (chunk) => tx.productComplement.createMany({ data: chunk.map((complement) => ({ shop, ...complement })) }));
        await inChunks(triples, (chunk) => tx.productTripleRule.createMany({ data: chunk.map((triple) => ({ shop, ...triple })) }));
        await tx.recommendationRun.update({ where: { id: run.id }, data: { status: "finished", finishedAt: new Date() } });
      },
      { timeout: 120_000 },
    );
  } catch (error) {
    await prisma.recommendationRun.update({ where: { id: run.id }, data: { status: "failed", error: String(error) } });
    throw error;
  }
  return { runId: run.id };
}
