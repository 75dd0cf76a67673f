// The demo storefront's checkout: builds the discount Function's input for the demo cart exactly as Shopify would
// (the input query's fields, the discount's metafields) and runs the Function's own code on it, so the preview shows
// what a shopper would pay. Shopify runs the same code compiled to WebAssembly (see ADR 0005).
import { cartDeliveryOptionsDiscountsGenerateRun, cartLinesDiscountsGenerateRun } from "../../../extensions/pairwise-discount/src";
import { prisma } from "../../db.server";
import { convertMinor, parseRate } from "../../domain/engine/arithmetic";
import { FUNCTION_CONFIG_METAFIELD_KEY, FUNCTION_INPUT_METAFIELD_KEY, type FunctionInputVariables } from "../../domain/engine/function-config";
import type { FunctionInput } from "../../domain/engine/function-io";
import { localDate } from "../../domain/dates";
import { parseDecimal, toDecimal } from "../../domain/money";
import { getProductsById } from "../../services/catalog.server";
import type { ShopDataPort } from "../../shop-data/port";
import type { DemoCartLine, Presentment } from "./cart.server";

export type DemoCheckout = {
  currency: string;
  lines: { title: string; quantity: number; total: number; discount: number }[];
  discounts: { message: string; amount: number }[];
  freeShipping: boolean;
  subtotal: number;
  total: number;
};

async function discountMetafield(shop: string, key: string): Promise<unknown> {
  const publication = await prisma.offerPublication.findUnique({ where: { shop } });
  if (!publication?.discountId) return null;
  const row = await prisma.demoMetafield.findFirst({ where: { shop, ownerId: publication.discountId, key } });
  return row ? (JSON.parse(row.value) as unknown) : null;
}

export async function demoCheckout(shopData: ShopDataPort, lines: DemoCartLine[], presentment: Presentment, now: Date): Promise<DemoCheckout> {
  const [shopInfo, config, variables] = await Promise.all([
    shopData.getShopInfo(),
    discountMetafield(shopData.shop, FUNCTION_CONFIG_METAFIELD_KEY),
    discountMetafield(shopData.shop, FUNCTION_INPUT_METAFIELD_KEY) as Promise<FunctionInputVariables | null>,
  ]);
  const products = await getProductsById(shopData, lines.map((line) => line.productId));
  const rate = parseRate(presentment.rate) ?? { numerator: 1n, denominator: 1n };
  const priced = lines.flatMap((line, index) => {
    const product = products.get(line.productId);
    const variant = product?.variants.find((candidate) => candidate.id === line.variantId);
    if (!product || !variant) return [];
    const unitPrice = convertMinor(variant.price.amountMinor, shopInfo.currencyCode, presentment.currency, rate);
    return [{ id: `gid://shopify/CartLine/${index + 1}`, line, product, variant, unitPrice }];
  });
  const input: FunctionInput = {
    presentmentCurrencyRate: presentment.rate,
    cart: {
      lines: priced.map(({ id, line, product, variant, unitPrice }) => ({
        id,
        quantity: line.quantity,
        cost: { amountPerQuantity: { amount: toDecimal({ amountMinor: unitPrice, currency: presentment.currency }), currencyCode: presentment.currency } },
        merchandise: {
          __typename: "ProductVariant" as const,
          id: variant.id,
          unitCost: variant.unitCost ? { value: String(variant.unitCost.amountMinor) } : null,
          product: {
            id: product.id,
            productType: product.productType,
            vendor: product.vendor,
            hasTags: (variables?.productTags ?? []).map((tag) => ({ tag, hasTag: product.tags.includes(tag) })),
            inCollections: (variables?.collectionIds ?? []).map((collectionId) => ({ collectionId, isMember: product.collectionIds.includes(collectionId) })),
          },
        },
      })),
      buyerIdentity: null,
      deliveryGroups: [{ id: "gid://shopify/CartDeliveryGroup/1" }],
    },
    localization: { country: { isoCode: "US" }, market: { handle: "us" } },
    shop: { localTime: { date: localDate(shopInfo.ianaTimezone, now) } },
    discount: { discountClasses: ["PRODUCT", "ORDER", "SHIPPING"], metafield: config === null ? null : { jsonValue: config } },
  };

  const amount = (decimal: string) => parseDecimal(decimal, presentment.currency).amountMinor;
  const lineDiscounts = new Map<string, number>();
  const discounts: DemoCheckout["discounts"] = [];
  for (const operation of cartLinesDiscountsGenerateRun(input).operations) {
    const candidates = "productDiscountsAdd" in operation ? operation.productDiscountsAdd.candidates : operation.orderDiscountsAdd.candidates;
    for (const candidate of candidates) {
      const value = amount(candidate.value.fixedAmount.amount);
      discounts.push({ message: candidate.message, amount: value });
      for (const target of candidate.targets) {
        if ("cartLine" in target) lineDiscounts.set(target.cartLine.id, (lineDiscounts.get(target.cartLine.id) ?? 0) + value);
      }
    }
  }
  const freeShipping = cartDeliveryOptionsDiscountsGenerateRun(input).operations.some((operation) =>
    operation.deliveryDiscountsAdd.candidates.some((candidate) => "percentage" in candidate.value && Number(candidate.value.percentage.value) >= 100),
  );
  const subtotal = priced.reduce((sum, { line, unitPrice }) => sum + unitPrice * line.quantity, 0);
  const discounted = discounts.reduce((sum, discount) => sum + discount.amount, 0);
  return {
    currency: presentment.currency,
    lines: priced.map(({ id, line, product, variant, unitPrice }) => ({
      title: variant.title === "Default Title" ? product.title : `${product.title} – ${variant.title}`,
      quantity: line.quantity,
      total: unitPrice * line.quantity,
      discount: lineDiscounts.get(id) ?? 0,
    })),
    discounts,
    freeShipping,
    subtotal,
    total: subtotal - discounted,
  };
}
