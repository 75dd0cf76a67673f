import { prisma } from "../db.server";
import { DEMO_SHOP, env } from "../env.server";
import { createDemoShopData } from "../shop-data/demo-adapter.server";
import type { ShopDataPort } from "../shop-data/port";
import { withCachedReads } from "../shop-data/cached-reads.server";
import { createShopifyShopData } from "../shop-data/shopify-adapter.server";
import { authenticate } from "../shopify.server";

/** `loggedIn`: Shopify names the signed-in customer in the signed query; nothing else about them is used. */
export type StorefrontContext = { shop: string; shopData: ShopDataPort; loggedIn: boolean };

/**
 * Authenticates a storefront request that Shopify forwarded through the app proxy: a bad or missing signature is
 * refused (400, by Shopify's library). The shop must have the app installed; the demo store answers for the demo
 * shop in demo mode, where the demo storefront signs its requests with the demo secret. A shop's product and shop reads
 * are answered from memory for a minute (withCachedReads): page views must not spend its Admin API budget.
 */
export async function requireAppProxy(request: Request): Promise<StorefrontContext> {
  const { session, admin } = await authenticate.public.appProxy(request);
  const query = new URL(request.url).searchParams;
  const shop = query.get("shop") ?? "";
  const loggedIn = Boolean(query.get("logged_in_customer_id"));
  if (env().demoMode && shop === DEMO_SHOP) return { shop, shopData: createDemoShopData(shop, prisma), loggedIn };
  if (!session || !admin) throw new Response("Pairwise is not installed on this shop", { status: 404 });
  return { shop: session.shop, shopData: withCachedReads(createShopifyShopData(session.shop, admin.graphql)), loggedIn };
}
