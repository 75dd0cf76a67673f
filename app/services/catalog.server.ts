import type { PickerProduct } from "../domain/catalog";
import { MAX_PAGE_SIZE, type CatalogProduct, type ShopDataPort } from "../shop-data/port";

const PICKER_CATALOG_LIMIT = 500;

/**
 * The catalog for the demo store's picker and simulator. Inside Shopify the App Bridge resource picker replaces it,
 * so only the demo loads it whole (bounded).
 */
export async function loadPickerCatalog(shopData: ShopDataPort): Promise<PickerProduct[]> {
  const products: PickerProduct[] = [];
  let after: string | null = null;
  do {
    const page = await shopData.listProducts({ first: 250, after });
    for (const product of page.items) {
      products.push({
        id: product.id,
        title: product.title,
        productType: product.productType,
        vendor: product.vendor,
        tags: product.tags,
        collectionIds: product.collectionIds,
        published: product.status === "ACTIVE" && product.publishedOnlineStore,
        variants: product.variants.map((variant) => ({
          id: variant.id,
          title: variant.title,
          priceMinor: variant.price.amountMinor,
          available: variant.availableForSale,
          unitCostMinor: variant.unitCost?.amountMinor ?? null,
        })),
      });
    }
    after = page.nextCursor;
  } while (after && products.length < PICKER_CATALOG_LIMIT);
  return products;
}

/** The products with these ids that exist, by id, asked for in pages of Shopify's size. */
export async function getProductsById(shopData: ShopDataPort, ids: Iterable<string>): Promise<Map<string, CatalogProduct>> {
  const wanted = [...new Set(ids)];
  const products = new Map<string, CatalogProduct>();
  for (let start = 0; start < wanted.length; start += MAX_PAGE_SIZE) {
    for (const product of await shopData.getProducts(wanted.slice(start, start + MAX_PAGE_SIZE))) products.set(product.id, product);
  }
  return products;
}
