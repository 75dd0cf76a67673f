// Generates the demo shop's catalog, customers and order history from a fixed seed: the same data on every run,
// with order dates placed relative to `now` so the history always ends today.
import { DEMO_COLLECTIONS, DEMO_COMPLEMENTS, DEMO_PRODUCT_FAMILIES } from "./catalog";
import { createRandom, type Random } from "./random";

export const DEMO_HISTORY_DAYS = 180;
export const DEMO_ORDER_COUNT = 20_000;
export const DEMO_CUSTOMER_COUNT = 6_000;

const DAY_MS = 86_400_000;

export type DemoVariantData = {
  id: string;
  productId: string;
  title: string;
  sku: string;
  priceMinor: number;
  compareAtPriceMinor: number | null;
  unitCostMinor: number | null;
  inventoryQuantity: number;
  inventoryPolicy: "DENY" | "CONTINUE";
  position: number;
};

export type DemoProductData = {
  id: string;
  title: string;
  handle: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: "ACTIVE" | "DRAFT";
  publishedOnlineStore: boolean;
  createdAt: Date;
  collectionHandle: string;
  consumable: boolean;
  popularity: number;
  variants: DemoVariantData[];
};

export type DemoCustomerData = { id: string; email: string; firstName: string; lastName: string; createdAt: Date };

export type DemoOrderLineData = {
  id: string;
  orderId: string;
  productId: string;
  variantId: string;
  title: string;
  quantity: number;
  unitPriceMinor: number;
  discountMinor: number;
  properties: Record<string, string>;
};

export type DemoRefundData = { id: string; orderId: string; createdAt: Date; amountMinor: number };

/** A bundle the demo merchant runs, with what shoppers did with it (as the storefront would have recorded). */
export type DemoOfferData = { id: string; title: string; productIds: [string, string] };
export type DemoOfferEventsData = { offerId: string; at: Date; impressions: number; clicks: number; adds: number; dismissals: number };

export type DemoOrderData = {
  id: string;
  name: string;
  createdAt: Date;
  customerId: string | null;
  subtotalMinor: number;
  totalDiscountMinor: number;
  cancelledAt: Date | null;
  test: boolean;
  lines: DemoOrderLineData[];
  refunds: DemoRefundData[];
};

export type DemoShopData = {
  collections: { id: string; handle: string; title: string }[];
  products: DemoProductData[];
  customers: DemoCustomerData[];
  orders: DemoOrderData[];
  offers: DemoOfferData[];
  offerEvents: DemoOfferEventsData[];
};

/** The demo merchant's bundles (source and complement from DEMO_COMPLEMENTS), running for the last DEMO_OFFER_DAYS. */
const DEMO_OFFERS = [
  { id: "demo-pour-over-kit", title: "Pour-over starter kit", products: ["Ceramic Pour-Over Dripper", "Paper Filters Size 02 (100)"] },
  { id: "demo-skillet-care", title: "Skillet care set", products: ["Cast Iron Skillet", "Cast Iron Seasoning Oil"] },
  { id: "demo-board-care", title: "Board and oil", products: ["End-Grain Walnut Board", "Board Oil"] },
] as const;
export const DEMO_OFFER_DAYS = 90;
/** Bundle discount: 10 % on both lines. */
const DEMO_OFFER_BASIS_POINTS = 1000;

const gid = (type: string, n: number) => `gid://shopify/${type}/${n}`;

const slug = (text: string) =>
  text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");

/** Rounds a price in cents to a shelf price ending in 00, 50 or 95 cents. */
function shelfPrice(cents: number): number {
  const dollars = Math.max(1, Math.round(cents / 100));
  return dollars * 100 - 5;
}

function generateCatalog(random: Random, now: Date) {
  const collections = DEMO_COLLECTIONS.map((collection, index) => ({ id: gid("Collection", 4_100_000_001 + index), ...collection }));
  const products: DemoProductData[] = [];
  let variantNumber = 0;
  for (const family of DEMO_PRODUCT_FAMILIES) {
    for (const title of family.titles) {
      const productId = gid("Product", 7_000_000_001 + products.length);
      const base = random.int(family.priceRange[0], family.priceRange[1]);
      const axis = family.axis ?? { name: "Title", values: ["Default Title"], priceSteps: [0] };
      const variants = axis.values.map((value, position): DemoVariantData => {
        variantNumber += 1;
        const priceMinor = shelfPrice(base + (axis.priceSteps[position] ?? 0));
        const outOfStock = random.chance(0.08);
        const inventoryPolicy = outOfStock && random.chance(0.25) ? "CONTINUE" : "DENY";
        return {
          id: gid("ProductVariant", 4_400_000_000 + variantNumber),
          productId,
          title: value,
          sku: `${slug(title).slice(0, 18).toUpperCase()}-${position + 1}`,
          priceMinor,
          compareAtPriceMinor: random.chance(0.15) ? Math.round((priceMinor * 1.25) / 100) * 100 : null,
          unitCostMinor: random.chance(0.9) ? Math.round(priceMinor * (0.35 + random.next() * 0.2)) : null,
          inventoryQuantity: outOfStock ? 0 : random.int(3, 240),
          inventoryPolicy,
          position: position + 1,
        };
      });
      const hidden = products.length % 67 === 66;
      products.push({
        id: productId,
        title,
        handle: slug(title),
        vendor: family.vendor,
        productType: family.productType,
        tags: [...family.tags],
        status: hidden && products.length % 2 === 0 ? "DRAFT" : "ACTIVE",
        publishedOnlineStore: !hidden,
        createdAt: new Date(now.getTime() - (DEMO_HISTORY_DAYS + random.int(10, 400)) * DAY_MS),
        collectionHandle: family.collection,
        consumable: family.consumable,
        popularity: family.popularity,
        variants,
      });
    }
  }
  return { collections, products };
}

