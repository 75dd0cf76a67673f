import { z } from "zod";
import { parseDecimal, type Money } from "../domain/money";
import {
  assertNoUserErrors,
  runAdminGraphql,
  userErrorsSchema,
  type AdminGraphqlClient,
  type Sleep,
} from "./admin-graphql.server";
import {
  MAX_PAGE_SIZE,
  ShopDataError,
  type AppMetafieldInput,
  type AutomaticAppDiscountInput,
  type CatalogProduct,
  type Page,
  type PageRequest,
  type RefundRecord,
  type ShopDataPort,
} from "./port";
import { BULK_ORDERS_QUERY } from "../domain/orders/bulk-orders";
import { readLines } from "./read-lines";

// Admin GraphQL operations, one per purpose.

const SHOP_INFO_QUERY = `#graphql
  query ShopInfo {
    shop { name currencyCode ianaTimezone myshopifyDomain }
    shopLocales(published: true) { locale primary }
  }`;

// Each product brings up to 100 variants and 20 collections; 8 products a page keeps the query under Shopify's
// 1,000-point cost limit. Full catalog syncs use bulk operations instead.
const PRODUCTS_PAGE_SIZE = 8;
const PRODUCT_FIELDS = `
  id title handle vendor productType tags status onlineStoreUrl
  collections(first: 20) { nodes { id } }
  variants(first: 100) {
    nodes {
      id title sku price compareAtPrice inventoryQuantity inventoryPolicy availableForSale
      inventoryItem { tracked unitCost { amount currencyCode } }
    }
  }`;

