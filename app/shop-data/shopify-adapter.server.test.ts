import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it, vi } from "vitest";
import { BULK_ORDERS_QUERY } from "../domain/orders/bulk-orders";
import type { AdminGraphqlClient } from "./admin-graphql.server";
import { ShopDataError } from "./port";
import { createShopifyShopData } from "./shopify-adapter.server";

type Call = { operation: string; variables: Record<string, unknown> | undefined };

/** An Admin GraphQL client that answers each call with the next scripted body, recording what was asked. */
function scriptedClient(...bodies: unknown[]) {
  const calls: Call[] = [];
  const client: AdminGraphqlClient = async (operation, options) => {
    calls.push({ operation, variables: options?.variables });
    const body = bodies.shift();
    if (body instanceof Error) throw body;
    return new Response(JSON.stringify(body));
  };
  return { client, calls };
}

const operationName = (call: Call | undefined) => /(?:query|mutation)\s+(\w+)/.exec(call?.operation ?? "")?.[1];
const noSleep = vi.fn(async () => undefined);

const discountInput = {
  title: "Brew kit",
  functionHandle: "pairwise-discount",
  startsAt: new Date("2026-12-01T00:00:00Z"),
  endsAt: null,
  combinesWith: { productDiscounts: false, orderDiscounts: true, shippingDiscounts: true },
  discountClasses: ["PRODUCT" as const],
  metafields: [{ key: "function-configuration", type: "json" as const, value: '{"offers":[]}' }],
};

