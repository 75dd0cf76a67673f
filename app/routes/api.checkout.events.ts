// POST /api/checkout/events from the checkout extension, with the checkout session token: impressions, clicks, adds
// and dismissals at checkout and on the thank-you page, counted for the dashboard (nothing personal).
import type { ActionFunctionArgs } from "@remix-run/node";
import { offerEventBatchSchema } from "../domain/metrics/offer-events";
import { requireCheckout } from "../services/checkout-context.server";
import { readJsonBody } from "../services/json-body.server";
import { recordStorefrontEvents } from "../services/offer-events.server";

const MAX_BATCH_BYTES = 32 * 1024;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, cors, corsHeaders } = await requireCheckout(request);
  const batch = await readJsonBody(request, offerEventBatchSchema, MAX_BATCH_BYTES, corsHeaders);
  const recorded = await recordStorefrontEvents(shop, batch.events, new Date());
  return cors(Response.json({ recorded }, { status: 202 }));
};
