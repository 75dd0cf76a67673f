import { SessionNotFoundError } from "@shopify/shopify-app-remix/server";
import { prisma } from "../db.server";
import { DEMO_SHOP, env } from "../env.server";
import { createDemoShopData } from "../shop-data/demo-adapter.server";
import type { ShopDataPort } from "../shop-data/port";
import { withCachedReads } from "../shop-data/cached-reads.server";
import { createShopifyShopData } from "../shop-data/shopify-adapter.server";
import { authenticate, unauthenticated } from "../shopify.server";

/**
 * `cors` adds the CORS headers Shopify's checkout needs to a response; `corsHeaders` are the same headers, for
 * refusals thrown while reading the body. `loggedIn`: the token names the buyer (`sub`) only when they signed in.
 */
export type CheckoutContext = {
  shop: string;
  shopData: ShopDataPort;
  loggedIn: boolean;
  cors: (response: Response) => Response;
  corsHeaders: Headers;
};

/**
 * The library refuses a bad token before it hands out its CORS helper; without these headers the extension (on
 * Shopify's origin) could not even read that it was refused.
 */
function withCors(request: Request, response: Response): Response {
  if (request.headers.get("Origin")) response.headers.set("Access-Control-Allow-Origin", "*");
  return response;
}

/** Checkout tokens name the shop bare ("shop.myshopify.com"); admin tokens as a URL. Either is accepted. */
function shopOfDestination(dest: string | undefined): string | null {
  const host = (dest ?? "").replace(/^https:\/\//, "").split("/")[0] ?? "";
  return /^[a-z0-9][a-z0-9.-]*[a-z0-9]$/i.test(host) ? host.toLowerCase() : null;
}

/**
 * Authenticates a request from the checkout extension by its session token (signed with the app's secret; expired,
 * forged or missing tokens get 401, preflights their CORS answer, all thrown by Shopify's library). The shop is the
 * token's `dest`; it must have the app installed (404 otherwise), or be the demo shop in demo mode.
 */
export async function requireCheckout(request: Request): Promise<CheckoutContext> {
  let authenticated: Awaited<ReturnType<typeof authenticate.public.checkout>>;
  try {
    authenticated = await authenticate.public.checkout(request);
  } catch (thrown) {
    throw thrown instanceof Response ? withCors(request, thrown) : thrown;
  }
  const { sessionToken, cors } = authenticated;
  const shop = shopOfDestination(sessionToken.dest);
  if (!shop) throw cors(new Response(undefined, { status: 401, statusText: "Unauthorized" }));
  const context = { shop, loggedIn: Boolean(sessionToken.sub), cors, corsHeaders: cors(new Response(null)).headers };
  if (env().demoMode && shop === DEMO_SHOP) return { ...context, shopData: createDemoShopData(shop, prisma) };
  try {
    const { admin } = await unauthenticated.admin(shop);
    return { ...context, shopData: withCachedReads(createShopifyShopData(shop, admin.graphql)) };
  } catch (error) {
    if (error instanceof SessionNotFoundError) throw cors(Response.json({ error: "Pairwise is not installed on this shop" }, { status: 404 }));
    throw error;
  }
}