const FIRST_NAMES = ["Ava", "Noah", "Mia", "Liam", "Zoe", "Ethan", "Isla", "Mateo", "Nora", "Kai", "Lena", "Omar", "Priya",
  "Jonas", "Sofia", "Theo", "Amara", "Luca", "Hana", "Diego", "Freya", "Ravi", "Elena", "Sam", "Yuki", "Maya", "Felix", "Aisha"];
const LAST_NAMES = ["Nguyen", "Smith", "Garcia", "Müller", "Rossi", "Kowalski", "Okafor", "Tanaka", "Silva", "Johansson",
  "Patel", "Dubois", "Murphy", "Kim", "Novak", "Haddad", "Fischer", "Lopez", "Brown", "Cohen", "Ivanova", "Mensah"];

function generateCustomers(random: Random, now: Date): DemoCustomerData[] {
  return Array.from({ length: DEMO_CUSTOMER_COUNT }, (_, index) => {
    const firstName = random.pick(FIRST_NAMES);
    const lastName = random.pick(LAST_NAMES);
    return {
      id: gid("Customer", 8_200_000_001 + index),
      email: `${slug(firstName)}.${slug(lastName)}.${index + 1}@example.com`,
      firstName,
      lastName,
      createdAt: new Date(now.getTime() - random.int(DEMO_HISTORY_DAYS, DEMO_HISTORY_DAYS + 700) * DAY_MS),
    };
  });
}

const BASKET_SIZE_CUMULATIVE = [38, 68, 85, 94, 98, 100];

function cumulative(weights: number[]): number[] {
  let total = 0;
  return weights.map((weight) => (total += weight));
}

function generateOrders(random: Random, now: Date, products: DemoProductData[], customers: DemoCustomerData[], offers: DemoOfferData[]) {
  const sellable = products.filter((product) => product.status === "ACTIVE");
  // Within a family, earlier titles sell more (a Zipf-like tail), on top of the family's own popularity.
  const productWeights = cumulative(sellable.map((product, index) => product.popularity / (1 + (index % 23) * 0.35)));
  const byTitle = new Map(products.map((product) => [product.title, product]));
  const complementsOf = new Map<string, { product: DemoProductData; probability: number }[]>();
  for (const [from, to, probability] of DEMO_COMPLEMENTS) {
    const source = byTitle.get(from);
    const target = byTitle.get(to);
    if (!source || !target) throw new Error(`Demo complement ${from} -> ${to} names an unknown product`);
    complementsOf.set(source.id, [...(complementsOf.get(source.id) ?? []), { product: target, probability }]);
  }
  // Busier towards the end of the period and at weekends.
  const start = now.getTime() - DEMO_HISTORY_DAYS * DAY_MS;
  const dayWeights = cumulative(
    Array.from({ length: DEMO_HISTORY_DAYS }, (_, day) => {
      const weekday = new Date(start + day * DAY_MS).getUTCDay();
      return (1 + (0.4 * day) / DEMO_HISTORY_DAYS) * (weekday === 0 || weekday === 6 ? 1.3 : 1);
    }),
  );

  // Order numbers follow the order dates, as a store's do.
  const orderTimes = Array.from(
    { length: DEMO_ORDER_COUNT },
    () => start + random.weightedIndex(dayWeights) * DAY_MS + random.int(7 * 3600, 23 * 3600) * 1000,
  ).sort((a, b) => a - b);
  const orders: DemoOrderData[] = [];
  let lineNumber = 0;
  for (const [index, time] of orderTimes.entries()) {
    const createdAt = new Date(time);
    const basketSize = random.weightedIndex(BASKET_SIZE_CUMULATIVE) + 1;
    const picked = new Map<string, DemoProductData>();
    while (picked.size < basketSize) {
      const product = sellable[random.weightedIndex(productWeights)];
      if (!product) break;
      picked.set(product.id, product);
      for (const complement of complementsOf.get(product.id) ?? []) {
        if (random.chance(complement.probability)) picked.set(complement.product.id, complement.product);
      }
    }
    const orderId = gid("Order", 5_600_000_001 + index);
    const discounted = random.chance(0.12);
    // Since the bundles started, most baskets holding both of a bundle's products were added through it.
    const bundle =
      time >= now.getTime() - DEMO_OFFER_DAYS * DAY_MS ? offers.find((offer) => offer.productIds.every((id) => picked.has(id)) && random.chance(0.65)) : undefined;
    const lines = [...picked.values()].map((product): DemoOrderLineData => {
      const variant = random.pick(product.variants);
      const quantity = product.consumable && random.chance(0.3) ? random.int(2, 3) : 1;
      lineNumber += 1;
      return {
        id: gid("LineItem", 13_000_000_000 + lineNumber),
        orderId,
        productId: product.id,
        variantId: variant.id,
        title: variant.title === "Default Title" ? product.title : `${product.title} - ${variant.title}`,
        quantity,
        unitPriceMinor: variant.priceMinor,
        ...(bundle?.productIds.includes(product.id)
          ? {
              discountMinor: Math.floor((variant.priceMinor * quantity * DEMO_OFFER_BASIS_POINTS) / 10_000),
              properties: { _pairwise_offer: bundle.id, _pairwise_placement: random.chance(0.7) ? "product_page" : "cart" },
            }
          : { discountMinor: discounted ? Math.floor((variant.priceMinor * quantity) / 10) : 0, properties: {} }),
      };
    });
    const customer = random.chance(0.12) ? null : customers[Math.floor(customers.length * random.next() ** 2)];
    const cancelled = random.chance(0.015);
    const cancelledAt = cancelled ? new Date(createdAt.getTime() + random.int(1, 48) * 3_600_000) : null;
    const sales = lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity - line.discountMinor, 0);
    const returned = !cancelled && random.chance(0.04) ? lines[0] : undefined;
    const refunds: DemoRefundData[] = cancelledAt
      ? [{ id: gid("Refund", 7_700_000_001 + index), orderId, createdAt: cancelledAt, amountMinor: sales }]
      : returned
        ? [{ id: gid("Refund", 7_700_000_001 + index), orderId, createdAt: new Date(time + random.int(2, 20) * DAY_MS), amountMinor: returned.unitPriceMinor - Math.floor(returned.discountMinor / returned.quantity) }]
        : [];
    orders.push({
      id: orderId,
      name: `#${1001 + index}`,
      createdAt,
      customerId: customer?.id ?? null,
      subtotalMinor: lines.reduce((sum, line) => sum + line.unitPriceMinor * line.quantity - line.discountMinor, 0),
      totalDiscountMinor: lines.reduce((sum, line) => sum + line.discountMinor, 0),
      cancelledAt,
      test: random.chance(0.004),
      lines,
      // A refund in the future has not happened yet.
      refunds: refunds.filter((refund) => refund.createdAt <= now),
    });
  }
  return orders;
}

