import type { ActionFunctionArgs } from "@remix-run/node";
import { database } from "../db.server";
import { appQueue } from "../jobs/app-queue.server";
import { createBatcher } from "../db/write-batcher.server";
import { enqueueOrderEvent, orderEventPayloadSchema, recordOrderEvent, type ReceivedOrderEvent } from "./order-pipeline.server";
import { verifySignedWebhook } from "./webhook-signature.server";

// Concurrent webhooks share one insert of their events and one of their jobs (docs/decisions/0006-job-queue.md).
const MAX_BATCH = 200;
const storedEvents = createBatcher<ReceivedOrderEvent, boolean>((events) => recordOrderEvent(database(), ...events), { maxBatch: MAX_BATCH, retryAlone: true });
const queuedEvents = createBatcher<string, void>(
  async (webhookIds) => {
    await enqueueOrderEvent(await appQueue(), ...webhookIds);
    return webhookIds.map(() => undefined);
  },
  { maxBatch: MAX_BATCH },
);

/** The action of the order webhook routes: verify, store the raw event, queue its processing, answer 200. */
export async function orderWebhookAction({ request }: ActionFunctionArgs) {
  const webhook = await verifySignedWebhook(request, orderEventPayloadSchema);
  if (webhook instanceof Response) return webhook;
  const { shop, webhookId, topic, rawPayload } = webhook;
  // Committed before the 200 (a failure is a 500, and Shopify retries).
  if (await storedEvents.add({ shop, webhookId, topic, payload: rawPayload })) {
    // Stored, so the 200 is due: an event whose job was not inserted (failed insert, crash) is queued by the worker's
    // sweep, and a 500 would not help, as Shopify's retry is a replay that stores and queues nothing.
    await queuedEvents.add(webhookId).catch((error: unknown) => console.error(`[webhooks] ${webhookId} stored, not queued (the sweep will):`, error));
  }
  return new Response(null, { status: 200 });
}
