// An order as Shopify's order webhooks send it (REST JSON), normalized to integer minor units. Pure; shared by the
// order pipeline and by `npm run metrics`.
import * as z from "zod/mini";
import { parseDecimal } from "../money";

const id = z.union([z.number(), z.string()]);
const decimal = z.union([z.string(), z.number()]);
const moneySet = z.optional(z.nullable(z.object({ shop_money: z.object({ amount: decimal, currency_code: z.string() }) })));

export const shopifyOrderSchema = z.object({
  id,
  name: z.string(),
  currency: z.string(),
  presentment_currency: z.optional(z.nullable(z.string())),
  created_at: z.string(),
  updated_at: z.optional(z.nullable(z.string())),
  processed_at: z.optional(z.nullable(z.string())),
  cancelled_at: z.optional(z.nullable(z.string())),
  test: z.optional(z.boolean()),
  customer: z.optional(z.nullable(z.object({ id }))),
  subtotal_price: z.optional(z.nullable(decimal)),
  total_discounts: z.optional(z.nullable(decimal)),
  line_items: z.array(
    z.object({
      id,
      product_id: z.optional(z.nullable(id)),
      variant_id: z.optional(z.nullable(id)),
      title: z.optional(z.string()),
      quantity: z.number(),
      price: decimal,
      total_discount: z.optional(z.nullable(decimal)),
      discount_allocations: z.optional(z.nullable(z.array(z.object({ amount: decimal })))),
      properties: z.optional(z.nullable(z.array(z.object({ name: z.string(), value: z.optional(z.nullable(z.union([z.string(), z.number(), z.boolean()]))) })))),
    }),
  ),
  refunds: z.optional(z.nullable(z.array(z.lazy(() => shopifyRefundSchema)))),
});

export const shopifyRefundSchema = z.object({
  id,
  order_id: z.optional(id),
  created_at: z.string(),
  refund_line_items: z.optional(
    z.nullable(z.array(z.object({ quantity: z.number(), subtotal: z.optional(z.nullable(decimal)), subtotal_set: moneySet }))),
  ),
});

export type ShopifyOrder = z.infer<typeof shopifyOrderSchema>;
export type ShopifyRefund = z.infer<typeof shopifyRefundSchema>;

export type NormalizedLine = {
  lineId: string;
  productId: string | null;
  variantId: string | null;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  properties: Record<string, string>;
};

export type NormalizedRefund = { refundId: string; amountMinor: number; createdAt: Date };

export type NormalizedOrder = {
  orderId: string;
  name: string;
  currencyCode: string;
  presentmentCurrency: string;
  customerId: string | null;
  processedAt: Date;
  sourceUpdatedAt: Date;
  subtotalMinor: number;
  totalDiscountMinor: number;
  cancelledAt: Date | null;
  test: boolean;
  lines: NormalizedLine[];
  refunds: NormalizedRefund[];
};

const gid = (type: string, value: string | number) => `gid://shopify/${type}/${value}`;
const minor = (value: string | number | null | undefined, currency: string) =>
  value === null || value === undefined ? 0 : parseDecimal(String(value), currency).amountMinor;

export function normalizeRefund(refund: ShopifyRefund, currency: string): NormalizedRefund {
  const amountMinor = (refund.refund_line_items ?? []).reduce(
    (sum, line) => sum + minor(line.subtotal_set?.shop_money.amount ?? line.subtotal, currency),
    0,
  );
  return { refundId: gid("Refund", refund.id), amountMinor, createdAt: new Date(refund.created_at) };
}

export function normalizeOrder(order: ShopifyOrder): NormalizedOrder {
  const currency = order.currency;
  return {
    orderId: gid("Order", order.id),
    name: order.name,
    currencyCode: currency,
    presentmentCurrency: order.presentment_currency ?? currency,
    customerId: order.customer ? gid("Customer", order.customer.id) : null,
    processedAt: new Date(order.processed_at ?? order.created_at),
    sourceUpdatedAt: new Date(order.updated_at ?? order.created_at),
    subtotalMinor: minor(order.subtotal_price, currency),
    totalDiscountMinor: minor(order.total_discounts, currency),
    cancelledAt: order.cancelled_at ? new Date(order.cancelled_at) : null,
    test: order.test ?? false,
    lines: order.line_items.map((line) => ({
      lineId: gid("LineItem", line.id),
      productId: line.product_id === null || line.product_id === undefined ? null : gid("Product", line.product_id),
      variantId: line.variant_id === null || line.variant_id === undefined ? null : gid("ProductVariant", line.variant_id),
      quantity: line.quantity,
      unitPriceMinor: minor(line.price, currency),
      discountMinor: line.discount_allocations
        ? line.discount_allocations.reduce((sum, allocation) => sum + minor(allocation.amount, currency), 0)
        : minor(line.total_discount, currency),
      properties: Object.fromEntries((line.properties ?? []).map((property) => [property.name, String(property.value ?? "")])),
    })),
    refunds: (order.refunds ?? []).map((refund) => normalizeRefund(refund, currency)),
  };
}
