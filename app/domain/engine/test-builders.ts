// Builders for engine tests (and benchmarks): readable carts and offers with sensible defaults.
import { toDecimal } from "../money";
import type { FunctionInput } from "./function-io";
import { newOffer } from "../offer-form";
import type { CartLine, EngineCart, EngineContext, EngineOffer, OfferKind } from "./types";

export const TODAY = "2026-11-21";
export const USD_CONTEXT: EngineContext = { today: TODAY, shopCurrency: "USD", presentmentRate: "1.0" };

export const P = (n: number) => `gid://shopify/Product/${n}`;
export const V = (n: number) => `gid://shopify/ProductVariant/${n}`;

/** A line of product n (variant n) at `unitPriceMinor`. */
export function line(n: number, unitPriceMinor: number, quantity = 1, extra: Partial<CartLine> = {}): CartLine {
  return { id: `gid://shopify/CartLine/${n}`, productId: P(n), variantId: V(n), quantity, unitPriceMinor, ...extra };
}

export function cart(lines: CartLine[], extra: Partial<EngineCart> = {}): EngineCart {
  return { currency: "USD", lines, customer: { loggedIn: false }, ...extra };
}

export function offer(id: string, kind: OfferKind, extra: Partial<EngineOffer> = {}): EngineOffer {
  return {
    id,
    title: id,
    status: "active",
    priority: 0,
    combinesWith: { product: true, order: true, shipping: true },
    ...kind,
    ...extra,
  } as EngineOffer;
}

/** The discount Function's input for an engine cart, as Shopify would send it with `config` in the metafield. */
export function functionInputFor(
  shopping: EngineCart,
  context: EngineContext,
  config: unknown,
  discountClasses: string[] = ["PRODUCT", "ORDER", "SHIPPING"],
): FunctionInput {
  return {
    presentmentCurrencyRate: context.presentmentRate,
    cart: {
      lines: shopping.lines.map((cartLine) => ({
        id: cartLine.id,
        quantity: cartLine.quantity,
        cost: { amountPerQuantity: { amount: toDecimal({ amountMinor: cartLine.unitPriceMinor, currency: shopping.currency }), currencyCode: shopping.currency } },
        merchandise: {
          __typename: "ProductVariant" as const,
          id: cartLine.variantId,
          unitCost: cartLine.unitCostMinor === undefined ? null : { value: String(cartLine.unitCostMinor) },
          product: {
            id: cartLine.productId,
            productType: cartLine.productType ?? null,
            vendor: cartLine.vendor ?? null,
            hasTags: (cartLine.productTags ?? []).map((tag) => ({ tag, hasTag: true })),
            inCollections: (cartLine.collectionIds ?? []).map((collectionId) => ({ collectionId, isMember: true })),
          },
        },
      })),
      buyerIdentity: {
        isAuthenticated: shopping.customer.loggedIn,
        customer: shopping.customer.loggedIn
          ? { numberOfOrders: shopping.customer.orderCount ?? 0, hasTags: (shopping.customer.tags ?? []).map((tag) => ({ tag, hasTag: true })) }
          : null,
      },
      deliveryGroups: [{ id: "gid://shopify/CartDeliveryGroup/1" }],
    },
    localization: { country: { isoCode: shopping.countryCode ?? "US" }, market: { handle: shopping.marketHandle ?? "us" } },
    shop: { localTime: { date: context.today } },
    discount: { discountClasses, metafield: { jsonValue: config } },
  };
}

/** A valid offer of each kind, as the editor would save it once products are chosen. */
export function completeOffer(kind: EngineOffer["kind"], title = "Offer"): EngineOffer {
  const offer = { ...newOffer(kind, undefined), title };
  const some = { productIds: [P(1)] };
  switch (offer.kind) {
    case "fixed_bundle":
      return { ...offer, items: [{ selector: some, quantity: 1 }] };
    case "mix_match":
      return { ...offer, pool: some };
    case "quantity_breaks":
      return { ...offer, scope: some };
    case "buy_x_get_y":
      return { ...offer, buy: { selector: some, quantity: 1 }, get: { selector: some, quantity: 1 } };
    default:
      return offer;
  }
}
