// Webhook routes through Shopify's real library: signed with the app secret they are processed; otherwise refused
// without any effect.
import { API_SECRET_KEY } from "@shopify/shopify-api/test-helpers";
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/db.server";
import { SHOP_SCOPED_TABLES } from "../../app/services/compliance.server";
import { action as appUninstalled } from "../../app/routes/webhooks.app.uninstalled";
import { action as scopesUpdate } from "../../app/routes/webhooks.app.scopes_update";
import { action as customersDataRequest } from "../../app/routes/webhooks.customers.data_request";
import { action as customersRedact } from "../../app/routes/webhooks.customers.redact";
import { action as shopRedact } from "../../app/routes/webhooks.shop.redact";
import { countRowsPerTable, fillEveryTable } from "../data-layer/fixtures";
import { webhookRequest } from "../support/webhooks";

type Action = (args: { request: Request; params: Record<string, string>; context: Record<string, unknown> }) => Promise<Response>;

/** Calls a route action as Remix would; a thrown Response (the library's 401/400) is the answer too. */
async function post(action: Action, request: Request): Promise<Response> {
  try {
    return await action({ request, params: {}, context: {} });
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const signed = (path: string, topic: string, shop: string, payload: unknown, webhookId?: string) =>
  webhookRequest({ path, topic, shop, body: JSON.stringify(payload), secret: API_SECRET_KEY, webhookId });

describe("webhook authentication", () => {
  it("answers 401 to a wrong signature and changes nothing", async () => {
    const shop = "forged.myshopify.com";
    await fillEveryTable(prisma, shop);
    const before = await countRowsPerTable(prisma, shop);
    const forged = webhookRequest({
      path: "/webhooks/shop/redact",
      topic: "shop/redact",
      shop,
      body: JSON.stringify({ shop_id: 1, shop_domain: shop }),
      secret: "not-the-app-secret",
    });
    expect((await post(shopRedact, forged)).status).toBe(401);
    expect(await countRowsPerTable(prisma, shop)).toEqual(before);
  });

  it("answers 401 when the body was altered after signing", async () => {
    const request = signed("/webhooks/app/uninstalled", "app/uninstalled", "tamper.myshopify.com", { id: 1 });
    const tampered = new Request(request.url, { method: "POST", headers: request.headers, body: JSON.stringify({ id: 2 }) });
    expect((await post(appUninstalled, tampered)).status).toBe(401);
  });

  it("answers 400 to a signed request missing Shopify's headers", async () => {
    const request = signed("/webhooks/app/uninstalled", "app/uninstalled", "headers.myshopify.com", { id: 1 });
    request.headers.delete("X-Shopify-Webhook-Id");
    expect((await post(appUninstalled, request)).status).toBe(400);
  });

  it("answers 400 to a correctly signed body that is not JSON, recording nothing", async () => {
    const request = webhookRequest({
      path: "/webhooks/app/uninstalled",
      topic: "app/uninstalled",
      shop: "garbled.myshopify.com",
      body: "{not json",
      secret: API_SECRET_KEY,
    });
    expect((await post(appUninstalled, request)).status).toBe(400);
    expect(await prisma.webhookDelivery.count({ where: { shop: "garbled.myshopify.com" } })).toBe(0);
  });

  it("answers 400 to a payload of the wrong shape, changing nothing", async () => {
    const shop = "shape.myshopify.com";
    await fillEveryTable(prisma, shop);
    const before = await countRowsPerTable(prisma, shop);
    const request = signed("/webhooks/customers/redact", "customers/redact", shop, { shop_id: 1, shop_domain: shop });
    const response = await post(customersRedact, request);
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("payload");
    expect(await countRowsPerTable(prisma, shop)).toEqual(before);
  });
});

describe("app lifecycle webhooks", () => {
  it("app/uninstalled removes the shop's sessions and marks it uninstalled, leaving other shops alone", async () => {
    await fillEveryTable(prisma, "leaving.myshopify.com");
    await fillEveryTable(prisma, "staying.myshopify.com");
    const response = await post(appUninstalled, signed("/webhooks/app/uninstalled", "app/uninstalled", "leaving.myshopify.com", { id: 1 }));
    expect(response.status).toBe(200);
    expect(await prisma.session.count({ where: { shop: "leaving.myshopify.com" } })).toBe(0);
    expect((await prisma.shop.findUnique({ where: { shop: "leaving.myshopify.com" } }))?.uninstalledAt).toBeInstanceOf(Date);
    expect(await prisma.session.count({ where: { shop: "staying.myshopify.com" } })).toBe(1);
    expect((await prisma.shop.findUnique({ where: { shop: "staying.myshopify.com" } }))?.uninstalledAt).toBeNull();
  });

  it("app/scopes_update stores the new scopes, and a replay of the same webhook id has no second effect", async () => {
    const shop = "scopes.myshopify.com";
    await fillEveryTable(prisma, shop);
    const payload = { id: 1, previous: ["read_products"], current: ["read_products", "read_orders"], updated_at: "2026-11-21T00:00:00Z" };
    const first = await post(scopesUpdate, signed("/webhooks/app/scopes_update", "app/scopes_update", shop, payload, "same-id"));
    expect(first.status).toBe(200);
    expect((await prisma.session.findFirst({ where: { shop } }))?.scope).toBe("read_products,read_orders");

    await prisma.session.updateMany({ where: { shop }, data: { scope: "changed-since" } });
    const replay = await post(scopesUpdate, signed("/webhooks/app/scopes_update", "app/scopes_update", shop, payload, "same-id"));
    expect(replay.status).toBe(200);
    expect((await prisma.session.findFirst({ where: { shop } }))?.scope).toBe("changed-since");
  });
});

describe("mandatory compliance webhooks", () => {
  it("shop/redact removes every row of that shop from every table", async () => {
    const shop = "redacted.myshopify.com";
    await fillEveryTable(prisma, shop);
    await fillEveryTable(prisma, "neighbour.myshopify.com");
    const neighbour = await countRowsPerTable(prisma, "neighbour.myshopify.com");

    const response = await post(shopRedact, signed("/webhooks/shop/redact", "shop/redact", shop, { shop_id: 1, shop_domain: shop }));
    expect(response.status).toBe(200);
    expect(await countRowsPerTable(prisma, shop)).toEqual(Object.fromEntries(SHOP_SCOPED_TABLES.map((table) => [table, 0])));
    expect(await countRowsPerTable(prisma, "neighbour.myshopify.com")).toEqual(neighbour);
  });

  it("customers/data_request keeps a report of the customer's data; customers/redact erases it", async () => {
    const shop = "gdpr.myshopify.com";
    await fillEveryTable(prisma, shop);
    const customer = { id: 191167, email: "ada@example.com", phone: null };
    const request = await post(
      customersDataRequest,
      signed("/webhooks/customers/data_request", "customers/data_request", shop, {
        shop_id: 1, shop_domain: shop, customer, orders_requested: [299938], data_request: { id: 9999 },
      }),
    );
    expect(request.status).toBe(200);
    const report = await prisma.complianceRequest.findFirstOrThrow({ where: { shop, topic: "CUSTOMERS_DATA_REQUEST", customerId: "191167", NOT: { report: { equals: {} } } } });
    expect(JSON.stringify(report.report)).toContain("ada@example.com");

    const redact = await post(
      customersRedact,
      signed("/webhooks/customers/redact", "customers/redact", shop, { shop_id: 1, shop_domain: shop, customer, orders_to_redact: [299938] }),
    );
    expect(redact.status).toBe(200);
    expect(await prisma.demoCustomer.count({ where: { shop } })).toBe(0);
    expect(JSON.stringify(await prisma.complianceRequest.findMany({ where: { shop } }))).not.toContain("ada@example.com");
  });
});
