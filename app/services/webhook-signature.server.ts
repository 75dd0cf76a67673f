import { LogSeverity, shopifyApi, WEBHOOK_HEADER_NAMES, WebhookValidationErrorReason } from "@shopify/shopify-api";
import type { z } from "zod";
import { env } from "../env.server";
import { API_VERSION } from "../shopify.server";
import type { WebhookEffectContext } from "./webhook-receiver.server";

type ShopifyWebhooks = ReturnType<typeof shopifyApi>["webhooks"];
let shopifyWebhooks: ShopifyWebhooks | undefined;

function webhooks(): ShopifyWebhooks {
  const config = env();
  // The app's settings, as in shopify.server.ts; warnings only, since that instance already logs the library's start.
  shopifyWebhooks ??= shopifyApi({
    apiKey: config.shopify.apiKey,
    apiSecretKey: config.shopify.apiSecretKey,
    apiVersion: API_VERSION,
    hostName: new URL(config.shopify.appUrl).host,
    isEmbeddedApp: true,
    logger: { level: LogSeverity.Warning },
  }).webhooks;
  return shopifyWebhooks;
}

// The only headers the library reads. It canonicalises every header of the request again for each one it adds or
// looks up, so the proxies' and Shopify's other headers cost more than the HMAC itself (measured: 0.9 ms instead of
// 1.6 ms per webhook with the 18 headers Shopify and a proxy send).
const SIGNED_WEBHOOK_HEADERS = new Set(Object.values(WEBHOOK_HEADER_NAMES).flatMap((names) => Object.values(names).map((name) => name.toLowerCase())));

/**
 * verifyWebhook (webhook-receiver.server.ts) for routes that never call the Admin API, such as the order webhooks:
 * Shopify's library checks the HMAC and the headers as authenticate.webhook does, with the same 405, 401 and 400, but
 * the shop's offline session is not loaded from the database (nor its token refreshed) on every webhook.
 */
export async function verifySignedWebhook<Schema extends z.ZodType>(
  request: Request,
  payloadSchema: Schema,
): Promise<WebhookEffectContext<z.infer<Schema>> | Response> {
  if (request.method !== "POST") return new Response(undefined, { status: 405, statusText: "Method not allowed" });
  const rawBody = await request.text();
  const headers = new Headers();
  for (const [name, value] of request.headers) if (SIGNED_WEBHOOK_HEADERS.has(name)) headers.append(name, value);
  const check = await webhooks().validate({ rawBody, rawRequest: new Request(request.url, { method: request.method, headers }) });
  if (!check.valid) {
    return check.reason === WebhookValidationErrorReason.InvalidHmac
      ? new Response(undefined, { status: 401, statusText: "Unauthorized" })
      : new Response(undefined, { status: 400, statusText: "Bad Request" });
  }
  let body: unknown;
  try {
    body = JSON.parse(rawBody);
  } catch {
    return badRequest("The webhook body is not valid JSON");
  }
  const payload = payloadSchema.safeParse(body);
  if (!payload.success) return badRequest(`Unexpected ${check.topic} payload`);
  return { shop: check.domain, topic: check.topic, webhookId: check.webhookId, payload: payload.data, rawPayload: body };
}

function badRequest(message: string) {
  return new Response(message, { status: 400, headers: { "Content-Type": "text/plain" } });
}
