// The demo storefront's cart: what Shopify's Ajax Cart API keeps per browser, kept here in memory per cookie. It
// checks stock as Shopify does (422 with a description the theme can show) and answers in the Ajax API's shape.
import { createHash, randomUUID } from "node:crypto";
import * as z from "zod/mini";
import { convertMinor, parseRate } from "../../domain/engine/arithmetic";
import type { AjaxCart, AjaxCartItem } from "../../storefront/ajax-cart";
import type { CatalogProduct, CatalogVariant, ShopDataPort } from "../../shop-data/port";

/** The shopper's currency: the shop's, or another at a fixed demo rate (presentment units per shop unit). */
export type Presentment = { currency: string; rate: string };
export const DEMO_PRESENTMENTS: Record<string, Presentment> = { USD: { currency: "USD", rate: "1" }, EUR: { currency: "EUR", rate: "0.92" } };

export type DemoCartLine = { key: string; variantId: string; productId: string; quantity: number; properties: Record<string, string> };

export class CartError extends Error {
  constructor(
    readonly status: number,
    readonly description: string,
  ) {
    super(description);
  }
}

const MAX_LINES = 100;
const carts = new Map<string, DemoCartLine[]>();

export const CART_COOKIE = "pairwise_demo_cart";
export const newCartToken = () => randomUUID();
export const cartLines = (token: string) => carts.get(token) ?? [];

const numeric = z.pipe(z.union([z.int(), z.string().check(z.regex(/^\d+$/))]), z.transform((value) => String(value)));
const itemSchema = z.object({
  id: numeric,
  quantity: z._default(z.int().check(z.minimum(1, "Quantity must be at least 1"), z.maximum(10_000)), 1),
  properties: z._default(z.record(z.string(), z.string()), {}),
});
export const addRequestSchema = z.union([
  z.object({ items: z.array(itemSchema).check(z.minLength(1), z.maxLength(50)), sections: z.optional(z.union([z.array(z.string()), z.string()])) }),
  z.pipe(itemSchema, z.transform((item) => ({ items: [item], sections: undefined }))),
]);
export const changeRequestSchema = z.object({
  id: z.optional(z.string()),
  line: z.optional(z.int().check(z.minimum(1))),
  quantity: z.int().check(z.minimum(0), z.maximum(10_000)),
});

/** A line's key: the same variant with the same properties is one line, as in Shopify. */
function lineKey(variantId: string, properties: Record<string, string>): string {
  const digest = createHash("sha1").update(JSON.stringify(Object.entries(properties).sort())).digest("hex").slice(0, 12);
  return `${variantId.slice(variantId.lastIndexOf("/") + 1)}:${digest}`;
}

async function variantsById(shopData: ShopDataPort, variantIds: string[]): Promise<Map<string, { product: CatalogProduct; variant: CatalogVariant }>> {
  // The demo catalog is small: read it whole rather than add a variant lookup to the port for the demo alone.
  const found = new Map<string, { product: CatalogProduct; variant: CatalogVariant }>();
  let after: string | null = null;
  do {
    const page = await shopData.listProducts({ first: 250, after });
    for (const product of page.items) for (const variant of product.variants) if (variantIds.includes(variant.id)) found.set(variant.id, { product, variant });
    after = page.nextCursor;
  } while (after && found.size < variantIds.length);
  return found;
}

/** Adds items as `/cart/add.js` does: all or none, refusing unknown, unpublished or out-of-stock variants. */
export async function addToCart(shopData: ShopDataPort, token: string, items: z.infer<typeof itemSchema>[]): Promise<DemoCartLine[]> {
  const ids = items.map((item) => `gid://shopify/ProductVariant/${item.id}`);
  const catalog = await variantsById(shopData, ids);
  const lines = cartLines(token).map((line) => ({ ...line }));
  const added: DemoCartLine[] = [];
  for (const [index, item] of items.entries()) {
    const entry = catalog.get(ids[index]!);
    if (!entry || entry.product.status !== "ACTIVE" || !entry.product.publishedOnlineStore) throw new CartError(404, "This product is no longer available.");
    const { product, variant } = entry;
    const key = lineKey(variant.id, item.properties);
    let line = lines.find((candidate) => candidate.key === key);
    if (!line) {
      if (lines.length >= MAX_LINES) throw new CartError(422, "Your cart is full.");
      lines.push((line = { key, variantId: variant.id, productId: product.id, quantity: 0, properties: item.properties }));
    }
    const inCart = lines.filter((candidate) => candidate.variantId === variant.id).reduce((sum, candidate) => sum + candidate.quantity, 0);
    if (!variant.availableForSale) throw new CartError(422, `${product.title} is sold out.`);
    if (variant.inventoryPolicy === "DENY" && variant.inventoryQuantity !== null && inCart + item.quantity > variant.inventoryQuantity) {
      throw new CartError(422, `You can't add more ${product.title} to the cart.`);
    }
    line.quantity += item.quantity;
    added.push(line);
  }
  carts.set(token, lines);
  return added;
}

/** Sets a line's quantity as `/cart/change.js` does (0 removes it); the line is named by key or 1-based position. */
export function changeCart(token: string, change: z.infer<typeof changeRequestSchema>): void {
  const lines = cartLines(token);
  const index = change.id !== undefined ? lines.findIndex((line) => line.key === change.id) : (change.line ?? 0) - 1;
  if (index < 0 || index >= lines.length) throw new CartError(400, "There is no such line in the cart.");
  carts.set(token, change.quantity === 0 ? lines.filter((_, position) => position !== index) : lines.map((line, position) => (position === index ? { ...line, quantity: change.quantity } : line)));
}

export const clearCart = (token: string) => void carts.delete(token);

/** The cart in the Ajax API's shape, prices in the shopper's currency. */
export async function ajaxCart(shopData: ShopDataPort, token: string, presentment: Presentment, shopCurrency: string): Promise<AjaxCart & Record<string, unknown>> {
  const lines = cartLines(token);
  const catalog = await variantsById(shopData, lines.map((line) => line.variantId));
  const rate = parseRate(presentment.rate) ?? { numerator: 1n, denominator: 1n };
  const items = lines.flatMap((line): (AjaxCartItem & Record<string, unknown>)[] => {
    const entry = catalog.get(line.variantId);
    if (!entry) return [];
    const price = convertMinor(entry.variant.price.amountMinor, shopCurrency, presentment.currency, rate);
    return [{
      key: line.key,
      id: Number(line.variantId.slice(line.variantId.lastIndexOf("/") + 1)),
      variant_id: Number(line.variantId.slice(line.variantId.lastIndexOf("/") + 1)),
      product_id: Number(line.productId.slice(line.productId.lastIndexOf("/") + 1)),
      quantity: line.quantity,
      price,
      original_price: price,
      line_price: price * line.quantity,
      final_line_price: price * line.quantity,
      title: entry.variant.title === "Default Title" ? entry.product.title : `${entry.product.title} - ${entry.variant.title}`,
      product_title: entry.product.title,
      variant_title: entry.variant.title,
      handle: entry.product.handle,
      url: `/products/${entry.product.handle}`,
      vendor: entry.product.vendor,
      product_type: entry.product.productType,
      properties: line.properties,
    }];
  });
  const total = items.reduce((sum, item) => sum + item.price * item.quantity, 0);
  return { token, currency: presentment.currency, item_count: items.reduce((sum, item) => sum + item.quantity, 0), items, total_price: total, original_total_price: total, items_subtotal_price: total };
}
