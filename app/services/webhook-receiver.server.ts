import type { ActionFunctionArgs } from "@remix-run/node";
import type { Prisma } from "@prisma/client";
import type { z } from "zod";
import { prisma } from "../db.server";
import { authenticate } from "../shopify.server";
import { processWebhookOnce } from "./webhook-deliveries.server";

export type WebhookEffectContext<Payload> = {
  shop: string;
  topic: string;
  webhookId: string;
  payload: Payload;
  /** The body as Shopify sent it, before the schema kept only what it checks. */
  rawPayload: unknown;
};

/**
 * Verifies a webhook with Shopify's library (a wrong HMAC throws its 401 Response) and parses its payload; a
 * malformed body comes back as a 400 Response to return.
 */
export async function verifyWebhook<Schema extends z.ZodType>(
  request: Request,
  payloadSchema: Schema,
): Promise<WebhookEffectContext<z.infer<Schema>> | Response> {
  let webhook: Awaited<ReturnType<typeof authenticate.webhook>>;
  try {
    webhook = await authenticate.webhook(request);
  } catch (error) {
    if (error instanceof Response) throw error;
    // A correctly signed body that is not JSON: the library's JSON.parse throws.
    return badRequest("The webhook body is not valid JSON");
  }
  const payload = payloadSchema.safeParse(webhook.payload);
  if (!payload.success) return badRequest(`Unexpected ${webhook.topic} payload`);
  return { shop: webhook.shop, topic: webhook.topic, webhookId: webhook.webhookId, payload: payload.data, rawPayload: webhook.payload };
}

/**
 * The action of a webhook route: Shopify's library verifies the HMAC (401 when wrong), the payload is parsed (400
 * when malformed), and the effect runs once per webhook id inside one transaction.
 */
export function webhookAction<Schema extends z.ZodType>(
  payloadSchema: Schema,
  effect: (tx: Prisma.TransactionClient, webhook: WebhookEffectContext<z.infer<Schema>>) => Promise<unknown>,
) {
  return async ({ request }: ActionFunctionArgs) => {
    const context = await verifyWebhook(request, payloadSchema);
    if (context instanceof Response) return context;
    await processWebhookOnce(prisma, context, async (tx) => {
      await effect(tx, context);
    });
    return new Response(null, { status: 200 });
  };
}

function badRequest(message: string) {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain" } });
}
