// Storefront and checkout traffic asks the same few things again and again (the shop's currency and time zone, the
// products around a cart). Answering repeats from memory for a short while keeps page views from spending the shop's
// Admin API budget; stock and prices are at most that old, and checkout's discount Function still reads live data.
import type { CatalogProduct, ShopDataPort, ShopInfo } from "./port";

export const STOREFRONT_READ_TTL_MS = 60_000;
/** Products kept per shop: enough for the carts of a busy minute, bounded so that memory stays bounded. */
const MAX_PRODUCTS_PER_SHOP = 5_000;

type Entry<T> = { value: T; at: number };
type ShopCache = { shopInfo: Entry<ShopInfo> | null; products: Map<string, Entry<CatalogProduct | null>> };

const caches = new Map<string, ShopCache>();

/** A port whose getShopInfo and getProducts answer from a per-shop memory for `ttlMs`; everything else passes through. */
export function withCachedReads(port: ShopDataPort, ttlMs = STOREFRONT_READ_TTL_MS, now: () => number = Date.now): ShopDataPort {
  let cache = caches.get(port.shop);
  if (!cache) caches.set(port.shop, (cache = { shopInfo: null, products: new Map() }));
  const shopCache = cache;
  const fresh = <T>(entry: Entry<T> | null | undefined): entry is Entry<T> => entry !== null && entry !== undefined && now() - entry.at < ttlMs;

  return Object.assign(Object.create(port) as ShopDataPort, {
    async getShopInfo() {
      if (fresh(shopCache.shopInfo)) return shopCache.shopInfo.value;
      const value = await port.getShopInfo();
      shopCache.shopInfo = { value, at: now() };
      return value;
    },
    async getProducts(ids: string[]) {
      const missing = ids.filter((id) => !fresh(shopCache.products.get(id)));
      if (missing.length > 0) {
        const found = new Map((await port.getProducts(missing)).map((product) => [product.id, product]));
        if (shopCache.products.size + missing.length > MAX_PRODUCTS_PER_SHOP) shopCache.products.clear();
        // Unknown ids are remembered too, so a deleted product is not asked for on every page view.
        for (const id of missing) shopCache.products.set(id, { value: found.get(id) ?? null, at: now() });
      }
      return ids.flatMap((id) => shopCache.products.get(id)?.value ?? []);
    },
  });
}
