// What storefront requests may ask for, shared by the app proxy routes and the storefront's own script.
import * as z from "zod/mini";

const MAX_PRODUCTS = 50;
const productId = z.pipe(
  z.string().check(z.regex(/^(gid:\/\/shopify\/Product\/)?\d+$/, "a product id")),
  z.transform((value) => (value.startsWith("gid://") ? value : `gid://shopify/Product/${value}`)),
);

/** `product_ids`: the products on the page or in the cart, as numeric ids or gids, comma-separated. */
export const recommendationsQuerySchema = z.object({
  product_ids: z.pipe(
    z.string({ error: "product_ids is required" }).check(z.minLength(1, "product_ids is required")),
    z.pipe(
      z.transform((value: string) => value.split(",").map((part) => part.trim()).filter(Boolean)),
      z.array(productId).check(z.minLength(1, "product_ids is required"), z.maxLength(MAX_PRODUCTS, `at most ${MAX_PRODUCTS} products`)),
    ),
  ),
});

const MAX_CART_LINES = 250;
const variantId = z.pipe(
  z.string().check(z.regex(/^(gid:\/\/shopify\/ProductVariant\/)?\d+$/, "a variant id")),
  z.transform((value) => (value.startsWith("gid://") ? value : `gid://shopify/ProductVariant/${value}`)),
);
const idOf = <T extends z.ZodMiniType<string, string>>(schema: T) => z.pipe(z.union([z.string(), z.pipe(z.int().check(z.positive()), z.transform(String))]), schema);

export const shopperCartLineSchema = z.object({
  variantId: idOf(variantId),
  productId: idOf(productId),
  quantity: z.int().check(z.minimum(1, "quantity must be at least 1"), z.maximum(10_000)),
  /** Per unit before discounts, in minor units of the cart currency (the Ajax Cart API's `price`). */
  unitPriceMinor: z.int({ error: "unitPriceMinor must be a whole number of minor units" }).check(z.minimum(0)),
});

/**
 * A shopper's cart as the storefront (from the Ajax Cart API) and checkout send it. Shopify, not the shopper, decides
 * what is charged: the server only uses it to choose what to show.
 */
export const shopperCartSchema = z.object({
  currency: z.string().check(z.regex(/^[A-Z]{3}$/, "currency must be an ISO 4217 code")),
  /** Presentment units per shop unit (the theme's `Shopify.currency.rate`); "1" in the shop currency. */
  presentmentRate: z._default(z.string().check(z.regex(/^\d+(\.\d+)?$/, "presentmentRate must be a decimal")), "1"),
  lines: z.array(shopperCartLineSchema).check(z.maxLength(MAX_CART_LINES, `at most ${MAX_CART_LINES} lines`)),
});
export type ShopperCart = z.infer<typeof shopperCartSchema>;
export type ShopperCartLine = ShopperCart["lines"][number];
