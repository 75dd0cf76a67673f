// Session tokens as Shopify's checkout signs them (HS256 with the app's secret), to prove the app's verification.
import { createHmac, randomUUID } from "node:crypto";
import { API_KEY, API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";

/** `customerId`: the `sub` claim, which Shopify sets only for a signed-in buyer. */
export type TokenOptions = { secret?: string; issuedAt?: Date; lifetimeSeconds?: number; dest?: string; customerId?: string };

const base64Url = (value: string | Buffer) => Buffer.from(value).toString("base64url");

/** A checkout extension's session token for `shop`: valid for 5 minutes from now unless told otherwise. */
export function checkoutSessionToken(shop: string, options: TokenOptions = {}): string {
  const issued = Math.floor((options.issuedAt ?? new Date()).getTime() / 1000);
  const header = base64Url(JSON.stringify({ alg: "HS256", typ: "JWT" }));
  const payload = base64Url(
    JSON.stringify({
      dest: options.dest ?? shop,
      aud: API_KEY,
      iat: issued,
      nbf: issued,
      exp: issued + (options.lifetimeSeconds ?? 300),
      jti: randomUUID(),
      ...(options.customerId ? { sub: options.customerId } : {}),
    }),
  );
  const signature = createHmac("sha256", options.secret ?? API_SECRET_KEY).update(`${header}.${payload}`).digest();
  return `${header}.${payload}.${base64Url(signature)}`;
}
