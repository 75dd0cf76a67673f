// Payloads of the webhooks the foundation handles, as Shopify documents them. Parsed at the boundary: a body that does
// not match is answered 400 and changes nothing.
import { z } from "zod";

const shopifyId = z.number().int().positive();

export const appUninstalledPayload = z.object({ id: shopifyId }).loose();

export const appScopesUpdatePayload = z.object({
  previous: z.array(z.string()),
  current: z.array(z.string()),
});

const complianceCustomer = z.object({
  id: shopifyId,
  email: z.string().nullable().optional(),
  phone: z.string().nullable().optional(),
});

export const customersDataRequestPayload = z.object({
  shop_id: shopifyId,
  shop_domain: z.string(),
  customer: complianceCustomer,
  orders_requested: z.array(shopifyId),
  data_request: z.object({ id: shopifyId }),
});

export const customersRedactPayload = z.object({
  shop_id: shopifyId,
  shop_domain: z.string(),
  customer: complianceCustomer,
  orders_to_redact: z.array(shopifyId),
});

export const shopRedactPayload = z.object({ shop_id: shopifyId, shop_domain: z.string() });
