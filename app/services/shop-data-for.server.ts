import type { PrismaClient } from "@prisma/client";
import { env } from "../env.server";
import { createDemoShopData } from "../shop-data/demo-adapter.server";
import type { ShopDataPort } from "../shop-data/port";
import { createShopifyShopData } from "../shop-data/shopify-adapter.server";
import { unauthenticated } from "../shopify.server";

/** The shop-data port for a background job, which has no request: the shop's offline session, or the demo store. */
export async function shopDataForShop(shop: string, prisma: PrismaClient): Promise<ShopDataPort> {
  if (env().demoMode) return createDemoShopData(shop, prisma);
  const { admin } = await unauthenticated.admin(shop);
  return createShopifyShopData(shop, admin.graphql);
}
