import { Prisma } from "@prisma/client";
import { customerKey } from "./order-pipeline.server";

export type ComplianceCustomer = { id: number; email?: string | null };

/** Something the app stores that can hold a customer's personal data. Each new store of such data registers here. */
type CustomerDataHolder = {
  name: string;
  report(tx: Prisma.TransactionClient, shop: string, customer: ComplianceCustomer): Promise<unknown[]>;
  /** Deletes (or anonymises) that customer's data; returns how many records changed. */
  redact(tx: Prisma.TransactionClient, shop: string, customer: ComplianceCustomer): Promise<number>;
};

const customerGid = (customer: ComplianceCustomer) => `gid://shopify/Customer/${customer.id}`;

const CUSTOMER_DATA_HOLDERS: CustomerDataHolder[] = [
  {
    name: "demo store customers",
    report: (tx, shop, customer) =>
      tx.demoCustomer.findMany({
        where: { shop, id: customerGid(customer) },
        select: { id: true, email: true, firstName: true, lastName: true, createdAt: true },
      }),
    async redact(tx, shop, customer) {
      const deleted = await tx.demoCustomer.deleteMany({ where: { shop, id: customerGid(customer) } });
      return deleted.count;
    },
  },
  {
    name: "demo store orders",
    report: (tx, shop, customer) =>
      tx.demoOrder.findMany({
        where: { shop, customerId: customerGid(customer) },
        select: { id: true, name: true, createdAt: true, subtotalMinor: true, currencyCode: true },
        orderBy: { createdAt: "asc" },
      }),
    async redact(tx, shop, customer) {
      const updated = await tx.demoOrder.updateMany({
        where: { shop, customerId: customerGid(customer) },
        data: { customerId: null },
      });
      return updated.count;
    },
  },
  {
    // Order webhooks not processed yet still hold the customer's details as Shopify sent them.
    name: "order webhooks awaiting processing",
    report: (tx, shop, customer) =>
      tx.orderEvent.findMany({
        where: { shop, payload: { path: ["customer", "id"], equals: customer.id } },
        select: { webhookId: true, topic: true, receivedAt: true, payload: true },
      }),
    async redact(tx, shop, customer) {
      return tx.$executeRaw`
        UPDATE "OrderEvent"
        SET "payload" = "payload" - 'customer' - 'email' - 'contact_email' - 'phone' - 'billing_address' - 'shipping_address'
        WHERE "shop" = ${shop} AND "payload" -> 'customer' ->> 'id' = ${String(customer.id)}`;
    },
  },
  {
    // Orders keep only a one-way key of the customer; a redaction removes even that link.
    name: "orders",
    report: (tx, shop, customer) =>
      tx.orderFact.findMany({
        where: { shop, customerKey: customerKey(shop, customerGid(customer)) },
        select: { orderId: true, name: true, processedAt: true, subtotalMinor: true, currencyCode: true },
      }),
    async redact(tx, shop, customer) {
      const key = customerKey(shop, customerGid(customer));
      const updated = await tx.orderFact.updateMany({ where: { shop, customerKey: key }, data: { customerKey: null } });
      // Counts that included this customer are counted again without them.
      await tx.customerCount.deleteMany({ where: { shop } });
      return updated.count;
    },
  },
  {
    // Reports made for earlier data requests contain the data itself, so a redaction removes them too.
    name: "data request reports",
    report: async () => [],
    async redact(tx, shop, customer) {
      const deleted = await tx.complianceRequest.deleteMany({
        where: { shop, topic: "CUSTOMERS_DATA_REQUEST", customerId: String(customer.id) },
      });
      return deleted.count;
    },
  },
];

/** customers/data_request: assembles everything held about the customer into a report kept for the merchant. */
export async function reportCustomerData(
  tx: Prisma.TransactionClient,
  shop: string,
  request: { customer: ComplianceCustomer; ordersRequested: number[]; dataRequestId: number },
) {
  const holdings = [];
  for (const holder of CUSTOMER_DATA_HOLDERS) {
    const records = await holder.report(tx, shop, request.customer);
    if (records.length > 0) holdings.push({ holder: holder.name, records });
  }
  const report = {
    dataRequestId: request.dataRequestId,
    ordersRequested: request.ordersRequested,
    holdings,
  };
  await tx.complianceRequest.create({
    data: {
      shop,
      topic: "CUSTOMERS_DATA_REQUEST",
      customerId: String(request.customer.id),
      // Dates and the like become plain JSON, as the merchant will download it.
      report: JSON.parse(JSON.stringify(report)) as Prisma.InputJsonValue,
    },
  });
  return report;
}

/** customers/redact: removes the customer's personal data and keeps a record of what was removed (counts only). */
export async function redactCustomerData(
  tx: Prisma.TransactionClient,
  shop: string,
  request: { customer: ComplianceCustomer; ordersToRedact: number[] },
) {
  const redacted: Record<string, number> = {};
  for (const holder of CUSTOMER_DATA_HOLDERS) {
    redacted[holder.name] = await holder.redact(tx, shop, request.customer);
  }
  await tx.complianceRequest.create({
    data: {
      shop,
      topic: "CUSTOMERS_REDACT",
      customerId: String(request.customer.id),
      report: { ordersToRedact: request.ordersToRedact, redacted },
    },
  });
  return redacted;
}

/** Every table of the schema; all carry `shop` (a test holds the schema to that). */
export const SHOP_SCOPED_TABLES = Prisma.dmmf.datamodel.models.map((model) => model.dbName ?? model.name);

/** shop/redact: deletes every row held for the shop, in every table. */
export async function redactShop(tx: Prisma.TransactionClient, shop: string): Promise<Record<string, number>> {
  const deleted: Record<string, number> = {};
  for (const table of SHOP_SCOPED_TABLES) {
    // Table names come from the generated schema, never from input; the shop is a bound parameter.
    deleted[table] = await tx.$executeRawUnsafe(`DELETE FROM "${table}" WHERE "shop" = $1`, shop);
  }
  return deleted;
}
