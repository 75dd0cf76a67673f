import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { money, toDecimal } from "../domain/money";
import {
  MAX_PAGE_SIZE,
  ShopDataError,
  type AppMetafieldInput,
  type AutomaticAppDiscountInput,
  type CatalogProduct,
  type Page,
  type BulkOperation,
  type ShopDataPort,
  type UserError,
} from "./port";

/** The demo store's app installation, owner of its `$app` metafields. */
export const DEMO_APP_INSTALLATION_ID = "gid://shopify/AppInstallation/1";

const productStatusSchema = z.enum(["ACTIVE", "DRAFT", "ARCHIVED"]);
const inventoryPolicySchema = z.enum(["DENY", "CONTINUE"]);
const linePropertiesSchema = z.record(z.string(), z.string());

function pageSize(first: number): number {
  return Math.max(1, Math.min(first, MAX_PAGE_SIZE));
}

function pageFrom<T>(rows: T[], first: number, cursorOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, first);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > first && last ? cursorOf(last) : null };
}

const DEMO_EXPORT_URL = "https://demo-store.invalid/exports/orders.jsonl";

function demoExportTime(id: string): Date | null {
  const match = /^gid:\/\/shopify\/BulkOperation\/(\d+)$/.exec(id);
  return match ? new Date(Number(match[1])) : null;
}

function demoExport(id: string, orders: number): BulkOperation {
  const until = demoExportTime(id)?.getTime() ?? 0;
  return { id, status: "COMPLETED", rootObjectCount: orders, url: `${DEMO_EXPORT_URL}?until=${until}`, errorCode: null };
}

type DemoOrderWithLines = Prisma.DemoOrderGetPayload<{ include: { lines: true; refunds: { select: { id: true } } } }>;

/** A demo order as the lines of Shopify's bulk export (BULK_ORDERS_QUERY's shape). */
function* bulkLinesOf(order: DemoOrderWithLines): Generator<string> {
  const amount = (minor: number) => ({ shopMoney: { amount: toDecimal(money(minor, order.currencyCode)) } });
  yield JSON.stringify({
    id: order.id,
    name: order.name,
    createdAt: order.createdAt.toISOString(),
    updatedAt: order.updatedAt.toISOString(),
    processedAt: order.createdAt.toISOString(),
    cancelledAt: order.cancelledAt?.toISOString() ?? null,
    test: order.test,
    currencyCode: order.currencyCode,
    presentmentCurrencyCode: order.currencyCode,
    customer: order.customerId ? { id: order.customerId } : null,
    subtotalPriceSet: amount(order.subtotalMinor),
    totalDiscountsSet: amount(order.totalDiscountMinor),
    refunds: order.refunds.map((refund) => ({ id: refund.id })),
  });
  for (const line of order.lines) {
    yield JSON.stringify({
      id: line.id,
      quantity: line.quantity,
      product: { id: line.productId },
      variant: { id: line.variantId },
      originalUnitPriceSet: amount(line.unitPriceMinor),
      discountAllocations: line.discountMinor > 0 ? [{ allocatedAmountSet: amount(line.discountMinor) }] : [],
      customAttributes: Object.entries(linePropertiesSchema.parse(line.properties)).map(([key, value]) => ({ key, value })),
      __parentId: order.id,
    });
  }
}

/** Checks the rules Shopify applies to an automatic app discount, so the demo store refuses what Shopify would. */
function discountUserErrors(input: AutomaticAppDiscountInput): UserError[] {
  const errors: UserError[] = [];
  if (input.title.trim() === "") errors.push({ field: ["automaticAppDiscount", "title"], message: "Title can't be blank" });
  if (input.endsAt && input.endsAt <= input.startsAt) {
    errors.push({ field: ["automaticAppDiscount", "endsAt"], message: "End date must be after the start date" });
  }
  if (input.discountClasses.length === 0) {
    errors.push({ field: ["automaticAppDiscount", "discountClasses"], message: "Select at least one discount class" });
  }
  return errors;
}

const PRODUCT_INCLUDE = {
  variants: { orderBy: { position: "asc" } },
  collections: { orderBy: { collectionId: "asc" } },
} satisfies Prisma.DemoProductInclude;

type DemoProductRow = Prisma.DemoProductGetPayload<{ include: typeof PRODUCT_INCLUDE }>;

