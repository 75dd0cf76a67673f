// What the checkout extension shows: at checkout, the offers that fit the buyer's cart (the engine through
// cartOffers); on the thank-you page, what customers buy with what was just bought.
import type { CheckoutOffersResponse, ThankYouRequest, ThankYouResponse } from "../domain/checkout/api";
import { estimatePresentmentRate } from "../domain/checkout/presentment-rate";
import type { ShopperCart } from "../domain/storefront/requests";
import { getSettings } from "../models/settings.server";
import type { ShopDataPort } from "../shop-data/port";
import { cartOffers, type CartOffersView, type Shopper } from "./cart-offers.server";
import { getProductsById } from "./catalog.server";
import { recommendFor } from "./recommendations.server";

async function withPresentmentRate(shopData: ShopDataPort, cart: ShopperCart): Promise<ShopperCart> {
  const { currencyCode } = await shopData.getShopInfo();
  if (cart.currency === currencyCode) return { ...cart, presentmentRate: "1" };
  const shopPrices = new Map<string, number>();
  for (const product of (await getProductsById(shopData, cart.lines.map((line) => line.productId))).values()) {
    for (const variant of product.variants) shopPrices.set(variant.id, variant.price.amountMinor);
  }
  const priced = cart.lines.flatMap((line) => {
    const shopUnitPriceMinor = shopPrices.get(line.variantId);
    return shopUnitPriceMinor === undefined ? [] : [{ ...line, shopUnitPriceMinor }];
  });
  return { ...cart, presentmentRate: estimatePresentmentRate(priced, cart.currency, currencyCode) };
}

/** The checkout's cart evaluated for the checkout placement: savings, the next spend tier, suggestions in stock. */
export async function checkoutOffers(shop: string, shopData: ShopDataPort, cart: ShopperCart, shopper: Shopper, now: Date): Promise<CartOffersView & CheckoutOffersResponse> {
  return cartOffers(shop, shopData, await withPresentmentRate(shopData, cart), "checkout", now, shopper);
}

/** Complements of the order's products for the next order, unless the merchant keeps the thank-you page free of them. */
export async function thankYouRecommendations(shop: string, shopData: ShopDataPort, request: ThankYouRequest): Promise<ThankYouResponse> {
  const settings = await getSettings(shop);
  const shown = settings.defaultPlacements.includes("thank_you");
  const recommendations = shown ? await recommendFor(shop, shopData, request.productIds) : [];
  return {
    recommendations: recommendations.map(({ productId, variantId, title, handle, price, compareAtPrice }) => ({ productId, variantId, title, handle, price, compareAtPrice })),
    maxOffersShown: settings.maxOffersShown,
    dismissalDays: settings.dismissalDays,
  };
}