const PRODUCTS_QUERY = `#graphql
  query CatalogProducts($first: Int!, $after: String) {
    shop { currencyCode }
    products(first: $first, after: $after, sortKey: ID) {
      nodes { ${PRODUCT_FIELDS} }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const PRODUCTS_BY_ID_QUERY = `#graphql
  query ProductsById($ids: [ID!]!) {
    shop { currencyCode }
    nodes(ids: $ids) { __typename ... on Product { ${PRODUCT_FIELDS} } }
  }`;

const COLLECTIONS_QUERY = `#graphql
  query CatalogCollections($first: Int!, $after: String) {
    collections(first: $first, after: $after, sortKey: ID) {
      nodes { id title handle }
      pageInfo { hasNextPage endCursor }
    }
  }`;

const ORDERS_COUNT_QUERY = `#graphql
  query OrdersCount { ordersCount(limit: null) { count } }`;

const RUN_ORDERS_EXPORT_MUTATION = `#graphql
  mutation RunOrdersExport($query: String!) {
    bulkOperationRunQuery(query: $query) {
      bulkOperation { id status rootObjectCount url errorCode }
      userErrors { field message }
    }
  }`;

const BULK_OPERATION_QUERY = `#graphql
  query BulkOperationStatus($id: ID!) {
    bulkOperation(id: $id) { id status rootObjectCount url errorCode }
  }`;

const ORDER_REFUNDS_QUERY = `#graphql
  query OrderRefunds($ids: [ID!]!) {
    shop { currencyCode }
    nodes(ids: $ids) {
      __typename
      ... on Order {
        id
        refunds(first: 50) {
          id createdAt
          refundLineItems(first: 250) { nodes { subtotalSet { shopMoney { amount currencyCode } } } }
        }
      }
    }
  }`;

// Refunds of up to 10 orders per request keep the query's cost (50 refunds x 250 lines each) within bounds.
const REFUND_ORDERS_PER_REQUEST = 10;

const APP_INSTALLATION_METAFIELD_QUERY = `#graphql
  query AppInstallationMetafield($key: String!) {
    currentAppInstallation { id metafield(namespace: "$app", key: $key) { value } }
  }`;

const APP_INSTALLATION_ID_QUERY = `#graphql
  query AppInstallationId { currentAppInstallation { id } }`;

const SET_METAFIELDS_MUTATION = `#graphql
  mutation SetAppMetafields($metafields: [MetafieldsSetInput!]!) {
    metafieldsSet(metafields: $metafields) {
      metafields { key }
      userErrors { field message }
    }
  }`;

const FIND_AUTOMATIC_APP_DISCOUNT_QUERY = `#graphql
  query FindAutomaticAppDiscount($query: String!) {
    discountNodes(first: 10, query: $query) {
      nodes {
        id
        discount { __typename ... on DiscountAutomaticApp { title discountId } }
      }
    }
  }`;

const CREATE_AUTOMATIC_APP_DISCOUNT_MUTATION = `#graphql
  mutation CreateAutomaticAppDiscount($discount: DiscountAutomaticAppInput!) {
    discountAutomaticAppCreate(automaticAppDiscount: $discount) {
      automaticAppDiscount { discountId }
      userErrors { field message }
    }
  }`;

const UPDATE_AUTOMATIC_APP_DISCOUNT_MUTATION = `#graphql
  mutation UpdateAutomaticAppDiscount($id: ID!, $discount: DiscountAutomaticAppInput!) {
    discountAutomaticAppUpdate(id: $id, automaticAppDiscount: $discount) {
      automaticAppDiscount { discountId }
      userErrors { field message }
    }
  }`;

const DELETE_AUTOMATIC_DISCOUNT_MUTATION = `#graphql
  mutation DeleteAutomaticDiscount($id: ID!) {
    discountAutomaticDelete(id: $id) {
      deletedAutomaticDiscountId
      userErrors { field message }
    }
  }`;

// Response schemas.

const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });
const moneyV2Schema = z.object({ amount: z.string(), currencyCode: z.string() });
const shopMoneySchema = z.object({ shopMoney: moneyV2Schema });
const idNodeSchema = z.object({ id: z.string() });

const shopInfoSchema = z.object({
  shop: z.object({ name: z.string(), currencyCode: z.string(), ianaTimezone: z.string(), myshopifyDomain: z.string() }),
  shopLocales: z.array(z.object({ locale: z.string(), primary: z.boolean() })),
});

const productNodeSchema = z.object({
        id: z.string(),
        title: z.string(),
        handle: z.string(),
        vendor: z.string(),
        productType: z.string(),
        tags: z.array(z.string()),
        status: z.enum(["ACTIVE", "DRAFT", "ARCHIVED"]),
        onlineStoreUrl: z.string().nullable(),
        collections: z.object({ nodes: z.array(idNodeSchema) }),
        variants: z.object({
          nodes: z.array(
            z.object({
              id: z.string(),
              title: z.string(),
              sku: z.string().nullable(),
              price: z.string(),
              compareAtPrice: z.string().nullable(),
              inventoryQuantity: z.number().int().nullable(),
              inventoryPolicy: z.enum(["DENY", "CONTINUE"]),
              availableForSale: z.boolean(),
              inventoryItem: z.object({ tracked: z.boolean(), unitCost: moneyV2Schema.nullable() }),
            }),
          ),
        }),
      });

const productsSchema = z.object({
  shop: z.object({ currencyCode: z.string() }),
  products: z.object({ nodes: z.array(productNodeSchema), pageInfo: pageInfoSchema }),
});

const productsByIdSchema = z.object({
  shop: z.object({ currencyCode: z.string() }),
  // Ids that are not products come back as null or as other types: each node is parsed on its own.
  nodes: z.array(z.unknown()),
});

const collectionsSchema = z.object({
  collections: z.object({
    nodes: z.array(z.object({ id: z.string(), title: z.string(), handle: z.string() })),
    pageInfo: pageInfoSchema,
  }),
});

const bulkOperationSchema = z.object({
  id: z.string(),
  status: z.enum(["CREATED", "RUNNING", "COMPLETED", "CANCELING", "CANCELED", "FAILED", "EXPIRED"]),
  // UnsignedInt64 arrives as a string.
  rootObjectCount: z.coerce.number().int(),
  url: z.string().nullable(),
  errorCode: z.string().nullable(),
});
const ordersCountSchema = z.object({ ordersCount: z.object({ count: z.number().int() }).nullable() });
const runOrdersExportSchema = z.object({
  bulkOperationRunQuery: z.object({ bulkOperation: bulkOperationSchema.nullable(), userErrors: userErrorsSchema }),
});
const bulkOperationStatusSchema = z.object({ bulkOperation: bulkOperationSchema.nullable() });
const orderRefundsNodeSchema = z.object({
  id: z.string(),
  refunds: z.array(
    z.object({
      id: z.string(),
      createdAt: z.coerce.date(),
      refundLineItems: z.object({ nodes: z.array(z.object({ subtotalSet: shopMoneySchema })) }),
    }),
  ),
});
const orderRefundsSchema = z.object({ shop: z.object({ currencyCode: z.string() }), nodes: z.array(z.unknown().nullable()) });

const appMetafieldSchema = z.object({
  currentAppInstallation: z.object({ id: z.string(), metafield: z.object({ value: z.string() }).nullable() }),
});
const appInstallationIdSchema = z.object({ currentAppInstallation: z.object({ id: z.string() }) });
const setMetafieldsSchema = z.object({
  metafieldsSet: z.object({ userErrors: userErrorsSchema }),
});
const findDiscountSchema = z.object({
  discountNodes: z.object({
    nodes: z.array(
      z.object({
        id: z.string(),
        discount: z.union([
          z.object({ __typename: z.literal("DiscountAutomaticApp"), title: z.string(), discountId: z.string() }),
          z.object({ __typename: z.string() }),
        ]),
      }),
    ),
  }),
});

const discountMutationPayload = z.object({
  automaticAppDiscount: z.object({ discountId: z.string() }).nullable(),
  userErrors: userErrorsSchema,
});
const createDiscountSchema = z.object({ discountAutomaticAppCreate: discountMutationPayload });
const updateDiscountSchema = z.object({ discountAutomaticAppUpdate: discountMutationPayload });
const deleteDiscountSchema = z.object({
  discountAutomaticDelete: z.object({ deletedAutomaticDiscountId: z.string().nullable(), userErrors: userErrorsSchema }),
});

function toCatalogProduct(product: z.infer<typeof productNodeSchema>, currency: string): CatalogProduct {
  return {
    id: product.id,
    title: product.title,
    handle: product.handle,
    vendor: product.vendor,
    productType: product.productType,
    tags: product.tags,
    status: product.status,
    publishedOnlineStore: product.onlineStoreUrl !== null,
    collectionIds: product.collections.nodes.map((collection) => collection.id),
    variants: product.variants.nodes.map((variant) => ({
      id: variant.id,
      title: variant.title,
      sku: variant.sku ?? "",
      price: parseDecimal(variant.price, currency),
      compareAtPrice: variant.compareAtPrice === null ? null : parseDecimal(variant.compareAtPrice, currency),
      unitCost: variant.inventoryItem.unitCost ? toMoney(variant.inventoryItem.unitCost) : null,
      inventoryQuantity: variant.inventoryItem.tracked ? variant.inventoryQuantity : null,
      inventoryPolicy: variant.inventoryPolicy,
      availableForSale: variant.availableForSale,
    })),
  };
}

function toMoney(value: z.infer<typeof moneyV2Schema>): Money {
  return parseDecimal(value.amount, value.currencyCode);
}

function pageOf<T>(items: T[], pageInfo: z.infer<typeof pageInfoSchema>): Page<T> {
  return { items, nextCursor: pageInfo.hasNextPage ? pageInfo.endCursor : null };
}

function discountVariables(input: AutomaticAppDiscountInput) {
  return {
    title: input.title,
    functionHandle: input.functionHandle,
    startsAt: input.startsAt.toISOString(),
    endsAt: input.endsAt?.toISOString() ?? null,
    combinesWith: input.combinesWith,
    discountClasses: input.discountClasses,
    metafields: input.metafields.map((metafield) => ({ namespace: "$app", ...metafield })),
  };
}

/** A Bulk Operation's result file, line by line as it downloads. */
async function* downloadLines(url: string): AsyncGenerator<string> {
  const response = await fetch(url);
  // A 4xx (the link expired after a week) will not get better; a 5xx may, and is left to the caller's retries.
  if (response.status >= 400 && response.status < 500) throw new ShopDataError(`Downloading the export failed with HTTP ${response.status}`);
  if (!response.ok || !response.body) throw new Error(`Downloading the export failed with HTTP ${response.status}`);
  yield* readLines(response.body);
}

/** The shop-data port over Shopify's Admin GraphQL API, for one authenticated shop. */
export function createShopifyShopData(shop: string, graphql: AdminGraphqlClient, sleep?: Sleep): ShopDataPort {
  const run = <Data>(operation: string, variables: Record<string, unknown>, schema: z.ZodType<Data>) =>
    runAdminGraphql(graphql, operation, variables, schema, sleep);
  let appInstallationId: Promise<string> | undefined;
  const getAppInstallationId = () => {
    appInstallationId ??= run(APP_INSTALLATION_ID_QUERY, {}, appInstallationIdSchema).then(
      (data) => data.currentAppInstallation.id,
    );
    return appInstallationId;
  };

  return {
    shop,

    async getShopInfo() {
      const data = await run(SHOP_INFO_QUERY, {}, shopInfoSchema);
      const primary = data.shopLocales.find((locale) => locale.primary);
      return {
        shop: data.shop.myshopifyDomain,
        name: data.shop.name,
        currencyCode: data.shop.currencyCode,
        ianaTimezone: data.shop.ianaTimezone,
        primaryLocale: primary?.locale ?? "en",
        locales: [...data.shopLocales].sort((a, b) => Number(b.primary) - Number(a.primary)).map((locale) => locale.locale),
      };
    },

    async listProducts(page: PageRequest) {
      const data = await run(
        PRODUCTS_QUERY,
        { first: Math.min(page.first, PRODUCTS_PAGE_SIZE), after: page.after ?? null },
        productsSchema,
      );
      const products = data.products.nodes.map((product) => toCatalogProduct(product, data.shop.currencyCode));
      return pageOf(products, data.products.pageInfo);
    },

    async getProducts(ids: string[]) {
      if (ids.length === 0) return [];
      const data = await run(PRODUCTS_BY_ID_QUERY, { ids: ids.slice(0, MAX_PAGE_SIZE) }, productsByIdSchema);
      return data.nodes.flatMap((node) => {
        const product = productNodeSchema.safeParse(node);
        return product.success ? [toCatalogProduct(product.data, data.shop.currencyCode)] : [];
      });
    },

    async listCollections(page: PageRequest) {
      const data = await run(
        COLLECTIONS_QUERY,
        { first: Math.min(page.first, MAX_PAGE_SIZE), after: page.after ?? null },
        collectionsSchema,
      );
      return pageOf(data.collections.nodes, data.collections.pageInfo);
    },

    async countOrders() {
      const data = await run(ORDERS_COUNT_QUERY, {}, ordersCountSchema);
      return data.ordersCount?.count ?? 0;
    },

    async startOrdersExport() {
      const data = await run(RUN_ORDERS_EXPORT_MUTATION, { query: BULK_ORDERS_QUERY }, runOrdersExportSchema);
      assertNoUserErrors("Exporting the order history failed", data.bulkOperationRunQuery.userErrors);
      const operation = data.bulkOperationRunQuery.bulkOperation;
      if (!operation) throw new ShopDataError("Shopify did not start the order export");
      return operation;
    },

    async getBulkOperation(id: string) {
      return (await run(BULK_OPERATION_QUERY, { id }, bulkOperationStatusSchema)).bulkOperation;
    },

    readBulkOperationResult(url: string) {
      return downloadLines(url);
    },

    async getOrderRefunds(orderIds: string[]) {
      const refunds: RefundRecord[] = [];
      for (let start = 0; start < orderIds.length; start += REFUND_ORDERS_PER_REQUEST) {
        const data = await run(ORDER_REFUNDS_QUERY, { ids: orderIds.slice(start, start + REFUND_ORDERS_PER_REQUEST) }, orderRefundsSchema);
        for (const node of data.nodes) {
          const order = orderRefundsNodeSchema.safeParse(node);
          if (!order.success) continue;
          for (const refund of order.data.refunds) {
            const amountMinor = refund.refundLineItems.nodes.reduce((sum, line) => sum + toMoney(line.subtotalSet.shopMoney).amountMinor, 0);
            refunds.push({ refundId: refund.id, orderId: order.data.id, createdAt: refund.createdAt, amount: { amountMinor, currency: data.shop.currencyCode } });
          }
        }
      }
      return refunds;
    },

    async getAppMetafield(key: string) {
      const data = await run(APP_INSTALLATION_METAFIELD_QUERY, { key }, appMetafieldSchema);
      return data.currentAppInstallation.metafield?.value ?? null;
    },

    async setAppMetafields(metafields: AppMetafieldInput[]) {
      const ownerId = await getAppInstallationId();
      const data = await run(
        SET_METAFIELDS_MUTATION,
        { metafields: metafields.map((metafield) => ({ ownerId, namespace: "$app", ...metafield })) },
        setMetafieldsSchema,
      );
      assertNoUserErrors("Saving the storefront configuration failed", data.metafieldsSet.userErrors);
    },

    async findAutomaticAppDiscount(title: string) {
      const query = `title:'${title.replace(/'/g, "\\'")}' AND type:app`;
      const data = await run(FIND_AUTOMATIC_APP_DISCOUNT_QUERY, { query }, findDiscountSchema);
      for (const node of data.discountNodes.nodes) {
        if ("title" in node.discount && node.discount.title === title) return { discountId: node.discount.discountId };
      }
      return null;
    },

    async setVariantMetafields(metafields) {
      // metafieldsSet takes at most 25 metafields a call.
      for (let start = 0; start < metafields.length; start += 25) {
        const batch = metafields.slice(start, start + 25).map(({ variantId, ...metafield }) => ({ ownerId: variantId, namespace: "$app", ...metafield }));
        const data = await run(SET_METAFIELDS_MUTATION, { metafields: batch }, setMetafieldsSchema);
        assertNoUserErrors("Saving product costs for the margin guard failed", data.metafieldsSet.userErrors);
      }
    },

    async saveAutomaticAppDiscount(input: AutomaticAppDiscountInput) {
      const payload = input.discountId
        ? (
            await run(
              UPDATE_AUTOMATIC_APP_DISCOUNT_MUTATION,
              { id: input.discountId, discount: discountVariables(input) },
              updateDiscountSchema,
            )
          ).discountAutomaticAppUpdate
        : (await run(CREATE_AUTOMATIC_APP_DISCOUNT_MUTATION, { discount: discountVariables(input) }, createDiscountSchema))
            .discountAutomaticAppCreate;
      assertNoUserErrors(`Saving the discount "${input.title}" failed`, payload.userErrors);
      if (!payload.automaticAppDiscount) {
        throw new ShopDataError(`Shopify returned no discount for "${input.title}" and no error`);
      }
      return { discountId: payload.automaticAppDiscount.discountId };
    },

    async deleteAutomaticAppDiscount(discountId: string) {
      const data = await run(DELETE_AUTOMATIC_DISCOUNT_MUTATION, { id: discountId }, deleteDiscountSchema);
      assertNoUserErrors("Deleting the discount failed", data.discountAutomaticDelete.userErrors);
    },
  };
}
