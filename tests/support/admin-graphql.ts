import type { AdminGraphqlClient } from "../../app/shop-data/admin-graphql.server";

export type RecordedCall = { operation: string; name: string | undefined; variables: Record<string, unknown> | undefined };

/**
 * An Admin GraphQL client standing in for Shopify: each operation name is answered by a handler, every call is
 * recorded, and an operation without a handler fails the test loudly.
 */
export function fakeAdminGraphql(handlers: Record<string, (variables: Record<string, unknown>) => unknown>) {
  const calls: RecordedCall[] = [];
  const client: AdminGraphqlClient = async (operation, options) => {
    const name = /(?:query|mutation)\s+(\w+)/.exec(operation)?.[1];
    calls.push({ operation, name, variables: options?.variables });
    const handler = name ? handlers[name] : undefined;
    if (!handler) throw new Error(`Unexpected Admin GraphQL operation ${name}`);
    return new Response(JSON.stringify({ data: handler(options?.variables ?? {}) }));
  };
  return { client, calls, names: () => calls.map((call) => call.name) };
}

export const shopInfoResponse = (currencyCode = "USD") => ({
  shop: { name: "Test shop", currencyCode, ianaTimezone: "UTC", myshopifyDomain: "test.myshopify.com" },
  shopLocales: [{ locale: "en", primary: true }],
});
