// The discount Function's input and output in Shopify's shapes, mapped to and from the engine. Shared by the
// Function itself and by `npm run offers -- simulate`, so both compute exactly the same thing.
import * as z from "zod/mini";
import { parseDecimal, toDecimal } from "../money";
import { evaluateCart, type EvaluateOptions } from "./evaluate";
import { decodeFunctionConfig } from "./function-config";
import type { CartLine, EngineCart, EngineContext, EngineResult } from "./types";

type HasTag = { tag: string; hasTag: boolean };

/** The fields of the Function's input queries (src/*.graphql in the extension) the engine uses. */
export type FunctionInput = {
  presentmentCurrencyRate: string;
  cart: {
    lines: ReadonlyArray<{
      id: string;
      quantity: number;
      cost: { amountPerQuantity: { amount: string; currencyCode: string } };
      merchandise:
        | { __typename: "CustomProduct" }
        | {
            __typename: "ProductVariant";
            id: string;
            unitCost: { value: string } | null;
            product: {
              id: string;
              productType: string | null;
              vendor: string | null;
              hasTags: ReadonlyArray<HasTag>;
              inCollections: ReadonlyArray<{ collectionId: string; isMember: boolean }>;
            };
          };
    }>;
    buyerIdentity: { isAuthenticated: boolean; customer: { numberOfOrders: number; hasTags: ReadonlyArray<HasTag> } | null } | null;
    deliveryGroups?: ReadonlyArray<{ id: string }>;
  };
  localization: { country: { isoCode: string }; market: { handle: string } };
  shop: { localTime: { date: string } };
  discount: { discountClasses: ReadonlyArray<string>; metafield: { jsonValue: unknown } | null };
};

const hasTagSchema = z.object({ tag: z.string(), hasTag: z.boolean() });

/**
 * The same shape as FunctionInput, for input from files (`npm run offers -- simulate`). The Function itself does not
 * parse: Shopify guarantees its input matches the query, and parsing 200 lines would spend its instruction budget.
 */
export const functionInputSchema = z.object({
  presentmentCurrencyRate: z.string(),
  cart: z.object({
    lines: z.array(
      z.object({
        id: z.string(),
        quantity: z.number().check(z.int(), z.minimum(1)),
        cost: z.object({ amountPerQuantity: z.object({ amount: z.string(), currencyCode: z.string() }) }),
        merchandise: z.discriminatedUnion("__typename", [
          z.object({ __typename: z.literal("CustomProduct") }),
          z.object({
            __typename: z.literal("ProductVariant"),
            id: z.string(),
            unitCost: z.nullable(z.object({ value: z.string() })),
            product: z.object({
              id: z.string(),
              productType: z.nullable(z.string()),
              vendor: z.nullable(z.string()),
              hasTags: z.array(hasTagSchema),
              inCollections: z.array(z.object({ collectionId: z.string(), isMember: z.boolean() })),
            }),
          }),
        ]),
      }),
    ),
    buyerIdentity: z.nullable(
      z.object({
        isAuthenticated: z.boolean(),
        customer: z.nullable(z.object({ numberOfOrders: z.number(), hasTags: z.array(hasTagSchema) })),
      }),
    ),
    deliveryGroups: z.optional(z.array(z.object({ id: z.string() }))),
  }),
  localization: z.object({ country: z.object({ isoCode: z.string() }), market: z.object({ handle: z.string() }) }),
  shop: z.object({ localTime: z.object({ date: z.string() }) }),
  discount: z.object({
    discountClasses: z.array(z.string()),
    metafield: z.nullable(z.object({ jsonValue: z.unknown() })),
  }),
});

export type FunctionEvaluation = { cart: EngineCart; context: EngineContext; result: EngineResult };

const tagsHeld = (responses: ReadonlyArray<HasTag>) => responses.filter((response) => response.hasTag).map((response) => response.tag);

