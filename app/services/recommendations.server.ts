import { prisma } from "../db.server";
import { recommend, type Complement, type Override, type Recommendation } from "../domain/fbt/complements";
import { createOffer } from "../models/offer.server";
import type { CatalogProduct, ShopDataPort } from "../shop-data/port";
import type { Money } from "../domain/money";
import { getSettings } from "../models/settings.server";
import { getProductsById } from "./catalog.server";
import { newOffer } from "../domain/offer-form";

async function overridesOf(shop: string): Promise<Override[]> {
  const rows = await prisma.complementOverride.findMany({ where: { shop } });
  return rows.flatMap((row) => (row.kind === "pin" || row.kind === "exclude" ? [{ productId: row.productId, complementId: row.complementId, kind: row.kind }] : []));
}

/** A recommendation with what a storefront needs to show it. */
export type RecommendedProduct = Recommendation & { title: string; handle: string; price: Money; compareAtPrice: Money | null };

/**
 * Complements to suggest next to these products (a product page, or a cart's products), checked against live stock,
 * as many as the shop shows and with its substitute rule.
 */
export async function recommendFor(shop: string, shopData: ShopDataPort, productIds: string[]): Promise<RecommendedProduct[]> {
  const anchors = [...new Set(productIds)];
  const [complements, triples, overrides, settings] = await Promise.all([
    prisma.productComplement.findMany({ where: { shop, productId: { in: anchors } }, orderBy: { rank: "asc" } }),
    prisma.productTripleRule.findMany({ where: { shop, productA: { in: anchors }, productB: { in: anchors } } }),
    overridesOf(shop),
    getSettings(shop),
  ]);
  const candidateIds = [...new Set([...complements.map((c) => c.complementId), ...triples.map((t) => t.complementId), ...overrides.map((o) => o.complementId), ...anchors])];
  const catalog = await getProductsById(shopData, candidateIds);
  return recommend(anchors, complements, triples, overrides, catalog, { maxResults: settings.maxOffersShown, substitutePriceRatio: settings.substitutePricePercent / 100 }).flatMap((recommendation) => {
    const product = catalog.get(recommendation.productId);
    const variant = product?.variants.find((candidate) => candidate.id === recommendation.variantId);
    return product && variant ? [{ ...recommendation, title: product.title, handle: product.handle, price: variant.price, compareAtPrice: variant.compareAtPrice }] : [];
  });
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
  const titles = await getProductsById(shopData, ids);
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
