// GET https://{shop}/apps/pairwise/recommendations?product_ids=1,2: what customers buy with these products, for the
// storefront blocks (signed by Shopify's app proxy).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { recommendationsQuerySchema } from "../domain/storefront/requests";
import { recommendFor } from "../services/recommendations.server";
import { requireAppProxy } from "../services/storefront-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, shopData } = await requireAppProxy(request);
  const query = recommendationsQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
  if (!query.success) return Response.json({ error: query.error.issues.map((issue) => issue.message).join("; ") }, { status: 400 });
  const recommendations = await recommendFor(shop, shopData, query.data.product_ids);
  // Personal to the cart and to live stock: caches may keep it briefly, for this shopper only.
  return Response.json({ recommendations }, { headers: { "Cache-Control": "private, max-age=60" } });
};
