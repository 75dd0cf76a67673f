import type { PrismaClient } from "@prisma/client";
import { SHOP_SCOPED_TABLES } from "../../app/services/compliance.server";
import { customerKey } from "../../app/services/order-pipeline.server";

/** Puts at least one row for `shop` into every table of the schema. */
export async function fillEveryTable(prisma: PrismaClient, shop: string): Promise<void> {
  const product = `gid://shopify/Product/${shop}-1`;
  const collection = `gid://shopify/Collection/${shop}-1`;
  const order = `gid://shopify/Order/${shop}-1`;
  const customer = "gid://shopify/Customer/191167";
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", accessToken: "token" } });
  await prisma.shop.create({ data: { shop, scope: "read_products" } });
  await prisma.webhookDelivery.create({ data: { webhookId: `${shop}-webhook`, shop, topic: "APP_UNINSTALLED" } });
  await prisma.complianceRequest.create({ data: { shop, topic: "CUSTOMERS_DATA_REQUEST", customerId: "191167", report: {} } });
  await prisma.demoShop.create({
    data: { shop, name: shop, currencyCode: "USD", ianaTimezone: "UTC", primaryLocale: "en", seedVersion: 0 },
  });
  await prisma.demoProduct.create({
    data: {
      shop, id: product, title: "Kettle", handle: "kettle", vendor: "V", productType: "Kettle", tags: [], status: "ACTIVE",
      publishedOnlineStore: true, createdAt: new Date(),
      variants: {
        create: [{ id: `${product}-v`, title: "Default Title", sku: "K", priceMinor: 4500, inventoryQuantity: 3, inventoryPolicy: "DENY", position: 1 }],
      },
    },
  });
  await prisma.demoCollection.create({ data: { shop, id: collection, title: "Brewing", handle: "brewing" } });
  await prisma.demoCollectionProduct.create({ data: { shop, collectionId: collection, productId: product, position: 0 } });
  await prisma.demoCustomer.create({
    data: { shop, id: customer, email: "ada@example.com", firstName: "Ada", lastName: "L", createdAt: new Date() },
  });
  await prisma.demoOrder.create({
    data: {
      shop, id: order, name: "#1001", createdAt: new Date(), updatedAt: new Date(), currencyCode: "USD", customerId: customer,
      subtotalMinor: 4500, totalDiscountMinor: 0,
      lines: {
        create: [{ id: `${order}-l`, productId: product, variantId: `${product}-v`, title: "Kettle", quantity: 1, unitPriceMinor: 4500, discountMinor: 0, properties: {} }],
      },
      refunds: { create: [{ id: `${order}-r`, createdAt: new Date(), amountMinor: 1000 }] },
    },
  });
  await prisma.demoMetafield.create({ data: { shop, ownerId: "gid://shopify/AppInstallation/1", namespace: "$app", key: "k", type: "json", value: "{}" } });
  await prisma.offer.create({
    data: {
      shop, id: "offer-1", kind: "spend_tiers", title: "Spend more", status: "active", priority: 0,
      definition: { id: "offer-1", title: "Spend more", status: "active", priority: 0, combinesWith: { product: true, order: true, shipping: true }, kind: "spend_tiers", tiers: [{ minSubtotalMinor: 5000, freeShipping: true }] },
      texts: {},
    },
  });
  await prisma.offerPublication.create({ data: { shop, discountId: `gid://shopify/DiscountAutomaticNode/${shop}` } });
  await prisma.shopSettings.create({ data: { shop } });
  await prisma.orderEvent.create({ data: { shop, webhookId: `${shop}-order-event`, topic: "ORDERS_CREATE", payload: { id: 1, customer: { id: 191167, email: "ada@example.com" } } } });
  await prisma.orderFact.create({
    data: {
      shop, orderId: "gid://shopify/Order/1", name: "#1001", currencyCode: "USD", presentmentCurrency: "USD",
      customerKey: customerKey(shop, "gid://shopify/Customer/191167"), processedAt: new Date(), sourceUpdatedAt: new Date(),
      subtotalMinor: 4500, totalDiscountMinor: 0, test: false,
      lines: { create: [{ lineId: "gid://shopify/LineItem/1", productId: product, variantId: `${product}-v`, quantity: 1, unitPriceMinor: 4500, discountMinor: 0, properties: {} }] },
    },
  });
  await prisma.salesBucket.create({ data: { shop, bucketStart: new Date("2026-11-01T00:00:00Z"), orders: 1, ordersWithOffer: 0, units: 1, grossMinor: 4500, discountMinor: 0, grossWithOfferMinor: 0, discountWithOfferMinor: 0, refundMinor: 100 } });
  await prisma.offerBucket.create({ data: { shop, bucketStart: new Date("2026-11-01T00:00:00Z"), offerId: "kit", orders: 1, units: 1, revenueMinor: 4500, refundMinor: 0 } });
  await prisma.salesDay.create({ data: { shop, timeZone: "UTC", day: "2026-11-01", orders: 1, ordersWithOffer: 0, units: 1, grossMinor: 4500n, discountMinor: 0n, grossWithOfferMinor: 0n, discountWithOfferMinor: 0n, refundMinor: 0n } });
  await prisma.offerDay.create({ data: { shop, timeZone: "UTC", day: "2026-11-01", offerId: "kit", orders: 1, units: 1, revenueMinor: 4500n, refundMinor: 0n } });
  await prisma.eventDay.create({ data: { shop, timeZone: "UTC", day: "2026-11-01", offerId: "kit", impressions: 3, clicks: 0, adds: 0, dismissals: 0 } });
  await prisma.customerCount.create({ data: { shop, start: new Date("2026-11-01T00:00:00Z"), end: new Date("2026-11-02T00:00:00Z"), customers: 1, returning: 0 } });
  await prisma.dashboardCache.create({ data: { shop, version: 1 } });
  await prisma.offerEventBucket.create({ data: { shop, bucketStart: new Date("2026-11-01T00:00:00Z"), offerId: "kit", placement: "product_page", impressions: 3 } });
  await prisma.orderRefund.create({ data: { shop, refundId: "gid://shopify/Refund/1", orderId: "gid://shopify/Order/1", amountMinor: 100, createdAt: new Date() } });
  await prisma.productOrderStat.create({ data: { shop, productId: product, orderCount: 5, weightedCount: 4.5 } });
  await prisma.productComplement.create({ data: { shop, productId: product, complementId: `${product}-2`, pairCount: 3, confidence: 0.6, lift: 2, rank: 1 } });
  await prisma.complementOverride.create({ data: { shop, productId: product, complementId: `${product}-2`, kind: "pin" } });
  await prisma.productPairStat.create({ data: { shop, productA: product, productB: `${product}-2`, pairCount: 3, weightedCount: 2.5 } });
  await prisma.productStatTotal.create({ data: { shop, orderCount: 5, weightedCount: 4.5 } });
  await prisma.productTripleRule.create({ data: { shop, productA: product, productB: `${product}-2`, complementId: `${product}-3`, tripleCount: 3, confidence: 0.5, lift: 2, rank: 1 } });
  await prisma.orderBackfill.create({ data: { shop, status: "importing", operationId: "gid://shopify/BulkOperation/1", startedAt: new Date() } });
  await prisma.recommendationRun.create({ data: { shop, status: "finished", startedAt: new Date() } });
  await prisma.demoDiscount.create({
    data: {
      shop, id: `gid://shopify/DiscountAutomaticNode/${shop}`, title: "Bundle", functionHandle: "f", startsAt: new Date(),
      combinesWith: {}, discountClasses: ["PRODUCT"],
    },
  });
}

/** Rows per table for one shop. */
export async function countRowsPerTable(prisma: PrismaClient, shop: string): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of SHOP_SCOPED_TABLES) {
    const rows = await prisma.$queryRawUnsafe<{ count: bigint | number }[]>(
      `SELECT count(*) AS count FROM "${table}" WHERE "shop" = $1`,
      shop,
    );
    counts[table] = Number(rows[0]?.count ?? 0);
  }
  return counts;
}
