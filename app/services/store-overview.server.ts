import { prisma } from "../db.server";
import { getSettings } from "../models/settings.server";
import type { ShopDataPort } from "../shop-data/port";

const CATALOG_SAMPLE_SIZE = 8;

/** What the dashboard shows before any offer exists: the shop and a first look at its catalog. */
export async function loadStoreOverview(shopData: ShopDataPort) {
  const [shopInfo, products] = await Promise.all([
    shopData.getShopInfo(),
    shopData.listProducts({ first: CATALOG_SAMPLE_SIZE }),
  ]);
  return {
    shopInfo,
    catalogSample: products.items.map((product) => ({
      id: product.id,
      title: product.title,
      productType: product.productType,
      variantCount: product.variants.length,
      availableVariantCount: product.variants.filter((variant) => variant.availableForSale).length,
      lowestPrice: product.variants.reduce(
        (lowest, variant) => (lowest === null || variant.price.amountMinor < lowest.amountMinor ? variant.price : lowest),
        product.variants[0]?.price ?? null,
      ),
    })),
  };
}

const COMPLIANCE_LOG_SIZE = 20;

/** The settings page: the installation's scopes and the latest privacy requests Shopify sent for this shop. */
export async function loadInstallationSettings(shop: string, shopData: ShopDataPort) {
  const [shopInfo, settings, installation, complianceRequests] = await Promise.all([
    shopData.getShopInfo(),
    getSettings(shop),
    prisma.shop.findUnique({ where: { shop }, select: { scope: true, installedAt: true } }),
    prisma.complianceRequest.findMany({
      where: { shop },
      orderBy: { receivedAt: "desc" },
      take: COMPLIANCE_LOG_SIZE,
      select: { id: true, topic: true, customerId: true, receivedAt: true },
    }),
  ]);
  return {
    shopInfo,
    settings,
    scopes: installation?.scope?.split(",").filter(Boolean) ?? [],
    installedAt: installation?.installedAt ?? null,
    complianceRequests,
  };
}