function toCatalogProduct(row: DemoProductRow, currency: string): CatalogProduct {
  return {
    id: row.id,
    title: row.title,
    handle: row.handle,
    vendor: row.vendor,
    productType: row.productType,
    tags: row.tags,
    status: productStatusSchema.parse(row.status),
    publishedOnlineStore: row.publishedOnlineStore,
    collectionIds: row.collections.map((membership) => membership.collectionId),
    variants: row.variants.map((variant) => {
      const inventoryPolicy = inventoryPolicySchema.parse(variant.inventoryPolicy);
      return {
        id: variant.id,
        title: variant.title,
        sku: variant.sku,
        price: money(variant.priceMinor, currency),
        compareAtPrice: variant.compareAtPriceMinor === null ? null : money(variant.compareAtPriceMinor, currency),
        unitCost: variant.unitCostMinor === null ? null : money(variant.unitCostMinor, currency),
        inventoryQuantity: variant.inventoryQuantity,
        inventoryPolicy,
        availableForSale: row.status === "ACTIVE" && (variant.inventoryQuantity > 0 || inventoryPolicy === "CONTINUE"),
      };
    }),
  };
}

/** The shop-data port over the demo store tables: the offline stand-in for Shopify's Admin API. */
export function createDemoShopData(shop: string, prisma: PrismaClient): ShopDataPort {
  const writeMetafields = (tx: Prisma.TransactionClient, ownerId: string, metafields: AppMetafieldInput[]) =>
    Promise.all(
      metafields.map((metafield) =>
        tx.demoMetafield.upsert({
          where: { shop_ownerId_namespace_key: { shop, ownerId, namespace: "$app", key: metafield.key } },
          create: { shop, ownerId, namespace: "$app", ...metafield },
          update: { type: metafield.type, value: metafield.value },
        }),
      ),
    );

  const requireDemoShop = async () => {
    const demoShop = await prisma.demoShop.findUnique({ where: { shop } });
    if (!demoShop) throw new ShopDataError(`The demo store ${shop} has not been seeded (run npm run db:seed-demo)`);
    return demoShop;
  };

  return {
    shop,

    async getShopInfo() {
      const demoShop = await requireDemoShop();
      return {
        shop,
        name: demoShop.name,
        currencyCode: demoShop.currencyCode,
        ianaTimezone: demoShop.ianaTimezone,
        primaryLocale: demoShop.primaryLocale,
        locales: demoShop.locales.length > 0 ? demoShop.locales : [demoShop.primaryLocale],
      };
    },

    async listProducts(page) {
      const first = pageSize(page.first);
      const [demoShop, rows] = await Promise.all([
        requireDemoShop(),
        prisma.demoProduct.findMany({
          where: { shop, ...(page.after ? { id: { gt: page.after } } : {}) },
          orderBy: { id: "asc" },
          take: first + 1,
          include: PRODUCT_INCLUDE,
        }),
      ]);
      const products = rows.map((row) => toCatalogProduct(row, demoShop.currencyCode));
      return pageFrom(products, first, (product) => product.id);
    },

    async getProducts(ids) {
      const [demoShop, rows] = await Promise.all([
        requireDemoShop(),
        prisma.demoProduct.findMany({ where: { shop, id: { in: ids } }, orderBy: { id: "asc" }, include: PRODUCT_INCLUDE }),
      ]);
      return rows.map((row) => toCatalogProduct(row, demoShop.currencyCode));
    },

    async listCollections(page) {
      const first = pageSize(page.first);
      const rows = await prisma.demoCollection.findMany({
        where: { shop, ...(page.after ? { id: { gt: page.after } } : {}) },
        orderBy: { id: "asc" },
        take: first + 1,
        select: { id: true, title: true, handle: true },
      });
      return pageFrom(rows, first, (collection) => collection.id);
    },

    async countOrders() {
      return prisma.demoOrder.count({ where: { shop } });
    },

    // The demo store's export finishes at once: a snapshot of the orders created up to the operation's start,
    // written in Shopify's JSONL format, so the backfill reads it exactly as it reads Shopify's.
    async startOrdersExport() {
      const until = new Date();
      return demoExport(`gid://shopify/BulkOperation/${until.getTime()}`, await prisma.demoOrder.count({ where: { shop, createdAt: { lte: until } } }));
    },

    async getBulkOperation(id) {
      const until = demoExportTime(id);
      if (!until) return null;
      return demoExport(id, await prisma.demoOrder.count({ where: { shop, createdAt: { lte: until } } }));
    },

    async *readBulkOperationResult(url) {
      if (!url.startsWith(`${DEMO_EXPORT_URL}?`)) throw new ShopDataError(`Unknown export ${url}`);
      const until = new Date(Number(new URL(url).searchParams.get("until")));
      if (Number.isNaN(until.getTime())) throw new ShopDataError(`Unknown export ${url}`);
      let after: { createdAt: Date; id: string } | null = null;
      for (;;) {
        const rows: DemoOrderWithLines[] = await prisma.demoOrder.findMany({
          where: { shop, createdAt: { lte: until }, ...(after ? { OR: [{ createdAt: { gt: after.createdAt } }, { createdAt: after.createdAt, id: { gt: after.id } }] } : {}) },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
          take: 500,
          include: { lines: { orderBy: { id: "asc" } }, refunds: { select: { id: true }, orderBy: { id: "asc" } } },
        });
        for (const row of rows) yield* bulkLinesOf(row);
        const last = rows.at(-1);
        if (!last) return;
        after = { createdAt: last.createdAt, id: last.id };
      }
    },

    async getOrderRefunds(orderIds) {
      const [demoShop, rows] = await Promise.all([
        requireDemoShop(),
        prisma.demoRefund.findMany({ where: { shop, orderId: { in: orderIds } }, orderBy: { id: "asc" } }),
      ]);
      return rows.map((row) => ({ refundId: row.id, orderId: row.orderId, createdAt: row.createdAt, amount: money(row.amountMinor, demoShop.currencyCode) }));
    },

    async getAppMetafield(key) {
      const row = await prisma.demoMetafield.findUnique({
        where: { shop_ownerId_namespace_key: { shop, ownerId: DEMO_APP_INSTALLATION_ID, namespace: "$app", key } },
      });
      return row?.value ?? null;
    },

    async setAppMetafields(metafields) {
      await prisma.$transaction((tx) => writeMetafields(tx, DEMO_APP_INSTALLATION_ID, metafields));
    },

    async findAutomaticAppDiscount(title) {
      const row = await prisma.demoDiscount.findFirst({ where: { shop, title }, orderBy: { createdAt: "asc" } });
      return row ? { discountId: row.id } : null;
    },

    async setVariantMetafields(metafields) {
      await prisma.$transaction(async (tx) => {
        for (const { variantId, ...metafield } of metafields) await writeMetafields(tx, variantId, [metafield]);
      });
    },

    async saveAutomaticAppDiscount(input) {
      const errors = discountUserErrors(input);
      if (errors.length > 0) {
        throw new ShopDataError(`Saving the discount "${input.title}" failed: ${errors.map((e) => e.message).join("; ")}`, errors);
      }
      const fields = {
        title: input.title,
        functionHandle: input.functionHandle,
        startsAt: input.startsAt,
        endsAt: input.endsAt,
        combinesWith: input.combinesWith,
        discountClasses: input.discountClasses,
      };
      return prisma.$transaction(async (tx) => {
        let discountId = input.discountId;
        if (discountId) {
          const updated = await tx.demoDiscount.updateMany({ where: { shop, id: discountId }, data: fields });
          if (updated.count === 0) {
            throw new ShopDataError("Saving the discount failed: Discount does not exist", [
              { field: ["id"], message: "Discount does not exist" },
            ]);
          }
        } else {
          discountId = `gid://shopify/DiscountAutomaticNode/${randomUUID()}`;
          await tx.demoDiscount.create({ data: { shop, id: discountId, ...fields } });
        }
        await writeMetafields(tx, discountId, input.metafields);
        return { discountId };
      });
    },

    async deleteAutomaticAppDiscount(discountId) {
      await prisma.$transaction(async (tx) => {
        const deleted = await tx.demoDiscount.deleteMany({ where: { shop, id: discountId } });
        if (deleted.count === 0) {
          throw new ShopDataError("Deleting the discount failed: Discount does not exist", [
            { field: ["id"], message: "Discount does not exist" },
          ]);
        }
        await tx.demoMetafield.deleteMany({ where: { shop, ownerId: discountId } });
      });
    },
  };
}
