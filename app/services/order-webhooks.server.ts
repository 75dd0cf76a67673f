import type { ActionFunctionArgs } from "@remix-run/node";
import { database } from "../db.server";
import { appQueue } from "../jobs/app-queue.server";
import { enqueueOrderEvent, orderEventPayloadSchema, recordOrderEvent } from "./order-pipeline.server";
import { verifyWebhook } from "./webhook-receiver.server";

/** The action of the order webhook routes: verify, store the raw event, queue its processing, answer 200. */
export async function orderWebhookAction({ request }: ActionFunctionArgs) {
  const webhook = await verifyWebhook(request, orderEventPayloadSchema);
  if (webhook instanceof Response) return webhook;
  const { shop, webhookId, topic, rawPayload } = webhook;
  // A crash between these two leaves a stored event without a job: the worker's sweep queues it.
  if (await recordOrderEvent(database(), { shop, webhookId, topic, payload: rawPayload })) {
    await enqueueOrderEvent(await appQueue(), webhookId);
  }
  return new Response(null, { status: 200 });
}
