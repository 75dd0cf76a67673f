// The configuration the discount Function reads from its `$app` metafield: the shop's active offers in a compact
// JSON (short keys, short ids), because Shopify does not pass a metafield over 10,000 bytes to a Function.
import * as z from "zod/mini";
import { engineOfferSchema } from "./offer-schema";
import type { EngineOffer } from "./types";

export const FUNCTION_CONFIG_METAFIELD_KEY = "function-configuration";
export const FUNCTION_INPUT_METAFIELD_KEY = "function-input";
export const FUNCTION_CONFIG_LIMIT_BYTES = 10_000;

export type FunctionConfig = { shopCurrency: string; offers: EngineOffer[] };

// Every key an offer can have, and its short form. Encoding fails on a key missing here, so nothing is dropped.
const SHORT_KEYS: Record<string, string> = {
  id: "i", title: "t", status: "st", priority: "p", combinesWith: "cw", conditions: "cd", startsOn: "so", endsOn: "eo",
  minMarginBasisPoints: "mm", placements: "vs", kind: "k", items: "it", selector: "s", quantity: "q", reward: "r", maxApplications: "ma",
  pool: "pl", scope: "sc", per: "pe", tiers: "ti", minQuantity: "mq", minSubtotalMinor: "ms", freeShipping: "fs",
  buy: "b", get: "g", productId: "pi", variantId: "vi", basisPoints: "bp", actions: "ac", type: "ty", target: "tg",
  productIds: "P", variantIds: "V", collectionIds: "C", productTags: "T", vendors: "ve", productTypes: "pt",
  amountMinor: "a", all: "al", any: "an", not: "no", cartHas: "ch", subtotal: "su", minMinor: "mn", maxMinor: "mx",
  itemCount: "ic", min: "mi", max: "xa", customer: "cu", customerTag: "ct", country: "co", market: "mk",
  currency: "cy", schedule: "sh", daysOfWeek: "dw", product: "pr", order: "or", shipping: "sp",
};
const LONG_KEYS = Object.fromEntries(Object.entries(SHORT_KEYS).map(([long, short]) => [short, long]));

// Ids under these keys are stored as their number with a one-letter type.
const GID_KEYS: Record<string, string> = {
  productIds: "Product", productId: "Product", variantIds: "ProductVariant", variantId: "ProductVariant",
  collectionIds: "Collection",
};

