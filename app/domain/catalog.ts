import type { CatalogEntry } from "./engine/types";

/** A product as the offer editor's picker and simulator use it. */
export type PickerProduct = {
  id: string;
  title: string;
  productType: string;
  vendor: string;
  tags: string[];
  collectionIds: string[];
  published: boolean;
  variants: { id: string; title: string; priceMinor: number; available: boolean; unitCostMinor: number | null }[];
};

/** What the engine needs to keep suggestions buyable. */
export function catalogEntries(products: PickerProduct[]): Map<string, CatalogEntry> {
  return new Map(
    products.flatMap((product) =>
      product.variants.map((variant): [string, CatalogEntry] => [
        variant.id,
        { productId: product.id, variantId: variant.id, available: variant.available, published: product.published },
      ]),
    ),
  );
}
