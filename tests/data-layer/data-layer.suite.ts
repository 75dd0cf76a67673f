// Data-layer behaviour that must hold on the embedded database and on PostgreSQL alike: the same suite runs on both
// (tests/integration/data-layer.pglite.test.ts and tests/postgres/data-layer.test.ts).
import { Prisma } from "@prisma/client";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../app/db/database.server";
import { migrate, MigrationError, readMigrations } from "../../app/db/migrate.server";
import { DEMO_ORDER_COUNT } from "../../app/demo/generate";
import { seedDemoShop } from "../../app/demo/seed.server";
import { redactCustomerData, redactShop, reportCustomerData, SHOP_SCOPED_TABLES } from "../../app/services/compliance.server";
import { processWebhookOnce } from "../../app/services/webhook-deliveries.server";
import { createDemoShopData } from "../../app/shop-data/demo-adapter.server";
import { ShopDataError, type CatalogProduct } from "../../app/shop-data/port";
import { assembleBulkOrders, type BulkOrder } from "../../app/domain/orders/bulk-orders";
import { openMigratedDatabase } from "../support/database";
import { countRowsPerTable, fillEveryTable } from "./fixtures";

const SEED_NOW = new Date("2026-11-01T12:00:00Z");
const DEMO = "suite-demo.myshopify.com";