/** Runs the engine on a Function input; null when the configuration or the cart cannot be read (then: no discount). */
export function evaluateFunctionInput(input: FunctionInput, options: EvaluateOptions = {}): FunctionEvaluation | null {
  const config = decodeFunctionConfig(input.discount.metafield?.jsonValue);
  if (!config) return null;
  const currency = input.cart.lines[0]?.cost.amountPerQuantity.currencyCode;
  if (!currency) return null;
  const lines: CartLine[] = [];
  try {
    for (const line of input.cart.lines) {
      const merchandise = line.merchandise;
      if (merchandise.__typename !== "ProductVariant") continue;
      const cost = merchandise.unitCost ? Number(merchandise.unitCost.value) : NaN;
      const product = merchandise.product;
      lines.push({
        id: line.id,
        variantId: merchandise.id,
        productId: product.id,
        quantity: line.quantity,
        unitPriceMinor: parseDecimal(line.cost.amountPerQuantity.amount, currency).amountMinor,
        ...(Number.isSafeInteger(cost) && cost >= 0 ? { unitCostMinor: cost } : {}),
        ...(product.productType ? { productType: product.productType } : {}),
        ...(product.vendor ? { vendor: product.vendor } : {}),
        productTags: tagsHeld(product.hasTags),
        collectionIds: product.inCollections.filter((membership) => membership.isMember).map((membership) => membership.collectionId),
      });
    }
  } catch {
    return null;
  }
  const buyer = input.cart.buyerIdentity;
  const cart: EngineCart = {
    currency,
    lines,
    customer: {
      loggedIn: Boolean(buyer?.isAuthenticated && buyer.customer),
      ...(buyer?.customer ? { orderCount: buyer.customer.numberOfOrders, tags: tagsHeld(buyer.customer.hasTags) } : {}),
    },
    countryCode: input.localization.country.isoCode,
    marketHandle: input.localization.market.handle,
    deliveryGroupIds: (input.cart.deliveryGroups ?? []).map((group) => group.id),
  };
  const context: EngineContext = {
    today: input.shop.localTime.date,
    shopCurrency: config.shopCurrency,
    presentmentRate: input.presentmentCurrencyRate,
  };
  return { cart, context, result: evaluateCart(cart, config.offers, context, options) };
}

const amount = (amountMinor: number, currency: string) => toDecimal({ amountMinor, currency });

// The operations this app emits, typed as Shopify's result types describe them (Decimal values are strings).
type ProductDiscountsAdd = {
  productDiscountsAdd: {
    selectionStrategy: "ALL";
    candidates: {
      message: string;
      targets: { cartLine: { id: string; quantity: number } }[];
      value: { fixedAmount: { amount: string; appliesToEachItem: boolean } };
    }[];
  };
};
type OrderDiscountsAdd = {
  orderDiscountsAdd: {
    selectionStrategy: "FIRST";
    candidates: {
      message: string;
      targets: { orderSubtotal: { excludedCartLineIds: string[] } }[];
      value: { fixedAmount: { amount: string } };
    }[];
  };
};
type DeliveryDiscountsAdd = {
  deliveryDiscountsAdd: {
    selectionStrategy: "ALL";
    candidates: { message: string; targets: { deliveryGroup: { id: string } }[]; value: { percentage: { value: string } } }[];
  };
};
export type CartLinesResult = { operations: (ProductDiscountsAdd | OrderDiscountsAdd)[] };
export type DeliveryResult = { operations: DeliveryDiscountsAdd[] };

/** Product and order discounts for `cart.lines.discounts.generate.run`, as exact amounts the engine computed. */
export function cartLinesOperations(
  evaluation: FunctionEvaluation | null,
  discountClasses: ReadonlyArray<string>,
): CartLinesResult {
  const operations: CartLinesResult["operations"] = [];
  if (!evaluation) return { operations };
  const { result } = evaluation;
  if (discountClasses.includes("PRODUCT") && result.lineDiscounts.length > 0) {
    operations.push({
      productDiscountsAdd: {
        selectionStrategy: "ALL",
        candidates: result.lineDiscounts.map((discount) => ({
          message: discount.message,
          targets: [{ cartLine: { id: discount.lineId, quantity: discount.quantity } }],
          value: { fixedAmount: { amount: amount(discount.amountMinor, result.currency), appliesToEachItem: false } },
        })),
      },
    });
  }
  if (discountClasses.includes("ORDER") && result.orderDiscount) {
    operations.push({
      orderDiscountsAdd: {
        selectionStrategy: "FIRST",
        candidates: [
          {
            message: result.orderDiscount.message,
            targets: [{ orderSubtotal: { excludedCartLineIds: [] } }],
            value: { fixedAmount: { amount: amount(result.orderDiscount.amountMinor, result.currency) } },
          },
        ],
      },
    });
  }
  return { operations };
}

/** Shipping discounts for `cart.delivery-options.discounts.generate.run`. */
export function deliveryOperations(
  evaluation: FunctionEvaluation | null,
  discountClasses: ReadonlyArray<string>,
): DeliveryResult {
  const operations: DeliveryResult["operations"] = [];
  const shipping = evaluation?.result.shippingDiscount;
  const groups = evaluation?.cart.deliveryGroupIds ?? [];
  if (!shipping || !discountClasses.includes("SHIPPING") || groups.length === 0) return { operations };
  operations.push({
    deliveryDiscountsAdd: {
      selectionStrategy: "ALL",
      candidates: groups.map((id) => ({
        message: shipping.message,
        targets: [{ deliveryGroup: { id } }],
        value: { percentage: { value: toDecimal({ amountMinor: shipping.basisPoints, currency: "USD" }) } },
      })),
    },
  });
  return { operations };
}
