import { prisma } from "../db.server";
import { recommend, topComplements, MIN_PAIR_COUNT, type Complement, type Override, type Recommendation, type RecommendOptions, DEFAULT_RECOMMEND_OPTIONS } from "../domain/fbt/complements";
import { mineRules, TransactionsBuilder } from "../domain/fbt/miner";
import { createOffer } from "../models/offer.server";
import type { CatalogProduct, ShopDataPort } from "../shop-data/port";
import { newOffer } from "../domain/offer-form";
import { MAX_PRODUCTS_PER_ORDER } from "./copurchase-stats.server";


const ORDERS_PAGE = 250;

/**
 * Rebuilds the shop's frequently-bought-together data from its whole order history (test and cancelled orders left
 * out), recording progress as it reads, then replaces the stored counts and complements in one transaction.
 */
export async function rebuildRecommendations(shop: string, shopData: ShopDataPort, now: Date): Promise<{ runId: string }> {
  const run = await prisma.recommendationRun.create({ data: { shop, status: "running", startedAt: now } });
  try {
    const builder = new TransactionsBuilder();
    let ordersRead = 0;
    let cappedOrders = 0;
    let after: string | null = null;
    do {
      const page = await shopData.listOrders({ first: ORDERS_PAGE, after });
      for (const order of page.items) {
        ordersRead += 1;
        if (order.test || order.cancelledAt) continue;
        const products = [...new Set(order.lines.flatMap((line) => (line.productId ? [line.productId] : [])))];
        if (products.length > MAX_PRODUCTS_PER_ORDER) cappedOrders += 1;
        builder.add(products.slice(0, MAX_PRODUCTS_PER_ORDER));
      }
      after = page.nextCursor;
      await prisma.recommendationRun.update({ where: { id: run.id }, data: { ordersRead, cappedOrders } });
    } while (after);

    const transactions = builder.build();
    // Every pair is kept (minimum count 1), so that incremental updates can later lift a pair over the threshold.
    const { rules, itemCounts } = mineRules(transactions, { minCount: 1, minConfidence: 0, maxLength: 2 });
    const complements = topComplements(rules.filter((rule) => rule.count >= MIN_PAIR_COUNT), transactions.itemNames);
    const names = transactions.itemNames;
    const pairs = rules.flatMap((rule) => {
      const [a, b] = [names[rule.lhs[0] ?? 0] ?? "", names[rule.rhs] ?? ""];
      return a < b ? [{ shop, productA: a, productB: b, pairCount: rule.count }] : [];
    });
    await prisma.$transaction(
      async (tx) => {
        await tx.productOrderStat.deleteMany({ where: { shop } });
        await tx.productComplement.deleteMany({ where: { shop } });
        await tx.productPairStat.deleteMany({ where: { shop } });
        for (let start = 0; start < pairs.length; start += 5000) await tx.productPairStat.createMany({ data: pairs.slice(start, start + 5000) });
        await tx.productStatTotal.upsert({ where: { shop }, create: { shop, orderCount: transactions.orderCount }, update: { orderCount: transactions.orderCount } });
        await tx.productOrderStat.createMany({
          data: transactions.itemNames.map((productId, item) => ({ shop, productId, orderCount: itemCounts[item] ?? 0 })),
        });
        await tx.productComplement.createMany({ data: complements.map((complement) => ({ shop, ...complement })) });
        await tx.recommendationRun.update({
          where: { id: run.id },
          data: { status: "finished", ordersTotal: ordersRead, finishedAt: new Date() },
        });
      },
      { timeout: 60_000 },
    );
  } catch (error) {
    await prisma.recommendationRun.update({ where: { id: run.id }, data: { status: "failed", error: String(error) } });
    throw error;
  }
  return { runId: run.id };
}

async function overridesOf(shop: string): Promise<Override[]> {
  const rows = await prisma.complementOverride.findMany({ where: { shop } });
  return rows.flatMap((row) => (row.kind === "pin" || row.kind === "exclude" ? [{ productId: row.productId, complementId: row.complementId, kind: row.kind }] : []));
}

