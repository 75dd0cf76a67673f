// Publishing offers to Shopify through the shop-data port: the exact Admin GraphQL operations, userErrors, and a
// publish that fails half-way and is retried.
import { describe, expect, it } from "vitest";
import { prisma } from "../../app/db.server";
import { decodeFunctionConfig } from "../../app/domain/engine/function-config";
import { newOffer } from "../../app/domain/offer-form";
import { createOffer } from "../../app/models/offer.server";
import { DISCOUNT_TITLE, publishOffers } from "../../app/services/offer-publisher.server";
import { createDemoShopData } from "../../app/shop-data/demo-adapter.server";
import { createShopifyShopData } from "../../app/shop-data/shopify-adapter.server";
import { fakeAdminGraphql, shopInfoResponse } from "../support/admin-graphql";

const NOW = new Date("2026-11-21T12:00:00Z");

async function seedSpendOffer(shop: string) {
  const offer = { ...newOffer("spend_tiers", undefined), title: "Spend 100, save 10 %", status: "active" as const };
  return createOffer(shop, { offer, texts: { en: { badge: "Save" } } });
}

const ok = (payloadKey: string, discountId = "gid://shopify/DiscountAutomaticNode/9") => () => ({
  [payloadKey]: { automaticAppDiscount: { discountId }, userErrors: [] },
});

