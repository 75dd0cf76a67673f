import type { ActionFunctionArgs } from "@remix-run/node";
import { appQueue } from "../jobs/app-queue.server";
import { enqueueOrderEvent, orderEventPayloadSchema, recordOrderEvent } from "./order-pipeline.server";
import { webhookAction } from "./webhook-receiver.server";

/** The action of the order webhook routes: verify, store the raw event, queue its processing, answer 200. */
export async function orderWebhookAction(args: ActionFunctionArgs) {
  return webhookAction(
    orderEventPayloadSchema,
    (tx, { shop, webhookId, topic, rawPayload }) => recordOrderEvent(tx, { shop, webhookId, topic, payload: rawPayload }),
    async ({ webhookId }) => enqueueOrderEvent(await appQueue(), webhookId),
  )(args);
}