export function dataLayerSuite(databaseUrl: () => string) {
  let database: Database;

  beforeAll(async () => {
    database = await openMigratedDatabase(databaseUrl());
  });
  afterAll(async () => {
    await database.close();
  });

  describe("migrations", () => {
    it("records every applied migration in Prisma's _prisma_migrations table, and a second run applies nothing", async () => {
      const migrations = await readMigrations("prisma/migrations");
      const rows = await database.prisma.$queryRaw<{ migration_name: string; checksum: string }[]>`
        SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`;
      expect(rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
      expect(await migrate(database, migrations)).toEqual({ applied: [], alreadyApplied: migrations.map((m) => m.name) });
    });

    it("refuses to run when an applied migration's file was edited", async () => {
      const migrations = await readMigrations("prisma/migrations");
      const edited = migrations.map((m, i) => (i === 0 ? { ...m, checksum: "0".repeat(64) } : m));
      await expect(migrate(database, edited)).rejects.toThrow(/was changed after it was applied/);
    });

    it("rolls a failing migration back completely and does not record it", async () => {
      const migrations = await readMigrations("prisma/migrations");
      const broken = { name: "99991231000000_broken", sql: 'CREATE TABLE "Half" (id int);\nSELECT * FROM "Missing";', checksum: "x" };
      await expect(migrate(database, [...migrations, broken])).rejects.toThrow(MigrationError);
      const tables = await database.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM information_schema.tables WHERE table_name = 'Half'`;
      expect(Number(tables[0]?.n)).toBe(0);
      const recorded = await database.prisma.$queryRaw<{ n: bigint }[]>`
        SELECT count(*) AS n FROM "_prisma_migrations" WHERE migration_name = ${broken.name}`;
      expect(Number(recorded[0]?.n)).toBe(0);
    });
  });

  describe("webhook deliveries", () => {
    const delivery = (webhookId: string) => ({ webhookId, shop: "hooks.myshopify.com", topic: "APP_SCOPES_UPDATE" });
    const bumpScope = (tx: Prisma.TransactionClient) =>
      tx.shop.upsert({
        where: { shop: "hooks.myshopify.com" },
        create: { shop: "hooks.myshopify.com", scope: "1" },
        update: { scope: { set: "2" } },
      });

    it("runs the effect of a replayed webhook only once", async () => {
      expect(await processWebhookOnce(database.prisma, delivery("w-1"), async (tx) => void (await bumpScope(tx)))).toBe("processed");
      expect(await processWebhookOnce(database.prisma, delivery("w-1"), async (tx) => void (await bumpScope(tx)))).toBe("duplicate");
      expect((await database.prisma.shop.findUnique({ where: { shop: "hooks.myshopify.com" } }))?.scope).toBe("1");
    });

    it("lets one of two simultaneous deliveries of the same webhook through", async () => {
      let effects = 0;
      const outcomes = await Promise.all(
        [1, 2].map(() => processWebhookOnce(database.prisma, delivery("w-2"), async () => void (effects += 1))),
      );
      expect(outcomes.sort()).toEqual(["duplicate", "processed"]);
      expect(effects).toBe(1);
    });

    it("does not record a delivery whose effect failed, so Shopify's retry runs it", async () => {
      await expect(
        processWebhookOnce(database.prisma, delivery("w-3"), async () => {
          throw new Error("boom");
        }),
      ).rejects.toThrow("boom");
      expect(await processWebhookOnce(database.prisma, delivery("w-3"), async () => undefined)).toBe("processed");
    });
  });

  describe("privacy", () => {
    it("every table carries the shop it belongs to", () => {
      for (const model of Prisma.dmmf.datamodel.models) {
        expect(model.fields.map((field) => field.name), model.name).toContain("shop");
      }
    });

    it("shop/redact deletes every row of that shop in every table and no other shop's", async () => {
      await fillEveryTable(database.prisma, "gone.myshopify.com");
      await fillEveryTable(database.prisma, "kept.myshopify.com");
      const keptBefore = await countRowsPerTable(database.prisma, "kept.myshopify.com");
      const goneBefore = await countRowsPerTable(database.prisma, "gone.myshopify.com");
      expect(Object.values(goneBefore).every((count) => count > 0), JSON.stringify(goneBefore)).toBe(true);

      await database.prisma.$transaction((tx) => redactShop(tx, "gone.myshopify.com"));

      const goneAfter = await countRowsPerTable(database.prisma, "gone.myshopify.com");
      expect(goneAfter).toEqual(Object.fromEntries(SHOP_SCOPED_TABLES.map((table) => [table, 0])));
      expect(await countRowsPerTable(database.prisma, "kept.myshopify.com")).toEqual(keptBefore);
    });

    it("customers/data_request reports what is held; customers/redact removes it, including earlier reports", async () => {
      const shop = "privacy.myshopify.com";
      await fillEveryTable(database.prisma, shop);
      const customer = { id: 191167, email: "ada@example.com" };
      const report = await database.prisma.$transaction((tx) =>
        reportCustomerData(tx, shop, { customer, ordersRequested: [1], dataRequestId: 7 }),
      );
      expect(report.holdings.map((holding) => holding.holder)).toEqual(["demo store customers", "demo store orders", "order webhooks awaiting processing", "orders"]);
      expect(JSON.stringify(report)).toContain("ada@example.com");

      const redacted = await database.prisma.$transaction((tx) =>
        redactCustomerData(tx, shop, { customer, ordersToRedact: [1] }),
      );
      expect(redacted).toEqual({ "demo store customers": 1, "demo store orders": 1, "order webhooks awaiting processing": 1, "orders": 1, "data request reports": 2 });
      expect(await database.prisma.orderFact.count({ where: { shop, customerKey: { not: null } } })).toBe(0);
      const event = await database.prisma.orderEvent.findFirstOrThrow({ where: { shop } });
      expect(event.payload).toEqual({ id: 1 });
      expect(await database.prisma.demoCustomer.count({ where: { shop } })).toBe(0);
      expect(await database.prisma.demoOrder.count({ where: { shop, customerId: { not: null } } })).toBe(0);
      const remaining = await database.prisma.complianceRequest.findMany({ where: { shop } });
      expect(remaining.map((request) => request.topic)).toEqual(["CUSTOMERS_REDACT"]);
      expect(JSON.stringify(remaining)).not.toContain("ada@example.com");
    });
  });

  describe("demo store", () => {
    beforeAll(async () => {
      await seedDemoShop(database.prisma, SEED_NOW, DEMO);
    });

    it("seeds a realistic shop once, and a second run changes nothing", async () => {
      const counts = async () => ({
        products: await database.prisma.demoProduct.count({ where: { shop: DEMO } }),
        variants: await database.prisma.demoVariant.count({ where: { shop: DEMO } }),
        soldOut: await database.prisma.demoVariant.count({ where: { shop: DEMO, inventoryQuantity: 0 } }),
        orders: await database.prisma.demoOrder.count({ where: { shop: DEMO } }),
        lines: await database.prisma.demoOrderLine.count({ where: { shop: DEMO } }),
      });
      const before = await counts();
      expect(before.products).toBeGreaterThanOrEqual(200);
      expect(before.variants).toBeGreaterThan(before.products);
      expect(before.soldOut).toBeGreaterThan(0);
      expect(before.orders).toBe(DEMO_ORDER_COUNT);
      expect(before.lines / before.orders).toBeGreaterThan(1.5);
      expect(await seedDemoShop(database.prisma, SEED_NOW, DEMO)).toMatchObject({ seeded: false });
      expect(await counts()).toEqual(before);
    });

    it("has 180 days of history, repeat customers and planted complementary pairs", async () => {
      const range = await database.prisma.demoOrder.aggregate({ where: { shop: DEMO }, _min: { createdAt: true }, _max: { createdAt: true } });
      const days = ((range._max.createdAt?.getTime() ?? 0) - (range._min.createdAt?.getTime() ?? 0)) / 86_400_000;
      expect(days).toBeGreaterThan(175);
      expect(range._max.createdAt!.getTime()).toBeLessThanOrEqual(SEED_NOW.getTime());

      const repeat = await database.prisma.demoOrder.groupBy({
        by: ["customerId"],
        where: { shop: DEMO, customerId: { not: null } },
        having: { customerId: { _count: { gt: 1 } } },
      });
      expect(repeat.length).toBeGreaterThan(500);

      const productId = async (title: string) =>
        (await database.prisma.demoProduct.findFirstOrThrow({ where: { shop: DEMO, title } })).id;
      const dripper = await productId("Ceramic Pour-Over Dripper");
      const filters = await productId("Paper Filters Size 02 (100)");
      const ordersWith = async (id: string) =>
        new Set((await database.prisma.demoOrderLine.findMany({ where: { shop: DEMO, productId: id }, select: { orderId: true } })).map((l) => l.orderId));
      const a = await ordersWith(dripper);
      const b = await ordersWith(filters);
      const both = [...a].filter((order) => b.has(order)).length;
      const lift = (both * DEMO_ORDER_COUNT) / (a.size * b.size);
      expect(both).toBeGreaterThan(20);
      expect(lift).toBeGreaterThan(3);
    });

    it("pages through the whole catalog without gaps or repeats, and knows what is sold out", async () => {
      const shopData = createDemoShopData(DEMO, database.prisma);
      const products: CatalogProduct[] = [];
      let cursor: string | null = null;
      do {
        const page = await shopData.listProducts({ first: 50, after: cursor });
        products.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      expect(new Set(products.map((p) => p.id)).size).toBe(await database.prisma.demoProduct.count({ where: { shop: DEMO } }));
      const variants = products.flatMap((p) => p.variants);
      const soldOut = variants.filter((v) => v.inventoryQuantity === 0 && v.inventoryPolicy === "DENY");
      expect(soldOut.length).toBeGreaterThan(0);
      expect(soldOut.every((v) => !v.availableForSale)).toBe(true);
      expect(variants.every((v) => v.price.currency === "USD" && Number.isInteger(v.price.amountMinor))).toBe(true);
      expect(products.find((p) => p.title === "Cast Iron Skillet")?.collectionIds).toHaveLength(1);
    });

    it("exports every order in Shopify's bulk format, which the backfill's reader assembles whole", async () => {
      const shopData = createDemoShopData(DEMO, database.prisma);
      const operation = await shopData.startOrdersExport();
      const expected = await database.prisma.demoOrder.count({ where: { shop: DEMO } });
      expect(operation).toMatchObject({ status: "COMPLETED", rootObjectCount: expected });
      expect(await shopData.getBulkOperation(operation.id)).toEqual(operation);
      const orders: BulkOrder[] = [];
      for await (const { order } of assembleBulkOrders(shopData.readBulkOperationResult(operation.url ?? ""))) orders.push(order);
      expect(orders).toHaveLength(expected);
      expect(new Set(orders.map((o) => o.orderId)).size).toBe(expected);
      const order = orders[0]!;
      expect(order.subtotalMinor).toBe(order.lines.reduce((sum, l) => sum + l.unitPriceMinor * l.quantity - l.discountMinor, 0));
      const stored = await database.prisma.demoOrder.findUniqueOrThrow({ where: { shop_id: { shop: DEMO, id: order.orderId } }, include: { lines: true } });
      expect(order.lines.map((l) => l.lineId).sort()).toEqual(stored.lines.map((l) => l.id).sort());
    });

    it("keeps shops apart: another shop sees none of the demo shop's data", async () => {
      const other = createDemoShopData("other.myshopify.com", database.prisma);
      await expect(other.getShopInfo()).rejects.toThrow(ShopDataError);
      expect(await other.countOrders()).toBe(0);
      expect((await other.listCollections({ first: 10 })).items).toEqual([]);
    });

    it("stores app metafields and automatic discounts as Shopify would, refusing what Shopify refuses", async () => {
      const shopData = createDemoShopData(DEMO, database.prisma);
      await shopData.setAppMetafields([{ key: "offers", type: "json", value: '{"v":1}' }]);
      await shopData.setAppMetafields([{ key: "offers", type: "json", value: '{"v":2}' }]);
      expect(await shopData.getAppMetafield("offers")).toBe('{"v":2}');
      expect(await shopData.getAppMetafield("missing")).toBeNull();

      const input = {
        title: "Brew kit",
        functionHandle: "pairwise-discount",
        startsAt: SEED_NOW,
        endsAt: null,
        combinesWith: { productDiscounts: false, orderDiscounts: true, shippingDiscounts: true },
        discountClasses: ["PRODUCT" as const],
        metafields: [{ key: "function-configuration", type: "json" as const, value: "{}" }],
      };
      const { discountId } = await shopData.saveAutomaticAppDiscount(input);
      await shopData.saveAutomaticAppDiscount({ ...input, discountId, title: "Brew kit 2" });
      expect(await database.prisma.demoDiscount.findMany({ where: { shop: DEMO }, select: { title: true } })).toEqual([{ title: "Brew kit 2" }]);

      const refused = shopData.saveAutomaticAppDiscount({ ...input, endsAt: new Date(SEED_NOW.getTime() - 1) });
      await expect(refused).rejects.toMatchObject({ userErrors: [{ field: ["automaticAppDiscount", "endsAt"], message: "End date must be after the start date" }] });

      const other = createDemoShopData("other.myshopify.com", database.prisma);
      await expect(other.deleteAutomaticAppDiscount(discountId)).rejects.toThrow("Discount does not exist");
      await shopData.deleteAutomaticAppDiscount(discountId);
      expect(await database.prisma.demoDiscount.count({ where: { shop: DEMO } })).toBe(0);
      expect(await database.prisma.demoMetafield.count({ where: { shop: DEMO, ownerId: discountId } })).toBe(0);
    });
  });
}