export const DEMO_RANDOM_SEED = 20_261_121;

export function generateDemoShop(now: Date): DemoShopData {
  const random = createRandom(DEMO_RANDOM_SEED);
  const { collections, products } = generateCatalog(random, now);
  const customers = generateCustomers(random, now);
  const byTitle = new Map(products.map((product) => [product.title, product.id]));
  const offers = DEMO_OFFERS.map((offer): DemoOfferData => {
    const [source, complement] = offer.products.map((title) => byTitle.get(title));
    if (!source || !complement) throw new Error(`Demo offer ${offer.id} names an unknown product`);
    return { id: offer.id, title: offer.title, productIds: [source, complement] };
  });
  const orders = generateOrders(random, now, products, customers, offers);
  return { collections, products, customers, orders, offers, offerEvents: generateOfferEvents(random, now, orders, offers) };
}

/**
 * Per offer and day, what the storefront would have recorded: adds a little above the orders that took the offer
 * (some carts are abandoned), clicks and impressions a multiple of the adds, a few dismissals.
 */
function generateOfferEvents(random: Random, now: Date, orders: DemoOrderData[], offers: DemoOfferData[]): DemoOfferEventsData[] {
  const ordersByOfferDay = new Map<string, number>();
  for (const order of orders) {
    const offerId = order.lines.find((line) => line.properties._pairwise_offer)?.properties._pairwise_offer;
    if (!offerId || order.test) continue;
    const key = `${offerId}|${Math.floor(order.createdAt.getTime() / DAY_MS)}`;
    ordersByOfferDay.set(key, (ordersByOfferDay.get(key) ?? 0) + 1);
  }
  const events: DemoOfferEventsData[] = [];
  const firstDay = Math.floor(now.getTime() / DAY_MS) - DEMO_OFFER_DAYS;
  for (const offer of offers) {
    for (let day = firstDay; day <= Math.floor(now.getTime() / DAY_MS); day += 1) {
      const ordered = ordersByOfferDay.get(`${offer.id}|${day}`) ?? 0;
      const adds = ordered + random.int(0, Math.max(1, Math.ceil(ordered * 0.6)));
      const clicks = adds * random.int(2, 3) + random.int(0, 4);
      const impressions = clicks * random.int(5, 8) + random.int(10, 40);
      const at = new Date(Math.min(now.getTime(), day * DAY_MS + 17 * 3_600_000));
      events.push({ offerId: offer.id, at, impressions, clicks, adds, dismissals: Math.round(impressions * 0.02) });
    }
  }
  return events;
}
