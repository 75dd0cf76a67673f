// The theme's Ajax Cart API (`/cart.js`, `{{ cart | json }}`) and the app's cart requests. Pure, shared by the blocks'
// script and the demo storefront.
import type { ShopperCart } from "../domain/storefront/requests";

export type AjaxCartItem = {
  key: string;
  variant_id: number;
  product_id: number;
  quantity: number;
  /** Unit price before discounts, in minor units of the cart currency. */
  price: number;
  vendor?: string;
  product_type?: string;
  properties?: Record<string, string> | null;
};
export type AjaxCart = { currency: string; item_count: number; items: AjaxCartItem[] };

const gid = (type: "Product" | "ProductVariant", id: number | string) => `gid://shopify/${type}/${id}`;
export const numericId = (id: string) => id.slice(id.lastIndexOf("/") + 1);

export function shopperCart(cart: AjaxCart, presentmentRate: string): ShopperCart {
  return {
    currency: cart.currency,
    presentmentRate,
    lines: cart.items.map((item) => ({ variantId: gid("ProductVariant", item.variant_id), productId: gid("Product", item.product_id), quantity: item.quantity, unitPriceMinor: item.price })),
  };
}
