// POST https://{shop}/apps/pairwise/cart: what the shopper's cart qualifies for, with buyable suggestions, for the
// cart blocks (signed by Shopify's app proxy).
import type { ActionFunctionArgs } from "@remix-run/node";
import { shopperCartSchema } from "../domain/storefront/requests";
import { cartOffers } from "../services/cart-offers.server";
import { readJsonBody } from "../services/json-body.server";
import { requireAppProxy } from "../services/storefront-context.server";

const MAX_CART_BYTES = 64 * 1024;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, shopData, loggedIn } = await requireAppProxy(request);
  const cart = await readJsonBody(request, shopperCartSchema, MAX_CART_BYTES);
  const view = await cartOffers(shop, shopData, cart, "cart", new Date(), { loggedIn });
  return Response.json(view, { headers: { "Cache-Control": "private, no-store" } });
};
