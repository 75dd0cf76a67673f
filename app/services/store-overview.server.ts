import { prisma } from "../db.server";
import { getSettings } from "../models/settings.server";
import type { ShopDataPort } from "../shop-data/port";

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
