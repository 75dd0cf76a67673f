import { getHmac } from "@shopify/shopify-api/test-helpers";

/** A webhook request exactly as Shopify sends it, signed with `secret` (Shopify's own HMAC helper). */
export function webhookRequest(options: {
  path: string;
  topic: string;
  shop: string;
  body: string;
  secret: string;
  webhookId?: string;
}): Request {
  return new Request(`https://pairwise.test${options.path}`, {
    method: "POST",
    body: options.body,
    headers: {
      "Content-Type": "application/json",
      "X-Shopify-Topic": options.topic,
      "X-Shopify-Shop-Domain": options.shop,
      "X-Shopify-API-Version": "2026-10",
      "X-Shopify-Webhook-Id": options.webhookId ?? crypto.randomUUID(),
      "X-Shopify-Hmac-Sha256": getHmac(options.body, options.secret),
    },
  });
}