function shortenGid(value: unknown): unknown {
  return typeof value === "string" ? value.replace(/^gid:\/\/shopify\/\w+\//, "") : value;
}

function encodeValue(value: unknown, key: string | null): unknown {
  if (Array.isArray(value)) return value.map((item) => (key && GID_KEYS[key] ? shortenGid(item) : encodeValue(item, null)));
  if (key && GID_KEYS[key]) return shortenGid(value);
  if (value === null || typeof value !== "object") return value;
  const encoded: Record<string, unknown> = {};
  for (const [name, inner] of Object.entries(value)) {
    if (inner === undefined) continue;
    const short = SHORT_KEYS[name];
    if (!short) throw new Error(`Offer field "${name}" has no compact form`);
    encoded[short] = encodeValue(inner, name);
  }
  return encoded;
}

function decodeValue(value: unknown, key: string | null): unknown {
  const gidType = key ? GID_KEYS[key] : undefined;
  if (Array.isArray(value)) return value.map((item) => (gidType ? `gid://shopify/${gidType}/${String(item)}` : decodeValue(item, null)));
  if (gidType) return `gid://shopify/${gidType}/${String(value)}`;
  if (value === null || typeof value !== "object") return value;
  const decoded: Record<string, unknown> = {};
  for (const [short, inner] of Object.entries(value)) {
    const name = LONG_KEYS[short];
    // An unknown key means a configuration from another version: refuse it rather than guess.
    if (!name) throw new Error(`Unknown configuration key "${short}"`);
    decoded[name] = decodeValue(inner, name);
  }
  return decoded;
}

const CONFIG_VERSION = 1;

export function encodeFunctionConfig(config: FunctionConfig): string {
  return JSON.stringify({ v: CONFIG_VERSION, c: config.shopCurrency, o: config.offers.map((offer) => encodeValue(offer, null)) });
}

const compactConfigSchema = z.object({ v: z.literal(CONFIG_VERSION), c: z.string(), o: z.array(z.unknown()) });
const offersSchema = z.array(engineOfferSchema);

/** Reads the Function's configuration; null when it is missing or not valid, so the Function grants nothing. */
export function decodeFunctionConfig(value: unknown): FunctionConfig | null {
  const compact = compactConfigSchema.safeParse(value);
  if (!compact.success) return null;
  try {
    const offers = offersSchema.safeParse(compact.data.o.map((offer) => decodeValue(offer, null)));
    return offers.success ? { shopCurrency: compact.data.c, offers: offers.data } : null;
  } catch {
    return null;
  }
}

/** Whether an offer can change what checkout charges (suggest-only cart rules cannot). */
function affectsCheckout(offer: EngineOffer): boolean {
  return offer.status === "active" && (offer.kind !== "cart_rule" || offer.actions.some((action) => action.type !== "suggest" && action.type !== "suggest_recommended"));
}

export type FunctionInputVariables = { collectionIds: string[]; productTags: string[]; customerTags: string[] };

/** The collections and tags offers mention: the Function's input query asks Shopify about exactly these. */
export function functionInputVariables(offers: readonly EngineOffer[]): FunctionInputVariables {
  const collections = new Set<string>();
  const productTags = new Set<string>();
  const customerTags = new Set<string>();
  const visit = (value: unknown, key: string | null) => {
    if (Array.isArray(value)) {
      for (const item of value) {
        if (key === "collectionIds") collections.add(String(item));
        else if (key === "productTags") productTags.add(String(item));
        else visit(item, null);
      }
    } else if (value && typeof value === "object") {
      for (const [name, inner] of Object.entries(value)) {
        if (name === "customerTag") customerTags.add(String(inner));
        else visit(inner, name);
      }
    }
  };
  offers.forEach((offer) => visit(offer, null));
  return { collectionIds: [...collections].sort(), productTags: [...productTags].sort(), customerTags: [...customerTags].sort() };
}

export type CompiledFunctionConfig =
  | { ok: true; value: string; bytes: number; inputVariables: FunctionInputVariables }
  | { ok: false; bytes: number; message: string; largestOffers: { id: string; title: string; bytes: number }[] };

const byteLength = (text: string) => new TextEncoder().encode(text).length;

/**
 * Compiles the offers checkout must apply. When they do not fit Shopify's limit, says so and lists the offers that
 * take the most room, so the merchant knows which to trim.
 */
export function compileFunctionConfig(offers: readonly EngineOffer[], shopCurrency: string): CompiledFunctionConfig {
  // Placements only steer what the storefront shows; checkout does not need them.
  const included = offers
    .filter(affectsCheckout)
    .map(({ placements: _placements, ...offer }) => offer)
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const value = encodeFunctionConfig({ shopCurrency, offers: included });
  const bytes = byteLength(value);
  if (bytes <= FUNCTION_CONFIG_LIMIT_BYTES) return { ok: true, value, bytes, inputVariables: functionInputVariables(included) };
  const largestOffers = included
    .map((offer) => ({ id: offer.id, title: offer.title, bytes: byteLength(JSON.stringify(encodeValue(offer, null))) }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);
  return {
    ok: false,
    bytes,
    largestOffers,
    message:
      `The active offers need ${bytes.toLocaleString("en")} bytes, more than the ${FUNCTION_CONFIG_LIMIT_BYTES.toLocaleString("en")} ` +
      `Shopify passes to a discount Function. Shorten or pause some of these: ` +
      largestOffers.map((offer) => `"${offer.title}" (${offer.bytes.toLocaleString("en")} bytes)`).join(", "),
  };
}
