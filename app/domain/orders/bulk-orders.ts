// Orders as a Bulk Operation exports them (JSONL: one order per line, each of its line items on a later line with
// `__parentId`), assembled into normalized orders as the file streams by. Pure: the lines are an argument. The demo
// store writes the same format, so both go through this one reader.
import * as z from "zod/mini";
import { parseDecimal } from "../money";
import type { NormalizedLine, NormalizedOrder } from "./shopify-order";

/** The bulk query's shape, kept next to its reader (the Shopify adapter runs it; the demo store mirrors it). */
export const BULK_ORDERS_QUERY = `{
  orders(sortKey: CREATED_AT) {
    edges { node {
      id name createdAt updatedAt processedAt cancelledAt test currencyCode presentmentCurrencyCode
      customer { id }
      subtotalPriceSet { shopMoney { amount } }
      totalDiscountsSet { shopMoney { amount } }
      refunds { id }
      lineItems { edges { node {
        id quantity
        product { id }
        variant { id }
        originalUnitPriceSet { shopMoney { amount } }
        discountAllocations { allocatedAmountSet { shopMoney { amount } } }
        customAttributes { key value }
      } } }
    } }
  }
}`;

const shopMoney = z.object({ shopMoney: z.object({ amount: z.string() }) });
const ref = z.nullable(z.object({ id: z.string() }));

const bulkOrderSchema = z.object({
  id: z.string().check(z.startsWith("gid://shopify/Order/")),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  processedAt: z.nullish(z.string()),
  cancelledAt: z.nullish(z.string()),
  test: z.boolean(),
  currencyCode: z.string(),
  presentmentCurrencyCode: z.nullish(z.string()),
  customer: z.nullish(z.object({ id: z.string() })),
  subtotalPriceSet: z.nullish(shopMoney),
  totalDiscountsSet: z.nullish(shopMoney),
  refunds: z.optional(z.array(z.object({ id: z.string() }))),
});

const bulkLineItemSchema = z.object({
  id: z.string().check(z.startsWith("gid://shopify/LineItem/")),
  __parentId: z.string(),
  quantity: z.number().check(z.int()),
  product: z.optional(ref),
  variant: z.optional(ref),
  originalUnitPriceSet: shopMoney,
  discountAllocations: z.optional(z.array(z.object({ allocatedAmountSet: shopMoney }))),
  customAttributes: z.optional(z.array(z.object({ key: z.string(), value: z.nullish(z.string()) }))),
});

export type BulkOrder = NormalizedOrder & { refundIds: string[] };

/** An order and the number of lines consumed once it is complete: where a resumed import starts again. */
export type AssembledOrder = { order: BulkOrder; linesAfter: number };

export class BulkFormatError extends Error {
  override name = "BulkFormatError";
}

function rootOrder(record: z.infer<typeof bulkOrderSchema>): BulkOrder {
  const currency = record.currencyCode;
  const minor = (value: { shopMoney: { amount: string } } | null | undefined) => (value ? parseDecimal(value.shopMoney.amount, currency).amountMinor : 0);
  return {
    orderId: record.id,
    name: record.name,
    currencyCode: currency,
    presentmentCurrency: record.presentmentCurrencyCode ?? currency,
    customerId: record.customer?.id ?? null,
    processedAt: new Date(record.processedAt ?? record.createdAt),
    sourceUpdatedAt: new Date(record.updatedAt),
    subtotalMinor: minor(record.subtotalPriceSet),
    totalDiscountMinor: minor(record.totalDiscountsSet),
    cancelledAt: record.cancelledAt ? new Date(record.cancelledAt) : null,
    test: record.test,
    lines: [],
    refunds: [],
    refundIds: (record.refunds ?? []).map((refund) => refund.id),
  };
}

function lineOf(record: z.infer<typeof bulkLineItemSchema>, currency: string): NormalizedLine {
  const minor = (amount: string) => parseDecimal(amount, currency).amountMinor;
  return {
    lineId: record.id,
    productId: record.product?.id ?? null,
    variantId: record.variant?.id ?? null,
    quantity: record.quantity,
    unitPriceMinor: minor(record.originalUnitPriceSet.shopMoney.amount),
    discountMinor: (record.discountAllocations ?? []).reduce((sum, allocation) => sum + minor(allocation.allocatedAmountSet.shopMoney.amount), 0),
    properties: Object.fromEntries((record.customAttributes ?? []).map((attribute) => [attribute.key, attribute.value ?? ""])),
  };
}

/**
 * Reads the export's lines, skipping the first `skipLines` (already imported), and yields each order once all its
 * line items have been read. A malformed line stops the import with its line number: importing a partial order
 * would be worse than stopping.
 */
export async function* assembleBulkOrders(lines: AsyncIterable<string>, skipLines = 0): AsyncGenerator<AssembledOrder> {
  let lineNumber = 0;
  let current: BulkOrder | null = null;
  for await (const text of lines) {
    lineNumber += 1;
    if (lineNumber <= skipLines || text.trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new BulkFormatError(`Line ${lineNumber} of the export is not JSON`);
    }
    if (typeof json === "object" && json !== null && "__parentId" in json) {
      const parsed = bulkLineItemSchema.safeParse(json);
      if (!parsed.success) throw new BulkFormatError(`Line ${lineNumber} of the export is not a line item: ${parsed.error.issues[0]?.message ?? ""}`);
      if (!current || parsed.data.__parentId !== current.orderId) throw new BulkFormatError(`Line ${lineNumber}: a line item of ${parsed.data.__parentId} outside its order`);
      current.lines.push(lineOf(parsed.data, current.currencyCode));
      continue;
    }
    const parsed = bulkOrderSchema.safeParse(json);
    if (!parsed.success) throw new BulkFormatError(`Line ${lineNumber} of the export is not an order: ${parsed.error.issues[0]?.message ?? ""}`);
    if (current) yield { order: current, linesAfter: lineNumber - 1 };
    current = rootOrder(parsed.data);
  }
  if (current) yield { order: current, linesAfter: lineNumber };
}
