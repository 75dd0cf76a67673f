// A small installed shop for the checkout extension's tests: a catalog (one product sold out), offers, mined
// complements and an offline session, so requests go through the real routes, engine and recommendations.
import { prisma } from "../../app/db.server";
import type { EngineOffer } from "../../app/domain/engine/types";
import { createOffer } from "../../app/models/offer.server";

export const P = (n: number) => `gid://shopify/Product/${n}`;
export const V = (n: number) => `gid://shopify/ProductVariant/${n}`;

/** [n, title, price in cents, compare-at price, stock] */
const CATALOG: [number, string, number, number | null, number][] = [
  [1, "Dripper", 3500, null, 10],
  [2, "Paper filters", 1200, 1500, 10],
  [3, "Kettle", 6000, null, 10],
  [4, "Sold-out mug", 1500, null, 0],
  [5, "Gift card sleeve", 500, null, 10],
  [6, "Descaler", 900, null, 10],
];

export type CheckoutShop = { bundleId: string; kettleRuleId: string; tiersId: string; thankYouOnlyId: string; membersId: string };

const offerDefaults = { id: "new", status: "active", priority: 0, combinesWith: { product: true, order: true, shipping: true } } as const;

export async function seedCheckoutShop(shop: string): Promise<CheckoutShop> {
  await prisma.demoShop.create({ data: { shop, name: "Checkout", currencyCode: "USD", ianaTimezone: "UTC", primaryLocale: "en", locales: ["en", "fr"], seedVersion: 2 } });
  for (const [n, title, price, compareAt, stock] of CATALOG) {
    await prisma.demoProduct.create({
      data: {
        shop, id: P(n), title, handle: `p${n}`, vendor: "V", productType: title, tags: [], status: "ACTIVE", publishedOnlineStore: true, createdAt: new Date(),
        variants: { create: [{ id: V(n), title: "Default Title", sku: `S${n}`, priceMinor: price, compareAtPriceMinor: compareAt, inventoryQuantity: stock, inventoryPolicy: "DENY", position: 1 }] },
      },
    });
  }
  const create = async (offer: Omit<EngineOffer, keyof typeof offerDefaults> & Partial<EngineOffer>) =>
    (await createOffer(shop, { offer: { ...offerDefaults, ...offer } as EngineOffer, texts: {} })).id;
  const bundleId = await create({
    kind: "fixed_bundle", title: "Pour-over set", priority: 3, maxApplications: 1, reward: { type: "percentage", basisPoints: 1000 },
    items: [{ selector: { productIds: [P(1)] }, quantity: 1 }, { selector: { productIds: [P(2)] }, quantity: 1 }],
  });
  // Suggests the kettle and the sold-out mug with the dripper: only the kettle can be bought.
  const kettleRuleId = await create({
    kind: "cart_rule", title: "Kettle with a dripper", priority: 2,
    conditions: { cartHas: { selector: { productIds: [P(1)] }, minQuantity: 1 } },
    actions: [{ type: "suggest", productIds: [P(3), P(4)] }],
  });
  const tiersId = await create({
    kind: "spend_tiers", title: "Spend more, save more", priority: 1,
    conditions: { cartHas: { selector: { productIds: [P(1)] }, minQuantity: 1 } },
    tiers: [{ minSubtotalMinor: 10_000, reward: { type: "percentage", basisPoints: 500 } }],
  });
  // Never at checkout: the merchant placed it on the thank-you page only.
  const thankYouOnlyId = await create({
    kind: "cart_rule", title: "Sleeve", priority: 1, placements: ["thank_you"],
    conditions: { cartHas: { selector: { productIds: [P(1)] }, minQuantity: 1 } },
    actions: [{ type: "suggest", productIds: [P(5)] }],
  });
  // Signed-in customers buying the descaler are offered the kettle.
  const membersId = await create({
    kind: "cart_rule", title: "Members' kettle", priority: 1,
    conditions: { all: [{ cartHas: { selector: { productIds: [P(6)] }, minQuantity: 1 } }, { customer: "logged_in" }] },
    actions: [{ type: "suggest", productIds: [P(3)] }],
  });
  // What customers bought with the dripper (as a rebuild would have mined it).
  for (const [rank, complementId] of [P(2), P(4), P(6)].entries()) {
    await prisma.productComplement.create({ data: { shop, productId: P(1), complementId, pairCount: 10 - rank, confidence: 0.5 - rank / 10, lift: 3, rank } });
  }
  await prisma.session.create({ data: { id: `offline_${shop}`, shop, state: "", isOnline: false, accessToken: "token", scope: "read_products,read_orders,write_discounts" } });
  return { bundleId, kettleRuleId, tiersId, thankYouOnlyId, membersId };
}
