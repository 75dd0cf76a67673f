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
