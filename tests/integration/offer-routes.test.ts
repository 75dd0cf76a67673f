// The offer pages' loaders and actions, called as Remix calls them, with Shopify's Admin API faked at the GraphQL
// boundary: which operations run with which variables, what the merchant sees, and that shops stay apart.
import { beforeEach, describe, expect, it, vi } from "vitest";
import { prisma } from "../../app/db.server";
import { newOffer } from "../../app/domain/offer-form";
import { createOffer, findOffer } from "../../app/models/offer.server";
import { requireAdmin } from "../../app/services/admin-context.server";
import { createDemoShopData } from "../../app/shop-data/demo-adapter.server";
import { createShopifyShopData } from "../../app/shop-data/shopify-adapter.server";
import { completeOffer } from "../../app/domain/engine/test-builders";
import * as editRoute from "../../app/routes/app.offers.$id";
import * as exportRoute from "../../app/routes/app.offers.export";
import * as importRoute from "../../app/routes/app.offers.import";
import * as indexRoute from "../../app/routes/app.offers._index";
import * as newRoute from "../../app/routes/app.offers.new.$kind";
import { fakeAdminGraphql, shopInfoResponse } from "../support/admin-graphql";

vi.mock("../../app/services/admin-context.server", () => ({ requireAdmin: vi.fn() }));

const created = { discountAutomaticAppCreate: { automaticAppDiscount: { discountId: "gid://shopify/DiscountAutomaticNode/1" }, userErrors: [] } };
const updated = { discountAutomaticAppUpdate: { automaticAppDiscount: { discountId: "gid://shopify/DiscountAutomaticNode/1" }, userErrors: [] } };
const shopifyHandlers = {
  ShopInfo: () => shopInfoResponse(),
  FindAutomaticAppDiscount: () => ({ discountNodes: { nodes: [] } }),
  CreateAutomaticAppDiscount: () => created,
  UpdateAutomaticAppDiscount: () => updated,
  AppInstallationId: () => ({ currentAppInstallation: { id: "gid://shopify/AppInstallation/1" } }),
  SetAppMetafields: () => ({ metafieldsSet: { metafields: [], userErrors: [] } }),
  // The storefront blocks find the products an offer names by handle.
  ProductsById: (variables: Record<string, unknown>) => ({
    shop: { currencyCode: "USD" },
    nodes: (variables.ids as string[]).map((id) => ({
      id, title: `Product ${id.split("/").at(-1)}`, handle: `product-${id.split("/").at(-1)}`, vendor: "V", productType: "T", tags: [], status: "ACTIVE",
      onlineStoreUrl: "https://x", collections: { nodes: [] }, variants: { nodes: [] },
    })),
  }),
};

/** Signs the next requests in as `shop`, talking to a fake Shopify; returns the recorder. */
function signInAs(shop: string, handlers: Parameters<typeof fakeAdminGraphql>[0] = shopifyHandlers) {
  const shopify = fakeAdminGraphql(handlers);
  vi.mocked(requireAdmin).mockResolvedValue({ shop, shopData: createShopifyShopData(shop, shopify.client), embedded: true });
  return shopify;
}

