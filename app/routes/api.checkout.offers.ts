// POST /api/checkout/offers from the checkout extension (cart-line-list target), with the checkout session token:
// the offers that fit this cart, what the applied ones save and the next spend tier.
import type { ActionFunctionArgs } from "@remix-run/node";
import { CHECKOUT_OFFERS_MAX_BYTES, checkoutOffersRequestSchema } from "../domain/checkout/api";
import { requireCheckout } from "../services/checkout-context.server";
import { checkoutOffers } from "../services/checkout-offers.server";
import { readJsonBody } from "../services/json-body.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, shopData, loggedIn, cors, corsHeaders } = await requireCheckout(request);
  const cart = await readJsonBody(request, checkoutOffersRequestSchema, CHECKOUT_OFFERS_MAX_BYTES, corsHeaders);
  const view = await checkoutOffers(shop, shopData, cart, { loggedIn }, new Date());
  return cors(Response.json(view, { headers: { "Cache-Control": "no-store" } }));
};
