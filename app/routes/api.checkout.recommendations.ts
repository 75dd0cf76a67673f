// POST /api/checkout/recommendations from the checkout extension (thank-you target), with the checkout session token:
// what customers buy with the products of the order just placed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { THANK_YOU_MAX_BYTES, thankYouRequestSchema } from "../domain/checkout/api";
import { requireCheckout } from "../services/checkout-context.server";
import { thankYouRecommendations } from "../services/checkout-offers.server";
import { readJsonBody } from "../services/json-body.server";

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, shopData, cors, corsHeaders } = await requireCheckout(request);
  const order = await readJsonBody(request, thankYouRequestSchema, THANK_YOU_MAX_BYTES, corsHeaders);
  const view = await thankYouRecommendations(shop, shopData, order);
  return cors(Response.json(view, { headers: { "Cache-Control": "no-store" } }));
};
