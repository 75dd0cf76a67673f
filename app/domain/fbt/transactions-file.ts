// Reading orders for the miner from text: baskets (one order per line, items separated by commas) or Shopify order
// JSON (one order per line, as in the orders/create webhook; items keyed by product id).
import * as z from "zod/mini";
import { TransactionsBuilder, type Transactions } from "./miner";

export type TransactionsFormat = "basket" | "shopify-orders";

const shopifyOrderLine = z.object({
  line_items: z.array(z.object({ product_id: z.nullable(z.optional(z.union([z.number(), z.string()]))) })),
});

export class TransactionsFileError extends Error {
  override name = "TransactionsFileError";
}

/** The items of a basket line: comma-separated, trimmed (arules trims "cream cheese "), empty ones dropped. */
function basketItems(line: string): string[] {
  const names: string[] = [];
  let start = 0;
  while (start <= line.length) {
    let end = line.indexOf(",", start);
    if (end === -1) end = line.length;
    let name = line.slice(start, end);
    if (name.charCodeAt(0) === 32 || name.charCodeAt(name.length - 1) === 32 || name.includes("\t")) name = name.trim();
    if (name !== "") names.push(name);
    start = end + 1;
  }
  return names;
}

export function parseTransactions(text: string, format: TransactionsFormat): Transactions {
  const builder = new TransactionsBuilder();
  let start = 0;
  let lineNumber = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end === -1) end = text.length;
    lineNumber += 1;
    const line = text.slice(start, end).replace(/\r$/, "");
    start = end + 1;
    if (line.trim() === "") continue;
    if (format === "basket") {
      builder.add(basketItems(line));
      continue;
    }
    let json: unknown;
    try {
      json = JSON.parse(line);
    } catch {
      throw new TransactionsFileError(`line ${lineNumber}: not valid JSON`);
    }
    const order = shopifyOrderLine.safeParse(json);
    if (!order.success) throw new TransactionsFileError(`line ${lineNumber}: not a Shopify order (${order.error.issues[0]?.message ?? "invalid"})`);
    // Custom items without a product cannot be recommended, so they are left out.
    builder.add(order.data.line_items.flatMap((item) => (item.product_id === null || item.product_id === undefined ? [] : [String(item.product_id)])));
  }
  return builder.build();
}
