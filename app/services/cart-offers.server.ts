// What a shopper's cart qualifies for and what to show next to it (storefront cart blocks, checkout): the offer engine
// run on the cart with the catalog's live stock and the shop's mined recommendations. Display only: what checkout
// charges is decided by the discount Function, which runs the same engine.
import { localDate } from "../domain/dates";
import { convertMinor, parseRate } from "../domain/engine/arithmetic";
import { evaluateCart } from "../domain/engine/evaluate";
import { productIdsNamedBy } from "../domain/engine/named-products";
import type { CatalogEntry, EngineCart, Nudge, Placement } from "../domain/engine/types";
import type { Money } from "../domain/money";
import type { ShopperCart } from "../domain/storefront/requests";
import { listOffers } from "../models/offer.server";
import { getSettings } from "../models/settings.server";
import type { CatalogProduct, ShopDataPort } from "../shop-data/port";
import { getProductsById } from "./catalog.server";
import { recommendFor } from "./recommendations.server";

export type OfferSuggestion = {
  offerId: string;
  productId: string;
  variantId: string;
  title: string;
  handle: string;
  price: Money;
  compareAtPrice: Money | null;
  reason: string;
};

/** The next spend tier: how far the cart is from it, for a progress bar. Amounts in the cart currency. */
export type SpendProgress = {
  offerId: string;
  subtotalMinor: number;
  targetMinor: number;
  remainingMinor: number;
  freeShipping: boolean;
  message: string;
};

export type CartOffersView = {
  currency: string;
  subtotalMinor: number;
  discountedSubtotalMinor: number;
  savingMinor: number;
  appliedOffers: { offerId: string; title: string; savingMinor: number }[];
  progress: SpendProgress | null;
  nudges: Nudge[];
  suggestions: OfferSuggestion[];
  maxOffersShown: number;
  dismissalDays: number;
};

export type Shopper = { loggedIn: boolean };

function catalogEntries(products: Map<string, CatalogProduct>): Map<string, CatalogEntry> {
  const entries = new Map<string, CatalogEntry>();
  for (const product of products.values()) {
    const published = product.status === "ACTIVE" && product.publishedOnlineStore;
    for (const variant of product.variants) {
      entries.set(variant.id, { productId: product.id, variantId: variant.id, available: variant.availableForSale, published });
    }
  }
  return entries;
}

function engineCart(cart: ShopperCart, products: Map<string, CatalogProduct>, shopper: Shopper): EngineCart {
  return {
    currency: cart.currency,
    customer: { loggedIn: shopper.loggedIn },
    lines: cart.lines.map((line, index) => {
      const product = products.get(line.productId);
      const unitCost = product?.variants.find((variant) => variant.id === line.variantId)?.unitCost;
      return {
        id: `line-${String(index).padStart(4, "0")}`,
        variantId: line.variantId,
        productId: line.productId,
        quantity: line.quantity,
        unitPriceMinor: line.unitPriceMinor,
        unitCostMinor: unitCost?.amountMinor,
        productType: product?.productType,
        vendor: product?.vendor,
        productTags: product?.tags,
        collectionIds: product?.collectionIds,
      };
    }),
  };
}

/** Evaluates a shopper's cart for one placement: applied savings, the next spend tier, nudges and buyable suggestions. */
export async function cartOffers(shop: string, shopData: ShopDataPort, cart: ShopperCart, placement: Placement, now: Date, shopper: Shopper = { loggedIn: false }): Promise<CartOffersView> {
  const cartProductIds = cart.lines.map((line) => line.productId);
  const [stored, settings, shopInfo, recommended] = await Promise.all([
    listOffers(shop),
    getSettings(shop),
    shopData.getShopInfo(),
    cartProductIds.length > 0 ? recommendFor(shop, shopData, cartProductIds) : Promise.resolve([]),
  ]);
  const offers = stored.map(({ offer }) => ({ ...offer, placements: offer.placements ?? settings.defaultPlacements }));
  const products = await getProductsById(shopData, [...cartProductIds, ...productIdsNamedBy(offers), ...recommended.map((r) => r.productId)]);
  const result = evaluateCart(
    engineCart(cart, products, shopper),
    offers,
    { today: localDate(shopInfo.ianaTimezone, now), shopCurrency: shopInfo.currencyCode, presentmentRate: cart.presentmentRate },
    { catalog: catalogEntries(products), maxSuggestions: settings.maxOffersShown, placement, recommendedProductIds: recommended.map((r) => r.productId) },
  );

  const savingByOffer = new Map<string, number>();
  const addSaving = (offerId: string, amountMinor: number) => savingByOffer.set(offerId, (savingByOffer.get(offerId) ?? 0) + amountMinor);
  result.lineDiscounts.forEach((discount) => addSaving(discount.offerId, discount.amountMinor));
  if (result.orderDiscount) addSaving(result.orderDiscount.offerId, result.orderDiscount.amountMinor);
  const titleOf = new Map(offers.map((offer) => [offer.id, offer.title]));

  const spendNudge = result.nudges.find((nudge): nudge is Extract<Nudge, { type: "spend_more" }> => nudge.type === "spend_more");
  const progress: SpendProgress | null = spendNudge
    ? {
        offerId: spendNudge.offerId,
        subtotalMinor: result.subtotalBeforeMinor,
        targetMinor: result.subtotalBeforeMinor + spendNudge.amountMinor,
        remainingMinor: spendNudge.amountMinor,
        freeShipping: spendNudge.freeShipping,
        message: spendNudge.message,
      }
    : null;

  // Catalog prices are in the shop currency; shoppers see theirs (Shopify converts with the same rate, before any
  // rounding rule the merchant set for a market).
  const rate = parseRate(cart.presentmentRate) ?? { numerator: 1n, denominator: 1n };
  const inCartCurrency = (price: Money): Money => ({ amountMinor: convertMinor(price.amountMinor, price.currency, cart.currency, rate), currency: cart.currency });
  const suggestions = result.suggestions.flatMap((suggestion): OfferSuggestion[] => {
    const product = products.get(suggestion.productId);
    const variant = product?.variants.find((candidate) => candidate.id === suggestion.variantId);
    if (!product || !variant) return [];
    return [{
      offerId: suggestion.offerId,
      productId: product.id,
      variantId: variant.id,
      title: product.title,
      handle: product.handle,
      price: inCartCurrency(variant.price),
      compareAtPrice: variant.compareAtPrice && inCartCurrency(variant.compareAtPrice),
      reason: suggestion.reason,
    }];
  });

  return {
    currency: result.currency,
    subtotalMinor: result.subtotalBeforeMinor,
    discountedSubtotalMinor: result.subtotalAfterMinor,
    savingMinor: result.subtotalBeforeMinor - result.subtotalAfterMinor,
    appliedOffers: [...savingByOffer].map(([offerId, savingMinor]) => ({ offerId, title: titleOf.get(offerId) ?? "", savingMinor })),
    progress,
    nudges: result.nudges,
    suggestions,
    maxOffersShown: settings.maxOffersShown,
    dismissalDays: settings.dismissalDays,
  };
}
