// The shop-data port: everything Pairwise reads from or writes to a shop goes through this interface, so domain code
// never knows whether it talks to Shopify's Admin API or to the offline demo store (docs/decisions/0003-shop-data-port.md).
import type { Money } from "../domain/money";

export type ShopInfo = {
  shop: string;
  name: string;
  currencyCode: string;
  ianaTimezone: string;
  primaryLocale: string;
  /** Published locales, the primary one first. */
  locales: string[];
};

export type InventoryPolicy = "DENY" | "CONTINUE";

export type CatalogVariant = {
  id: string;
  title: string;
  sku: string;
  price: Money;
  compareAtPrice: Money | null;
  /** What the merchant pays for one unit, when they have recorded it. */
  unitCost: Money | null;
  /** Null when Shopify does not track inventory for the variant. */
  inventoryQuantity: number | null;
  inventoryPolicy: InventoryPolicy;
  /** Whether a shopper can buy it now: in stock, or sold while out of stock. */
  availableForSale: boolean;
};

export type CatalogProduct = {
  id: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT" | "ARCHIVED";
  publishedOnlineStore: boolean;
  collectionIds: string[];
  variants: CatalogVariant[];
};

export type CatalogCollection = { id: string; title: string; handle: string };

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED" | "EXPIRED";

/** A Bulk Operation exporting data: poll it until COMPLETED, then stream the JSONL at `url` (valid for a week). */
export type BulkOperation = { id: string; status: BulkOperationStatus; rootObjectCount: number; url: string | null; errorCode: string | null };

/** A refund with the subtotal of the lines it refunded (no shipping or taxes), in shop currency. */
export type RefundRecord = { refundId: string; orderId: string; createdAt: Date; amount: Money };

export type PageRequest = { first: number; after?: string | null };
export type Page<T> = { items: T[]; nextCursor: string | null };

export type AppMetafieldInput = { key: string; type: "json" | "single_line_text_field" | "boolean" | "number_integer"; value: string };

export type DiscountCombinations = { productDiscounts: boolean; orderDiscounts: boolean; shippingDiscounts: boolean };
export type DiscountClass = "PRODUCT" | "ORDER" | "SHIPPING";

export type AutomaticAppDiscountInput = {
  /** Present to update that discount; absent to create one. */
  discountId?: string;
  title: string;
  functionHandle: string;
  startsAt: Date;
  endsAt: Date | null;
  combinesWith: DiscountCombinations;
  discountClasses: DiscountClass[];
  /** Written to the discount's `$app` metafields (the Function reads its configuration there). */
  metafields: AppMetafieldInput[];
};

export type UserError = { field: string[] | null; message: string };

/** Shopify (or the demo store) refused a write; `userErrors` are what it said, for the merchant to read. */
export class ShopDataError extends Error {
  override name = "ShopDataError";
  constructor(
    message: string,
    readonly userErrors: UserError[] = [],
  ) {
    super(message);
  }
}

export interface ShopDataPort {
  readonly shop: string;
  getShopInfo(): Promise<ShopInfo>;
  listProducts(page: PageRequest): Promise<Page<CatalogProduct>>;
  /** The products with these ids that exist (any not found are left out). */
  getProducts(ids: string[]): Promise<CatalogProduct[]>;
  listCollections(page: PageRequest): Promise<Page<CatalogCollection>>;
  /** How many orders the shop has (the backfill's progress bar). */
  countOrders(): Promise<number>;
  /** Starts exporting every order with its lines, in the format app/domain/orders/bulk-orders.ts reads. */
  startOrdersExport(): Promise<BulkOperation>;
  getBulkOperation(id: string): Promise<BulkOperation | null>;
  /** The lines of a finished export's file, streamed as they arrive (never held whole). */
  readBulkOperationResult(url: string): AsyncIterable<string>;
  /** The refunds of these orders (a Bulk Operation cannot read refunded lines, so they are asked for separately). */
  getOrderRefunds(orderIds: string[]): Promise<RefundRecord[]>;
  /** A metafield of the app installation in the `$app` namespace, or null. */
  getAppMetafield(key: string): Promise<string | null>;
  setAppMetafields(metafields: AppMetafieldInput[]): Promise<void>;
  /** Writes `$app` metafields on product variants (the discount Function reads a variant's cost there). */
  setVariantMetafields(metafields: (AppMetafieldInput & { variantId: string })[]): Promise<void>;
  /** This app's automatic discount with that title, if one exists (to adopt it after an interrupted publish). */
  findAutomaticAppDiscount(title: string): Promise<{ discountId: string } | null>;
  saveAutomaticAppDiscount(input: AutomaticAppDiscountInput): Promise<{ discountId: string }>;
  deleteAutomaticAppDiscount(discountId: string): Promise<void>;
}

/** Largest page either adapter serves: Shopify's connection limit. */
export const MAX_PAGE_SIZE = 250;