describe("Shopify shop-data adapter", () => {
  it("reads the catalog in integer minor units, with inventory only where Shopify tracks it", async () => {
    const { client, calls } = scriptedClient({
      data: {
        shop: { currencyCode: "JPY" },
        products: {
          nodes: [
            {
              id: "gid://shopify/Product/1", title: "Kettle", handle: "kettle", vendor: "V", productType: "Kettle",
              tags: ["brew"], status: "ACTIVE", onlineStoreUrl: "https://shop/products/kettle",
              collections: { nodes: [{ id: "gid://shopify/Collection/9" }] },
              variants: {
                nodes: [
                  {
                    id: "gid://shopify/ProductVariant/11", title: "Default Title", sku: null, price: "4500.0", compareAtPrice: "5000",
                    inventoryQuantity: 0, inventoryPolicy: "DENY", availableForSale: false,
                    inventoryItem: { tracked: true, unitCost: { amount: "2100.0", currencyCode: "JPY" } },
                  },
                  {
                    id: "gid://shopify/ProductVariant/12", title: "Gift wrap", sku: "GW", price: "300", compareAtPrice: null,
                    inventoryQuantity: 0, inventoryPolicy: "DENY", availableForSale: true,
                    inventoryItem: { tracked: false, unitCost: null },
                  },
                ],
              },
            },
          ],
          pageInfo: { hasNextPage: true, endCursor: "cursor-1" },
        },
      },
    });
    const page = await createShopifyShopData("a.myshopify.com", client).listProducts({ first: 100, after: "cursor-0" });

    expect(operationName(calls[0])).toBe("CatalogProducts");
    expect(calls[0]?.variables).toEqual({ first: 8, after: "cursor-0" });
    expect(page.nextCursor).toBe("cursor-1");
    const [tracked, untracked] = page.items[0]!.variants;
    expect(tracked).toMatchObject({
      price: { amountMinor: 4500, currency: "JPY" },
      compareAtPrice: { amountMinor: 5000, currency: "JPY" },
      unitCost: { amountMinor: 2100, currency: "JPY" },
      inventoryQuantity: 0,
      availableForSale: false,
      sku: "",
    });
    expect(untracked).toMatchObject({ inventoryQuantity: null, availableForSale: true });
    expect(page.items[0]).toMatchObject({ publishedOnlineStore: true, collectionIds: ["gid://shopify/Collection/9"] });
  });

  it("exports orders with a bulk query, polls it, streams its file, and asks for refunds separately", async () => {
    const operation = { id: "gid://shopify/BulkOperation/7", status: "RUNNING", rootObjectCount: "1200", url: null, errorCode: null };
    const { client, calls } = scriptedClient(
      { data: { ordersCount: { count: 3400 } } },
      { data: { bulkOperationRunQuery: { bulkOperation: operation, userErrors: [] } } },
      { data: { bulkOperation: { ...operation, status: "COMPLETED", rootObjectCount: "3400", url: "https://storage.example/result.jsonl" } } },
      {
        data: {
          shop: { currencyCode: "EUR" },
          nodes: [
            {
              id: "gid://shopify/Order/1",
              refunds: [{ id: "gid://shopify/Refund/5", createdAt: "2026-11-02T10:00:00Z", refundLineItems: { nodes: [{ subtotalSet: { shopMoney: { amount: "12.50", currencyCode: "EUR" } } }, { subtotalSet: { shopMoney: { amount: "2.00", currencyCode: "EUR" } } }] } }],
            },
            null,
          ],
        },
      },
    );
    const shopData = createShopifyShopData("a.myshopify.com", client);
    expect(await shopData.countOrders()).toBe(3400);
    expect(await shopData.startOrdersExport()).toMatchObject({ id: operation.id, status: "RUNNING", rootObjectCount: 1200 });
    expect(await shopData.getBulkOperation(operation.id)).toMatchObject({ status: "COMPLETED", rootObjectCount: 3400, url: "https://storage.example/result.jsonl" });
    expect(await shopData.getOrderRefunds(["gid://shopify/Order/1", "gid://shopify/Order/2"])).toEqual([
      { refundId: "gid://shopify/Refund/5", orderId: "gid://shopify/Order/1", createdAt: new Date("2026-11-02T10:00:00Z"), amount: { amountMinor: 1450, currency: "EUR" } },
    ]);
    expect(calls.map(operationName)).toEqual(["OrdersCount", "RunOrdersExport", "BulkOperationStatus", "OrderRefunds"]);
    // The bulk query is the one the JSONL reader understands.
    expect(calls[1]?.variables?.query).toBe(BULK_ORDERS_QUERY);
  });

  it("refuses to treat an export as started when Shopify reports userErrors (one bulk query at a time)", async () => {
    const { client } = scriptedClient({
      data: { bulkOperationRunQuery: { bulkOperation: null, userErrors: [{ field: null, message: "A bulk query operation for this app and shop is already in progress" }] } },
    });
    await expect(createShopifyShopData("a.myshopify.com", client).startOrdersExport()).rejects.toThrow("already in progress");
  });

  it("streams the export's file over HTTP line by line, and reports a failed download", async () => {
    const server = createServer((request, response) => {
      if (request.url !== "/ok.jsonl") return void response.writeHead(403).end();
      response.write('{"id":"gid://shopify/Order/1"}\n{"id":"gid://sho');
      response.end('pify/LineItem/1","__parentId":"gid://shopify/Order/1"}\n');
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const { port } = server.address() as AddressInfo;
    try {
      const shopData = createShopifyShopData("a.myshopify.com", scriptedClient().client);
      const lines: string[] = [];
      for await (const line of shopData.readBulkOperationResult(`http://127.0.0.1:${port}/ok.jsonl`)) lines.push(line);
      expect(lines).toEqual(['{"id":"gid://shopify/Order/1"}', '{"id":"gid://shopify/LineItem/1","__parentId":"gid://shopify/Order/1"}']);
      const expired = shopData.readBulkOperationResult(`http://127.0.0.1:${port}/expired.jsonl`)[Symbol.asyncIterator]();
      await expect(expired.next()).rejects.toThrow("HTTP 403");
    } finally {
      server.close();
    }
  });

  it("creates a discount with the exact input Shopify expects, then updates it by id", async () => {
    const created = { data: { discountAutomaticAppCreate: { automaticAppDiscount: { discountId: "gid://shopify/DiscountAutomaticNode/5" }, userErrors: [] } } };
    const updated = { data: { discountAutomaticAppUpdate: { automaticAppDiscount: { discountId: "gid://shopify/DiscountAutomaticNode/5" }, userErrors: [] } } };
    const { client, calls } = scriptedClient(created, updated);
    const shopData = createShopifyShopData("a.myshopify.com", client);

    const { discountId } = await shopData.saveAutomaticAppDiscount(discountInput);
    await shopData.saveAutomaticAppDiscount({ ...discountInput, discountId, endsAt: new Date("2027-01-01T00:00:00Z") });

    expect(calls.map(operationName)).toEqual(["CreateAutomaticAppDiscount", "UpdateAutomaticAppDiscount"]);
    expect(calls[0]?.variables).toEqual({
      discount: {
        title: "Brew kit",
        functionHandle: "pairwise-discount",
        startsAt: "2026-12-01T00:00:00.000Z",
        endsAt: null,
        combinesWith: { productDiscounts: false, orderDiscounts: true, shippingDiscounts: true },
        discountClasses: ["PRODUCT"],
        metafields: [{ namespace: "$app", key: "function-configuration", type: "json", value: '{"offers":[]}' }],
      },
    });
    expect(calls[1]?.variables).toMatchObject({ id: discountId, discount: { endsAt: "2027-01-01T00:00:00.000Z" } });
  });

  it("reports Shopify's userErrors to the caller instead of treating the write as done", async () => {
    const { client } = scriptedClient({
      data: {
        discountAutomaticAppCreate: {
          automaticAppDiscount: null,
          userErrors: [{ field: ["automaticAppDiscount", "title"], message: "Title can't be blank" }],
        },
      },
    });
    const save = createShopifyShopData("a.myshopify.com", client).saveAutomaticAppDiscount({ ...discountInput, title: "" });
    await expect(save).rejects.toBeInstanceOf(ShopDataError);
    await expect(save).rejects.toMatchObject({ userErrors: [{ field: ["automaticAppDiscount", "title"], message: "Title can't be blank" }] });
  });

  it("writes app metafields on the app installation, looking its id up once", async () => {
    const installation = { data: { currentAppInstallation: { id: "gid://shopify/AppInstallation/3" } } };
    const ok = { data: { metafieldsSet: { metafields: [{ key: "offers" }], userErrors: [] } } };
    const { client, calls } = scriptedClient(installation, ok, ok);
    const shopData = createShopifyShopData("a.myshopify.com", client);
    await shopData.setAppMetafields([{ key: "offers", type: "json", value: "[]" }]);
    await shopData.setAppMetafields([{ key: "offers", type: "json", value: "[1]" }]);
    expect(calls.map(operationName)).toEqual(["AppInstallationId", "SetAppMetafields", "SetAppMetafields"]);
    expect(calls[2]?.variables).toEqual({
      metafields: [{ ownerId: "gid://shopify/AppInstallation/3", namespace: "$app", key: "offers", type: "json", value: "[1]" }],
    });
  });

  it("waits for Shopify's rate limit to refill and retries a throttled request", async () => {
    const throttled = {
      errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }],
      extensions: { cost: { requestedQueryCost: 502, throttleStatus: { currentlyAvailable: 2, restoreRate: 100 } } },
    };
    const ok = { data: { shop: { name: "A", currencyCode: "EUR", ianaTimezone: "Europe/Paris", myshopifyDomain: "a.myshopify.com" }, shopLocales: [{ locale: "fr", primary: true }] } };
    // The Shopify library throws GraphQL errors with the body attached; the adapter reads them from there.
    const { client, calls } = scriptedClient(Object.assign(new Error("Throttled"), { body: throttled }), ok);
    const sleep = vi.fn(async () => undefined);
    const info = await createShopifyShopData("a.myshopify.com", client, sleep).getShopInfo();
    expect(info).toEqual({ shop: "a.myshopify.com", name: "A", currencyCode: "EUR", ianaTimezone: "Europe/Paris", primaryLocale: "fr", locales: ["fr"] });
    expect(calls).toHaveLength(2);
    expect(sleep).toHaveBeenCalledWith(5050);
  });

  it("gives up after repeated throttling and fails on other GraphQL errors or unexpected shapes", async () => {
    const throttled = { errors: [{ message: "Throttled", extensions: { code: "THROTTLED" } }] };
    const { client } = scriptedClient(...Array.from({ length: 6 }, () => throttled));
    await expect(createShopifyShopData("a", client, noSleep).getShopInfo()).rejects.toThrow("Throttled");

    const denied = scriptedClient({ errors: [{ message: "Access denied for orders field" }] });
    await expect(createShopifyShopData("a", denied.client, noSleep).countOrders()).rejects.toThrow(
      "Access denied for orders field",
    );

    const odd = scriptedClient({ data: { shop: { name: 1 } } });
    await expect(createShopifyShopData("a", odd.client, noSleep).getShopInfo()).rejects.toThrow("expected shape");
  });
});
