import { randomUUID } from "node:crypto";
import type { Prisma, PrismaClient } from "@prisma/client";
import { z } from "zod";
import { money } from "../domain/money";
import {
  MAX_PAGE_SIZE,
  ShopDataError,
  type AppMetafieldInput,
  type AutomaticAppDiscountInput,
  type CatalogProduct,
  type Page,
  type ShopDataPort,
  type ShopOrder,
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

// Orders are paged by (updatedAt, id), so the cursor carries both.
function orderCursor(order: { updatedAt: Date; id: string }): string {
  return `${order.updatedAt.toISOString()}|${order.id}`;
}

function parseOrderCursor(cursor: string): { updatedAt: Date; id: string } {
  const [iso, id] = cursor.split("|");
  const updatedAt = new Date(iso ?? "");
  if (!id || Number.isNaN(updatedAt.getTime())) throw new ShopDataError(`Invalid orders cursor "${cursor}"`);
  return { updatedAt, id };
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

    async listOrders(page) {
      const first = pageSize(page.first);
      const after = page.after ? parseOrderCursor(page.after) : null;
      const rows = await prisma.demoOrder.findMany({
        where: {
          shop,
          ...(page.updatedSince ? { updatedAt: { gte: page.updatedSince } } : {}),
          ...(after
            ? { OR: [{ updatedAt: { gt: after.updatedAt } }, { updatedAt: after.updatedAt, id: { gt: after.id } }] }
            : {}),
        },
        orderBy: [{ updatedAt: "asc" }, { id: "asc" }],
        take: first + 1,
        include: { lines: { orderBy: { id: "asc" } } },
      });
      const orders = rows.map(
        (row): ShopOrder => ({
          id: row.id,
          name: row.name,
          createdAt: row.createdAt,
          updatedAt: row.updatedAt,
          currencyCode: row.currencyCode,
          customerId: row.customerId,
          cancelledAt: row.cancelledAt,
          test: row.test,
          subtotal: money(row.subtotalMinor, row.currencyCode),
          totalDiscount: money(row.totalDiscountMinor, row.currencyCode),
          lines: row.lines.map((line) => ({
            id: line.id,
            productId: line.productId,
            variantId: line.variantId,
            title: line.title,
            quantity: line.quantity,
            unitPrice: money(line.unitPriceMinor, row.currencyCode),
            discount: money(line.discountMinor, row.currencyCode),
            properties: linePropertiesSchema.parse(line.properties),
          })),
        }),
      );
      return pageFrom(orders, first, orderCursor);
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
