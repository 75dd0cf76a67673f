import { prisma } from "../db.server";
import {
  compileFunctionConfig,
  FUNCTION_CONFIG_METAFIELD_KEY,
  FUNCTION_INPUT_METAFIELD_KEY,
} from "../domain/engine/function-config";
import { productIdsNamedBy } from "../domain/engine/named-products";
import type { EngineOffer } from "../domain/engine/types";
import { listOffers, type StoredOffer } from "../models/offer.server";
import { getSettings } from "../models/settings.server";
import { getProductsById } from "./catalog.server";
import { STOREFRONT_METAFIELD_KEY, storefrontConfig } from "../domain/storefront/config";
import { ShopDataError, type ShopDataPort, type UserError } from "../shop-data/port";

/** The one automatic discount that carries every offer of a shop; the discount Function applies them. */
export const DISCOUNT_TITLE = "Pairwise offers";
export const FUNCTION_HANDLE = "pairwise-discount";

export type PublishResult =
  | { ok: true; discountId: string; configBytes: number; activeOffers: number }
  | { ok: false; message: string; userErrors: UserError[]; largestOffers: { id: string; title: string; bytes: number }[] };

/** The variant metafield the discount Function reads a unit cost from (integer minor units of the shop currency). */
export const UNIT_COST_METAFIELD_KEY = "unit_cost";

/**
 * Writes the unit cost of every variant of the products that margin-guarded offers name, so checkout keeps the same
 * margin the storefront does. Products matched only through a collection, type, vendor or tag are not enumerated:
 * the offer editor says that the guard applies to products named in the offer.
 */
async function publishUnitCosts(offers: EngineOffer[], shopData: ShopDataPort): Promise<void> {
  const productIds = productIdsNamedBy(offers.filter((offer) => offer.status === "active" && offer.minMarginBasisPoints));
  if (productIds.size === 0) return;
  const products = await shopData.getProducts([...productIds]);
  const costs = products.flatMap((product) =>
    product.variants.flatMap((variant) =>
      variant.unitCost ? [{ variantId: variant.id, key: UNIT_COST_METAFIELD_KEY, type: "number_integer" as const, value: String(variant.unitCost.amountMinor) }] : [],
    ),
  );
  if (costs.length > 0) await shopData.setVariantMetafields(costs);
}

async function productHandles(offers: StoredOffer[], shopData: ShopDataPort): Promise<Map<string, string>> {
  const products = await getProductsById(shopData, productIdsNamedBy(offers.map(({ offer }) => offer)));
  return new Map([...products.values()].map((product) => [product.id, product.handle]));
}

async function recordFailure(shop: string, message: string) {
  await prisma.offerPublication.upsert({
    where: { shop },
    create: { shop, pending: true, lastError: message },
    update: { pending: true, lastError: message },
  });
}

/**
 * Publishes the shop's offers: the automatic app discount (created once, then updated) with the compiled
 * configuration in its metafields, and the storefront configuration in an app metafield. Every step writes the whole
 * current state, so running it again after a failure half-way converges; an interrupted first publish is adopted
 * by title rather than duplicated.
 */
export async function publishOffers(shop: string, shopData: ShopDataPort, now: Date): Promise<PublishResult> {
  const [offers, settings, shopInfo, publication] = await Promise.all([
    listOffers(shop),
    getSettings(shop),
    shopData.getShopInfo(),
    prisma.offerPublication.findUnique({ where: { shop } }),
  ]);
  const engineOffers: EngineOffer[] = offers.map(({ offer }) => offer);
  const compiled = compileFunctionConfig(engineOffers, shopInfo.currencyCode);
  if (!compiled.ok) {
    await recordFailure(shop, compiled.message);
    return { ok: false, message: compiled.message, userErrors: [], largestOffers: compiled.largestOffers };
  }

  let discountId = publication?.discountId ?? (await shopData.findAutomaticAppDiscount(DISCOUNT_TITLE))?.discountId;
  try {
    const input = {
      title: DISCOUNT_TITLE,
      functionHandle: FUNCTION_HANDLE,
      startsAt: publication?.publishedAt ?? now,
      endsAt: null,
      combinesWith: {
        productDiscounts: settings.combinesWithProduct,
        orderDiscounts: settings.combinesWithOrder,
        shippingDiscounts: settings.combinesWithShipping,
      },
      discountClasses: ["PRODUCT" as const, "ORDER" as const, "SHIPPING" as const],
      metafields: [
        { key: FUNCTION_CONFIG_METAFIELD_KEY, type: "json" as const, value: compiled.value },
        { key: FUNCTION_INPUT_METAFIELD_KEY, type: "json" as const, value: JSON.stringify(compiled.inputVariables) },
      ],
    };
    try {
      discountId = (await shopData.saveAutomaticAppDiscount(discountId ? { ...input, discountId } : input)).discountId;
    } catch (error) {
      // The merchant deleted our discount in Shopify's admin: create it again rather than fail forever.
      if (!(error instanceof ShopDataError && discountId && error.userErrors.some((e) => /does not exist|not found/i.test(e.message)))) throw error;
      discountId = (await shopData.saveAutomaticAppDiscount(input)).discountId;
    }
    await prisma.offerPublication.upsert({ where: { shop }, create: { shop, discountId }, update: { discountId } });
    await shopData.setAppMetafields([
      { key: STOREFRONT_METAFIELD_KEY, type: "json", value: JSON.stringify(storefrontConfig(offers, shopInfo.currencyCode, settings, await productHandles(offers, shopData))) },
    ]);
    await publishUnitCosts(engineOffers, shopData);
  } catch (error) {
    if (!(error instanceof ShopDataError)) throw error;
    await recordFailure(shop, error.message);
    return { ok: false, message: error.message, userErrors: error.userErrors, largestOffers: [] };
  }
  await prisma.offerPublication.update({
    where: { shop },
    data: { publishedAt: publication?.publishedAt ?? now, configBytes: compiled.bytes, pending: false, lastError: null },
  });
  return { ok: true, discountId, configBytes: compiled.bytes, activeOffers: engineOffers.filter((o) => o.status === "active").length };
}

export async function publicationStatus(shop: string) {
  return prisma.offerPublication.findUnique({ where: { shop }, select: { pending: true, lastError: true, publishedAt: true, configBytes: true } });
}
