import { prisma } from "../db.server";
import { DEMO_SHOP, env, isLoopbackHost } from "../env.server";
import { authenticate } from "../shopify.server";
import { createDemoShopData } from "../shop-data/demo-adapter.server";
import type { ShopDataPort } from "../shop-data/port";
import { createShopifyShopData } from "../shop-data/shopify-adapter.server";

export type AdminContext = {
  shop: string;
  shopData: ShopDataPort;
  /** False in demo mode, where the admin runs outside Shopify without App Bridge. */
  embedded: boolean;
};

/**
 * Authenticates an admin request. In demo mode, and only when the request reached a loopback address, the merchant
 * is signed in as the demo shop without OAuth; otherwise Shopify's embedded auth (session token exchange) applies.
 */
export async function requireAdmin(request: Request): Promise<AdminContext> {
  const config = env();
  if (config.demoMode) {
    if (!isLoopbackHost(config.host) || !isLoopbackHost(new URL(request.url).hostname)) {
      throw new Response("Demo sign-in is only available on a loopback address", { status: 403 });
    }
    return { shop: DEMO_SHOP, shopData: createDemoShopData(DEMO_SHOP, prisma), embedded: false };
  }
  const { session, admin } = await authenticate.admin(request);
  return { shop: session.shop, shopData: createShopifyShopData(session.shop, admin.graphql), embedded: true };
}