const args = (request: Request, params: Record<string, string> = {}) => ({ request, params, context: {} });
const post = (path: string, fields: Record<string, string | Blob>) => {
  const body = new FormData();
  for (const [key, value] of Object.entries(fields)) body.append(key, value);
  return new Request(`https://pairwise.test${path}`, { method: "POST", body });
};
async function outcome<T>(run: () => Promise<T>): Promise<T | Response> {
  try {
    return await run();
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const bundlePayload = (title = "Brew kit") => ({
  offer: {
    ...newOffer("fixed_bundle", ["product_page", "cart"]),
    title,
    status: "active",
    items: [
      { selector: { productIds: ["gid://shopify/Product/1"] }, quantity: 1 },
      { selector: { productIds: ["gid://shopify/Product/2"] }, quantity: 1 },
    ],
  },
  texts: { en: { badge: "Save 10 %" } },
});

async function seedOffer(shop: string, title: string) {
  return createOffer(shop, { offer: { ...newOffer("spend_tiers", undefined), title, status: "active" }, texts: {} });
}

beforeEach(() => vi.mocked(requireAdmin).mockReset());

describe("creating and editing offers", () => {
  it("creating an offer saves it, publishes it with the exact Admin operations, and opens it", async () => {
    const shop = "routes-create.myshopify.com";
    const shopify = signInAs(shop);
    const response = await newRoute.action(args(post("/app/offers/new/fixed_bundle", { intent: "save", payload: JSON.stringify(bundlePayload()) }), { kind: "fixed_bundle" }));

    expect(response).toBeInstanceOf(Response);
    const location = (response as Response).headers.get("Location") ?? "";
    const id = /\/app\/offers\/([^?]+)\?created=1$/.exec(location)?.[1] ?? "";
    expect((await findOffer(shop, id))?.offer).toMatchObject({ id, title: "Brew kit", status: "active", kind: "fixed_bundle" });
    expect(shopify.names()).toEqual(["ShopInfo", "FindAutomaticAppDiscount", "CreateAutomaticAppDiscount", "ProductsById", "AppInstallationId", "SetAppMetafields"]);
    expect(shopify.calls[2]?.variables).toMatchObject({ discount: { title: "Pairwise offers", functionHandle: "pairwise-discount", discountClasses: ["PRODUCT", "ORDER", "SHIPPING"] } });
    expect(shopify.calls[3]?.variables).toEqual({ ids: ["gid://shopify/Product/1", "gid://shopify/Product/2"] });
    const storefront = (shopify.calls[5]?.variables as { metafields: { key: string; value: string }[] }).metafields[0];
    expect(storefront?.key).toBe("storefront-offers");
    expect(JSON.parse(storefront?.value ?? "{}").productHandles).toEqual({ "gid://shopify/Product/1": "product-1", "gid://shopify/Product/2": "product-2" });
  });

  it("an invalid form comes back with the errors on its fields, saving and publishing nothing", async () => {
    const shop = "routes-invalid.myshopify.com";
    const shopify = signInAs(shop);
    const payload = bundlePayload("");
    payload.offer.items = [{ selector: { productIds: [] }, quantity: 0 }];
    const result = await newRoute.action(args(post("/app/offers/new/fixed_bundle", { intent: "save", payload: JSON.stringify(payload) }), { kind: "fixed_bundle" }));
    expect(result).toEqual({
      ok: false,
      errors: {
        "offer.title": "Too small: expected string to have >=1 characters",
        "offer.items.0.selector": "must name at least one product, variant, collection, tag, vendor or product type",
        "offer.items.0.quantity": "Too small: expected number to be >=1",
      },
    });
    expect(await prisma.offer.count({ where: { shop } })).toBe(0);
    expect(shopify.calls).toEqual([]);
  });

  it("Shopify's userErrors reach the form while the offer stays saved", async () => {
    const shop = "routes-user-errors.myshopify.com";
    const stored = await seedOffer(shop, "Spend more");
    signInAs(shop, {
      ...shopifyHandlers,
      CreateAutomaticAppDiscount: () => ({
        discountAutomaticAppCreate: { automaticAppDiscount: null, userErrors: [{ field: ["automaticAppDiscount", "startsAt"], message: "Start date can't be in the past" }] },
      }),
    });
    const payload = { offer: { ...stored.offer, title: "Spend more, save more" }, texts: {} };
    const result = await editRoute.action(args(post(`/app/offers/${stored.id}`, { intent: "save", payload: JSON.stringify(payload) }), { id: stored.id }));
    expect(result).toMatchObject({
      ok: true,
      publish: { ok: false, message: 'Saving the discount "Pairwise offers" failed: Start date can\'t be in the past', userErrors: [{ message: "Start date can't be in the past" }] },
    });
    expect((await findOffer(shop, stored.id))?.offer.title).toBe("Spend more, save more");
  });

  it("duplicates an offer as a draft copy", async () => {
    const shop = "routes-duplicate.myshopify.com";
    const stored = await seedOffer(shop, "Spend more");
    signInAs(shop);
    const response = (await editRoute.action(args(post(`/app/offers/${stored.id}`, { intent: "duplicate" }), { id: stored.id }))) as Response;
    const copyId = /\/app\/offers\/([^?]+)/.exec(response.headers.get("Location") ?? "")?.[1] ?? "";
    expect((await findOffer(shop, copyId))?.offer).toMatchObject({ title: "Spend more (copy)", status: "draft" });
  });
});

describe("tenant isolation", () => {
  it("another shop cannot read, edit, duplicate, delete or bulk-change an offer by its id", async () => {
    const owner = "routes-owner.myshopify.com";
    const stored = await seedOffer(owner, "Owner's offer");
    const before = await prisma.offer.findFirst({ where: { shop: owner, id: stored.id } });
    const intruder = signInAs("routes-intruder.myshopify.com");

    const read = await outcome(() => editRoute.loader(args(new Request(`https://pairwise.test/app/offers/${stored.id}`), { id: stored.id })));
    expect((read as Response).status).toBe(404);
    const payload = JSON.stringify({ offer: { ...stored.offer, title: "Hijacked" }, texts: {} });
    const attempts: Record<string, string>[] = [{ intent: "save", payload }, { intent: "duplicate" }, { intent: "delete" }];
    for (const fields of attempts) {
      const response = await outcome(() => editRoute.action(args(post(`/app/offers/${stored.id}`, fields), { id: stored.id })));
      expect((response as Response).status, fields.intent).toBe(404);
    }
    for (const intent of ["pause", "delete"]) {
      const result = await indexRoute.action(args(post("/app/offers", { intent, ids: JSON.stringify([stored.id]) })));
      expect(result).toMatchObject({ ok: true, changed: 0 });
    }
    expect(await prisma.offer.findFirst({ where: { shop: owner, id: stored.id } })).toEqual(before);
    expect(await prisma.offer.count({ where: { shop: "routes-intruder.myshopify.com" } })).toBe(0);
    // Only the page load asked Shopify anything (the shop's own details); nothing was published.
    expect(intruder.names()).toEqual(["ShopInfo"]);
  });
});

describe("the offers index", () => {
  it("pauses, activates and deletes the selected offers, republishing each time", async () => {
    const shop = "routes-bulk.myshopify.com";
    const first = await seedOffer(shop, "First");
    const second = await seedOffer(shop, "Second");
    const shopify = signInAs(shop);
    const ids = JSON.stringify([first.id, second.id]);
    expect(await indexRoute.action(args(post("/app/offers", { intent: "pause", ids })))).toMatchObject({ ok: true, changed: 2, publish: { ok: true, activeOffers: 0 } });
    expect((await findOffer(shop, first.id))?.offer.status).toBe("paused");
    expect(await indexRoute.action(args(post("/app/offers", { intent: "activate", ids: JSON.stringify([first.id]) })))).toMatchObject({ changed: 1, publish: { activeOffers: 1 } });
    expect(await indexRoute.action(args(post("/app/offers", { intent: "delete", ids: JSON.stringify([second.id]) })))).toMatchObject({ changed: 1 });
    expect(await findOffer(shop, second.id)).toBeNull();
    expect(shopify.names().filter((name) => name?.endsWith("AutomaticAppDiscount"))).toEqual(["FindAutomaticAppDiscount", "CreateAutomaticAppDiscount", "UpdateAutomaticAppDiscount", "UpdateAutomaticAppDiscount"]);
    expect(await indexRoute.action(args(post("/app/offers", { intent: "pause", ids: "[]" })))).toEqual({ ok: false, error: "Select at least one offer." });
  });

  it("lists the shop's offers with the shop's today for scheduled and expired statuses", async () => {
    const shop = "routes-list.myshopify.com";
    await seedOffer(shop, "Listed");
    await seedOffer("routes-other.myshopify.com", "Not mine");
    signInAs(shop);
    const data = await indexRoute.loader(args(new Request("https://pairwise.test/app/offers")));
    expect(data.offers.map((stored) => stored.offer.title)).toEqual(["Listed"]);
    expect(data.today).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });
});

describe("import and export", () => {
  const file = (content: unknown) => new File([typeof content === "string" ? content : JSON.stringify(content)], "offers.json", { type: "application/json" });

  it("names each bad entry and imports nothing when any entry is invalid", async () => {
    const shop = "routes-import-bad.myshopify.com";
    signInAs(shop);
    const good = { ...newOffer("spend_tiers", undefined), id: "ok", title: "Fine" };
    const bad = { ...newOffer("mix_match", undefined), id: "bad", title: "Broken", quantity: 0 };
    const report = await importRoute.action(args(post("/app/offers/import", { file: file({ version: 1, shopCurrency: "USD", offers: [good, bad] }) })));
    expect(report).toEqual({
      ok: false,
      problems: [
        "Offer 2 (“Broken”), pool: must name at least one product, variant, collection, tag, vendor or product type",
        "Offer 2 (“Broken”), quantity: Too small: expected number to be >=1",
      ],
    });
    expect(await prisma.offer.count({ where: { shop } })).toBe(0);
    expect(await importRoute.action(args(post("/app/offers/import", { file: file("{oops") })))).toMatchObject({ ok: false, problems: [expect.stringMatching(/^The file is not valid JSON/)] });
    expect(await importRoute.action(args(post("/app/offers/import", { file: file({ version: 1, shopCurrency: "EUR", offers: [good] }) })))).toEqual({
      ok: false,
      problems: ["The file's amounts are in EUR, but your store sells in USD."],
    });
  });

  it("exports every offer with its texts, and the export imports back into another shop", async () => {
    const shop = "routes-export.myshopify.com";
    const stored = await createOffer(shop, { offer: { ...newOffer("spend_tiers", undefined), title: "Exported" }, texts: { en: { badge: "Free shipping" } } });
    signInAs(shop);
    const response = (await exportRoute.loader(args(new Request("https://pairwise.test/app/offers/export")))) as Response;
    expect(response.headers.get("Content-Disposition")).toContain("attachment");
    const exported = await response.json();
    expect(exported).toMatchObject({ version: 1, shopCurrency: "USD", offers: [{ id: stored.id, title: "Exported" }], texts: { [stored.id]: { en: { badge: "Free shipping" } } } });

    signInAs("routes-import-good.myshopify.com");
    const report = await importRoute.action(args(post("/app/offers/import", { file: file(exported) })));
    expect(report).toMatchObject({ ok: true, created: 1, updated: 0, publish: { ok: true } });
    expect((await findOffer("routes-import-good.myshopify.com", stored.id))?.texts).toEqual({ en: { badge: "Free shipping" } });
    // The same id in two shops does not collide.
    expect((await findOffer(shop, stored.id))?.offer.title).toBe("Exported");
  });
});

describe("every kind of offer in demo mode", () => {
  it("goes through create, publish, pause and delete against the demo store", async () => {
    const shop = "routes-every-kind.myshopify.com";
    await prisma.demoShop.create({ data: { shop, name: "Demo", currencyCode: "USD", ianaTimezone: "UTC", primaryLocale: "en", locales: ["en"], seedVersion: 2 } });
    vi.mocked(requireAdmin).mockResolvedValue({ shop, shopData: createDemoShopData(shop, prisma), embedded: false });
    const kinds = ["fixed_bundle", "mix_match", "quantity_breaks", "spend_tiers", "buy_x_get_y", "cart_rule"] as const;
    const ids: string[] = [];
    for (const kind of kinds) {
      const payload = { offer: { ...completeOffer(kind, `A ${kind}`), status: "active" }, texts: {} };
      const response = await newRoute.action(args(post(`/app/offers/new/${kind}`, { intent: "save", payload: JSON.stringify(payload) }), { kind }));
      const id = /\/app\/offers\/([^?]+)/.exec((response as Response).headers.get("Location") ?? "")?.[1] ?? "";
      ids.push(id);
      const page = await editRoute.loader(args(new Request(`https://pairwise.test/app/offers/${id}`), { id }));
      expect(page.offer).toMatchObject({ kind, status: "active" });
    }
    const discount = await createDemoShopData(shop, prisma).findAutomaticAppDiscount("Pairwise offers");
    const config = await prisma.demoMetafield.findFirst({ where: { shop, ownerId: discount?.discountId ?? "", key: "function-configuration" } });
    expect(JSON.parse(config?.value ?? "{}").o).toHaveLength(kinds.length);

    expect(await indexRoute.action(args(post("/app/offers", { intent: "pause", ids: JSON.stringify(ids) })))).toMatchObject({ changed: 6, publish: { ok: true, activeOffers: 0 } });
    expect(await indexRoute.action(args(post("/app/offers", { intent: "delete", ids: JSON.stringify(ids) })))).toMatchObject({ changed: 6 });
    expect(await prisma.offer.count({ where: { shop } })).toBe(0);
  });
});