describe("publishing offers to Shopify", () => {
  it("creates the automatic app discount with the compiled configuration, then writes the storefront metafield", async () => {
    const shop = "publish-create.myshopify.com";
    const stored = await seedSpendOffer(shop);
    const shopify = fakeAdminGraphql({
      ShopInfo: () => shopInfoResponse(),
      FindAutomaticAppDiscount: () => ({ discountNodes: { nodes: [] } }),
      CreateAutomaticAppDiscount: ok("discountAutomaticAppCreate"),
      AppInstallationId: () => ({ currentAppInstallation: { id: "gid://shopify/AppInstallation/1" } }),
      SetAppMetafields: () => ({ metafieldsSet: { metafields: [{ key: "storefront-offers" }], userErrors: [] } }),
    });

    const result = await publishOffers(shop, createShopifyShopData(shop, shopify.client), NOW);

    expect(result).toMatchObject({ ok: true, discountId: "gid://shopify/DiscountAutomaticNode/9", activeOffers: 1 });
    expect(shopify.names()).toEqual(["ShopInfo", "FindAutomaticAppDiscount", "CreateAutomaticAppDiscount", "AppInstallationId", "SetAppMetafields"]);
    const discount = shopify.calls[2]?.variables?.discount as Record<string, unknown> & { metafields: { key: string; value: string }[] };
    expect(discount).toMatchObject({
      title: DISCOUNT_TITLE,
      functionHandle: "pairwise-discount",
      startsAt: NOW.toISOString(),
      endsAt: null,
      combinesWith: { productDiscounts: false, orderDiscounts: false, shippingDiscounts: true },
      discountClasses: ["PRODUCT", "ORDER", "SHIPPING"],
    });
    const config = decodeFunctionConfig(JSON.parse(discount.metafields.find((m) => m.key === "function-configuration")?.value ?? "null"));
    expect(config?.offers.map((o) => o.id)).toEqual([stored.id]);
    const storefront = (shopify.calls[4]?.variables?.metafields as { key: string; value: string }[])[0];
    expect(storefront?.key).toBe("storefront-offers");
    expect(JSON.parse(storefront?.value ?? "{}")).toMatchObject({ maxOffersShown: 3, offers: [{ id: stored.id, texts: { en: { badge: "Save" } } }] });
    expect(await prisma.offerPublication.findUnique({ where: { shop } })).toMatchObject({ discountId: "gid://shopify/DiscountAutomaticNode/9", pending: false, lastError: null });
  });

  it("updates the same discount on the next publish instead of creating another", async () => {
    const shop = "publish-update.myshopify.com";
    await seedSpendOffer(shop);
    await prisma.offerPublication.create({ data: { shop, discountId: "gid://shopify/DiscountAutomaticNode/5", publishedAt: NOW } });
    const shopify = fakeAdminGraphql({
      ShopInfo: () => shopInfoResponse(),
      UpdateAutomaticAppDiscount: ok("discountAutomaticAppUpdate", "gid://shopify/DiscountAutomaticNode/5"),
      AppInstallationId: () => ({ currentAppInstallation: { id: "gid://shopify/AppInstallation/1" } }),
      SetAppMetafields: () => ({ metafieldsSet: { metafields: [], userErrors: [] } }),
    });
    const result = await publishOffers(shop, createShopifyShopData(shop, shopify.client), new Date("2026-11-22T00:00:00Z"));
    expect(result.ok).toBe(true);
    expect(shopify.names()).toEqual(["ShopInfo", "UpdateAutomaticAppDiscount", "AppInstallationId", "SetAppMetafields"]);
    expect(shopify.calls[1]?.variables).toMatchObject({ id: "gid://shopify/DiscountAutomaticNode/5", discount: { startsAt: NOW.toISOString() } });
  });

  it("reports Shopify's userErrors in the merchant's words and keeps the offers marked unpublished", async () => {
    const shop = "publish-refused.myshopify.com";
    await seedSpendOffer(shop);
    const shopify = fakeAdminGraphql({
      ShopInfo: () => shopInfoResponse(),
      FindAutomaticAppDiscount: () => ({ discountNodes: { nodes: [] } }),
      CreateAutomaticAppDiscount: () => ({
        discountAutomaticAppCreate: { automaticAppDiscount: null, userErrors: [{ field: ["automaticAppDiscount", "functionHandle"], message: "Function not found." }] },
      }),
    });
    const result = await publishOffers(shop, createShopifyShopData(shop, shopify.client), NOW);
    expect(result).toEqual({
      ok: false,
      message: 'Saving the discount "Pairwise offers" failed: Function not found.',
      userErrors: [{ field: ["automaticAppDiscount", "functionHandle"], message: "Function not found." }],
      largestOffers: [],
    });
    expect(await prisma.offerPublication.findUnique({ where: { shop } })).toMatchObject({ pending: true, lastError: result.ok ? null : result.message });
  });

  it("after failing half-way (discount saved, storefront metafield refused), a retry completes without a second discount", async () => {
    const shop = "publish-retry.myshopify.com";
    await seedSpendOffer(shop);
    let metafieldAttempts = 0;
    const handlers = {
      ShopInfo: () => shopInfoResponse(),
      FindAutomaticAppDiscount: () => ({ discountNodes: { nodes: [] } }),
      CreateAutomaticAppDiscount: ok("discountAutomaticAppCreate"),
      UpdateAutomaticAppDiscount: ok("discountAutomaticAppUpdate"),
      AppInstallationId: () => ({ currentAppInstallation: { id: "gid://shopify/AppInstallation/1" } }),
      SetAppMetafields: () => {
        metafieldAttempts += 1;
        return { metafieldsSet: { metafields: [], userErrors: metafieldAttempts === 1 ? [{ field: ["metafields", "0", "value"], message: "Value is too big" }] : [] } };
      },
    };
    const first = fakeAdminGraphql(handlers);
    expect((await publishOffers(shop, createShopifyShopData(shop, first.client), NOW)).ok).toBe(false);
    expect(await prisma.offerPublication.findUnique({ where: { shop } })).toMatchObject({ discountId: "gid://shopify/DiscountAutomaticNode/9", pending: true });

    const retry = fakeAdminGraphql(handlers);
    expect((await publishOffers(shop, createShopifyShopData(shop, retry.client), NOW)).ok).toBe(true);
    expect(retry.names()).not.toContain("CreateAutomaticAppDiscount");
    expect(retry.names()).toContain("UpdateAutomaticAppDiscount");
  });

  it("adopts a discount an interrupted publish created but never recorded", async () => {
    const shop = "publish-adopt.myshopify.com";
    await seedSpendOffer(shop);
    const shopify = fakeAdminGraphql({
      ShopInfo: () => shopInfoResponse(),
      FindAutomaticAppDiscount: () => ({
        discountNodes: { nodes: [{ id: "gid://shopify/DiscountAutomaticNode/77", discount: { __typename: "DiscountAutomaticApp", title: DISCOUNT_TITLE, discountId: "gid://shopify/DiscountAutomaticNode/77" } }] },
      }),
      UpdateAutomaticAppDiscount: ok("discountAutomaticAppUpdate", "gid://shopify/DiscountAutomaticNode/77"),
      AppInstallationId: () => ({ currentAppInstallation: { id: "gid://shopify/AppInstallation/1" } }),
      SetAppMetafields: () => ({ metafieldsSet: { metafields: [], userErrors: [] } }),
    });
    expect(await publishOffers(shop, createShopifyShopData(shop, shopify.client), NOW)).toMatchObject({ ok: true, discountId: "gid://shopify/DiscountAutomaticNode/77" });
    expect(shopify.calls.find((call) => call.name === "FindAutomaticAppDiscount")?.variables).toEqual({ query: "title:'Pairwise offers' AND type:app" });
  });

  it("tells the merchant which offers to trim when the configuration is over Shopify's limit, touching nothing", async () => {
    const shop = "publish-too-big.myshopify.com";
    for (let index = 0; index < 40; index += 1) {
      const offer = {
        ...newOffer("mix_match", undefined),
        title: `Big offer ${index}`,
        status: "active" as const,
        pool: { productIds: Array.from({ length: 25 }, (_, n) => `gid://shopify/Product/${7_000_000_000 + n + index}`) },
      };
      await createOffer(shop, { offer, texts: {} });
    }
    const shopify = fakeAdminGraphql({ ShopInfo: () => shopInfoResponse() });
    const result = await publishOffers(shop, createShopifyShopData(shop, shopify.client), NOW);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/more than the 10,000 Shopify passes to a discount Function\. Shorten or pause some of these: "Big offer/);
    expect(shopify.names()).toEqual(["ShopInfo"]);
  });

  it("publishes to the demo store through the same service", async () => {
    const shop = "publish-demo.myshopify.com";
    await prisma.demoShop.create({ data: { shop, name: "Demo", currencyCode: "USD", ianaTimezone: "UTC", primaryLocale: "en", seedVersion: 1 } });
    await seedSpendOffer(shop);
    const shopData = createDemoShopData(shop, prisma);
    const first = await publishOffers(shop, shopData, NOW);
    const second = await publishOffers(shop, shopData, NOW);
    expect(first.ok && second.ok && first.discountId === second.discountId).toBe(true);
    expect(await prisma.demoDiscount.count({ where: { shop } })).toBe(1);
    expect(await shopData.getAppMetafield("storefront-offers")).toContain("Spend 100, save 10 %");
  });

  it("writes the unit costs of the products a margin-guarded offer names, where the Function reads them", async () => {
    const shop = "publish-costs.myshopify.com";
    const offer = {
      ...newOffer("mix_match", undefined),
      title: "Guarded",
      status: "active" as const,
      minMarginBasisPoints: 2000,
      pool: { productIds: ["gid://shopify/Product/1"] },
    };
    await createOffer(shop, { offer, texts: {} });
    const variant = (id: number, cost: string | null) => ({
      id: `gid://shopify/ProductVariant/${id}`, title: "Default Title", sku: null, price: "10.00", compareAtPrice: null, inventoryQuantity: 5,
      inventoryPolicy: "DENY", availableForSale: true, inventoryItem: { tracked: true, unitCost: cost ? { amount: cost, currencyCode: "USD" } : null },
    });
    const shopify = fakeAdminGraphql({
      ShopInfo: () => shopInfoResponse(),
      FindAutomaticAppDiscount: () => ({ discountNodes: { nodes: [] } }),
      CreateAutomaticAppDiscount: ok("discountAutomaticAppCreate"),
      AppInstallationId: () => ({ currentAppInstallation: { id: "gid://shopify/AppInstallation/1" } }),
      SetAppMetafields: () => ({ metafieldsSet: { metafields: [], userErrors: [] } }),
      ProductsById: () => ({
        shop: { currencyCode: "USD" },
        nodes: [{
          id: "gid://shopify/Product/1", title: "Kettle", handle: "kettle", vendor: "V", productType: "Kettle", tags: [], status: "ACTIVE",
          onlineStoreUrl: "https://x", collections: { nodes: [] }, variants: { nodes: [variant(11, "4.25"), variant(12, null)] },
        }],
      }),
    });
    expect((await publishOffers(shop, createShopifyShopData(shop, shopify.client), NOW)).ok).toBe(true);
    expect(shopify.names().slice(-2)).toEqual(["ProductsById", "SetAppMetafields"]);
    expect(shopify.calls.at(-2)?.variables).toEqual({ ids: ["gid://shopify/Product/1"] });
    expect(shopify.calls.at(-1)?.variables).toEqual({
      metafields: [{ ownerId: "gid://shopify/ProductVariant/11", namespace: "$app", key: "unit_cost", type: "number_integer", value: "425" }],
    });
  });
});
