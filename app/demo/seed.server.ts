import type { Prisma, PrismaClient } from "@prisma/client";
import { DEMO_SCOPES, DEMO_SHOP } from "../env.server";
import { recordShopInstalled } from "../services/shop-lifecycle.server";
import { bucketStart } from "../domain/metrics/rollup";
import type { EngineOffer } from "../domain/engine/types";
import { generateDemoShop } from "./generate";

/** Bump when the generated data changes: an older demo shop is then replaced on the next `npm run demo`. */
export const DEMO_SEED_VERSION = 4;

const INSERT_CHUNK = 4_000;

const EVERYWHERE = { product: true, order: true, shipping: true };

/** Offers with no order history of their own, so that the demo storefront shows every kind of block. */
const DEMO_STOREFRONT_OFFERS: EngineOffer[] = [
  {
    id: "demo-coffee-breaks",
    title: "Coffee: buy more, save more",
    status: "active",
    priority: 0,
    combinesWith: EVERYWHERE,
    kind: "quantity_breaks",
    scope: { productTypes: ["Coffee"] },
    per: "product",
    tiers: [
      { minQuantity: 2, reward: { type: "percentage", basisPoints: 500 } },
      { minQuantity: 3, reward: { type: "percentage", basisPoints: 1000 } },
    ],
  },
  {
    id: "demo-spend-tiers",
    title: "Free shipping over $75, 5 % off over $150",
    status: "active",
    priority: 0,
    combinesWith: EVERYWHERE,
    kind: "spend_tiers",
    tiers: [
      { minSubtotalMinor: 7500, freeShipping: true },
      { minSubtotalMinor: 15000, freeShipping: true, reward: { type: "percentage", basisPoints: 500 } },
    ],
  },
  {
    id: "demo-goes-well-with",
    title: "Goes well with your cart",
    status: "active",
    priority: 0,
    combinesWith: EVERYWHERE,
    kind: "cart_rule",
    actions: [{ type: "suggest_recommended" }],
  },
];

export type SeedOutcome = { seeded: boolean; products: number; orders: number; customers: number };

async function insertChunked<Row>(rows: Row[], insert: (chunk: Row[]) => Promise<unknown>) {
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    await insert(rows.slice(start, start + INSERT_CHUNK));
  }
}

const DEMO_TABLE_DELETES = (tx: Prisma.TransactionClient, shop: string) => [
  tx.demoRefund.deleteMany({ where: { shop } }),
  tx.demoOrderLine.deleteMany({ where: { shop } }),
  tx.demoOrder.deleteMany({ where: { shop } }),
  tx.demoCustomer.deleteMany({ where: { shop } }),
  tx.demoCollectionProduct.deleteMany({ where: { shop } }),
  tx.demoVariant.deleteMany({ where: { shop } }),
  tx.demoProduct.deleteMany({ where: { shop } }),
  tx.demoCollection.deleteMany({ where: { shop } }),
  tx.demoShop.deleteMany({ where: { shop } }),
];

/**
 * Seeds the demo shop in one transaction: either all of it is there afterwards or none of it. Running it again is a
 * no-op while the seed version is unchanged.
 */
export async function seedDemoShop(prisma: PrismaClient, now: Date, shop = DEMO_SHOP): Promise<SeedOutcome> {
  const existing = await prisma.demoShop.findUnique({ where: { shop } });
  if (existing?.seedVersion === DEMO_SEED_VERSION) {
    const [products, orders, customers] = await Promise.all([
      prisma.demoProduct.count({ where: { shop } }),
      prisma.demoOrder.count({ where: { shop } }),
      prisma.demoCustomer.count({ where: { shop } }),
    ]);
    return { seeded: false, products, orders, customers };
  }

  const data = generateDemoShop(now);
  await prisma.$transaction(
    async (tx) => {
      for (const deletion of DEMO_TABLE_DELETES(tx, shop)) await deletion;
      await tx.demoShop.create({
        data: {
          shop,
          name: "Copper Kettle Supply Co.",
          currencyCode: "USD",
          ianaTimezone: "America/New_York",
          primaryLocale: "en",
          locales: ["en", "fr"],
          seedVersion: DEMO_SEED_VERSION,
        },
      });
      await recordShopInstalled(tx, shop, DEMO_SCOPES);
      await tx.demoCollection.createMany({ data: data.collections.map((collection) => ({ shop, ...collection })) });
      await tx.demoProduct.createMany({
        data: data.products.map(({ variants: _variants, collectionHandle: _collection, consumable: _c, popularity: _p, ...product }) => ({
          shop,
          ...product,
        })),
      });
      await insertChunked(
        data.products.flatMap((product) => product.variants),
        (chunk) => tx.demoVariant.createMany({ data: chunk.map((variant) => ({ shop, ...variant })) }),
      );
      const collectionIdByHandle = new Map(data.collections.map((collection) => [collection.handle, collection.id]));
      await tx.demoCollectionProduct.createMany({
        data: data.products.map((product, position) => ({
          shop,
          collectionId: collectionIdByHandle.get(product.collectionHandle) ?? "",
          productId: product.id,
          position,
        })),
      });
      await insertChunked(data.customers, (chunk) =>
        tx.demoCustomer.createMany({ data: chunk.map((customer) => ({ shop, ...customer })) }),
      );
      await insertChunked(data.orders, (chunk) =>
        tx.demoOrder.createMany({
          data: chunk.map(({ lines: _lines, refunds: _refunds, ...order }) => ({
            shop,
            ...order,
            updatedAt: order.cancelledAt ?? order.createdAt,
            currencyCode: "USD",
          })),
        }),
      );
      await insertChunked(
        data.orders.flatMap((order) => order.lines),
        (chunk) => tx.demoOrderLine.createMany({ data: chunk.map((line) => ({ shop, ...line })) }),
      );
      await tx.demoRefund.createMany({ data: data.orders.flatMap((order) => order.refunds.map((refund) => ({ shop, ...refund }))) });
      // The merchant's bundles and what shoppers did with them, as the app itself would have stored them.
      await tx.offer.deleteMany({ where: { shop, id: { in: data.offers.map((offer) => offer.id) } } });
      for (const offer of data.offers) {
        const definition: EngineOffer = {
          id: offer.id,
          title: offer.title,
          status: "active",
          priority: 0,
          combinesWith: { product: true, order: true, shipping: true },
          placements: ["product_page", "cart", "checkout"],
          kind: "fixed_bundle",
          items: offer.productIds.map((id) => ({ selector: { productIds: [id] }, quantity: 1 })),
          reward: { type: "percentage", basisPoints: 1000 },
          maxApplications: 1,
        };
        await tx.offer.create({ data: { shop, id: offer.id, kind: definition.kind, title: offer.title, status: definition.status, priority: definition.priority, definition, texts: {} } });
      }
      for (const definition of DEMO_STOREFRONT_OFFERS) {
        await tx.offer.deleteMany({ where: { shop, id: definition.id } });
        await tx.offer.create({ data: { shop, id: definition.id, kind: definition.kind, title: definition.title, status: definition.status, priority: definition.priority, definition, texts: {} } });
      }
      await tx.offerEventBucket.deleteMany({ where: { shop } });
      await tx.offerEventBucket.createMany({
        data: data.offerEvents.map(({ at, ...counts }) => ({ shop, bucketStart: bucketStart(at), placement: "product_page", ...counts })),
      });
    },
    { timeout: 120_000, maxWait: 10_000 },
  );
  return { seeded: true, products: data.products.length, orders: data.orders.length, customers: data.customers.length };
}