/** Complements to suggest next to these products (a product page, or a cart's products), checked against live stock. */
export async function recommendFor(shop: string, shopData: ShopDataPort, productIds: string[], options: RecommendOptions = DEFAULT_RECOMMEND_OPTIONS): Promise<Recommendation[]> {
  const [complements, overrides] = await Promise.all([
    prisma.productComplement.findMany({ where: { shop, productId: { in: productIds } }, orderBy: { rank: "asc" } }),
    overridesOf(shop),
  ]);
  const candidateIds = [...new Set([...complements.map((c) => c.complementId), ...overrides.map((o) => o.complementId), ...productIds])];
  const catalog = new Map((await shopData.getProducts(candidateIds)).map((product) => [product.id, product]));
  return recommend(productIds, complements, overrides, catalog, options);
}

const PAGE_PRODUCTS = 40;

export type RecommendationsPage = {
  run: { status: string; ordersRead: number; ordersTotal: number | null; cappedOrders: number; startedAt: Date; finishedAt: Date | null; error: string | null } | null;
  products: {
    product: { id: string; title: string; productType: string };
    orderCount: number;
    complements: (Complement & { title: string; override: "pin" | "exclude" | null })[];
  }[];
};

/** The admin page: the best-selling products with their complements, the merchant's overrides, and the last run. */
export async function loadRecommendationsPage(shop: string, shopData: ShopDataPort): Promise<RecommendationsPage> {
  const [run, stats, overrides] = await Promise.all([
    prisma.recommendationRun.findFirst({ where: { shop }, orderBy: { startedAt: "desc" } }),
    prisma.productOrderStat.findMany({ where: { shop }, orderBy: [{ orderCount: "desc" }, { productId: "asc" }], take: PAGE_PRODUCTS }),
    overridesOf(shop),
  ]);
  const productIds = stats.map((stat) => stat.productId);
  const complements = await prisma.productComplement.findMany({ where: { shop, productId: { in: productIds } }, orderBy: { rank: "asc" } });
  const ids = [...new Set([...productIds, ...complements.map((c) => c.complementId)])];
  const titles = new Map<string, CatalogProduct>();
  for (let start = 0; start < ids.length; start += 250) {
    for (const product of await shopData.getProducts(ids.slice(start, start + 250))) titles.set(product.id, product);
  }
  const overrideOf = (productId: string, complementId: string) =>
    overrides.find((o) => o.productId === productId && o.complementId === complementId)?.kind ?? null;
  return {
    run: run && { status: run.status, ordersRead: run.ordersRead, ordersTotal: run.ordersTotal, cappedOrders: run.cappedOrders, startedAt: run.startedAt, finishedAt: run.finishedAt, error: run.error },
    products: stats.map((stat) => ({
      product: { id: stat.productId, title: titles.get(stat.productId)?.title ?? stat.productId, productType: titles.get(stat.productId)?.productType ?? "" },
      orderCount: stat.orderCount,
      complements: complements
        .filter((complement) => complement.productId === stat.productId)
        .map((complement) => ({ ...complement, title: titles.get(complement.complementId)?.title ?? complement.complementId, override: overrideOf(stat.productId, complement.complementId) })),
    })),
  };
}

export async function setComplementOverride(shop: string, productId: string, complementId: string, kind: "pin" | "exclude" | "none"): Promise<void> {
  if (kind === "none") {
    await prisma.complementOverride.deleteMany({ where: { shop, productId, complementId } });
    return;
  }
  await prisma.complementOverride.upsert({
    where: { shop_productId_complementId: { shop, productId, complementId } },
    create: { shop, productId, complementId, kind },
    update: { kind },
  });
}

/** Turns a pair into a draft fixed bundle (10 % off) for the merchant to review. */
export async function bundleFromPair(shop: string, shopData: ShopDataPort, productId: string, complementId: string): Promise<string> {
  const products = await shopData.getProducts([productId, complementId]);
  const title = products.map((product) => product.title).join(" + ") || "Bundle";
  const offer = {
    ...newOffer("fixed_bundle", undefined),
    title,
    items: [productId, complementId].map((id) => ({ selector: { productIds: [id] }, quantity: 1 })),
  };
  return (await createOffer(shop, { offer, texts: {} })).id;
}
