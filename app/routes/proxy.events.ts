// POST https://{shop}/apps/pairwise/events: impressions, clicks, adds and dismissals reported by the storefront blocks
// in batches (no personal data), counted for the dashboard.
import type { ActionFunctionArgs } from "@remix-run/node";
import { offerEventBatchSchema } from "../domain/metrics/offer-events";
import { readJsonBody } from "../services/json-body.server";
import { recordStorefrontEvents } from "../services/offer-events.server";
import { requireAppProxy } from "../services/storefront-context.server";

const MAX_BATCH_BYTES = 32 * 1024;

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop } = await requireAppProxy(request);
  const batch = await readJsonBody(request, offerEventBatchSchema, MAX_BATCH_BYTES);
  const recorded = await recordStorefrontEvents(shop, batch.events, new Date());
  return Response.json({ recorded }, { status: 202 });
};
