// What the theme blocks read from the app's `storefront-offers` metafield in Liquid, so that their first render needs
// no network: the offers shown on product and cart pages, in the engine's own format (the blocks' script evaluates
// them with the same engine as the discount Function), and the display limits.
import * as z from "zod/mini";
import { engineOfferSchema } from "../engine/offer-schema";
import { productIdsNamedBy } from "../engine/named-products";
import type { EngineOffer, Placement } from "../engine/types";
import { offerTextsSchema, type OfferTexts } from "../offer-form";

/** The app-data metafield (on the app installation) the blocks read as `app.metafields['$app']['storefront-offers']`. */
export const STOREFRONT_METAFIELD_KEY = "storefront-offers";
export const STOREFRONT_CONFIG_VERSION = 2;
const STOREFRONT_PLACEMENTS: readonly Placement[] = ["product_page", "cart"];

export const storefrontConfigSchema = z.object({
  version: z.literal(STOREFRONT_CONFIG_VERSION),
  shopCurrency: z.string(),
  maxOffersShown: z.int(),
  dismissalDays: z.int(),
  offers: z.array(z.intersection(engineOfferSchema, z.object({ texts: offerTextsSchema }))),
  /** Handles of the products the offers name, by product id: Liquid finds a product by its handle. */
  productHandles: z.record(z.string(), z.string()),
});
export type StorefrontConfig = z.infer<typeof storefrontConfigSchema>;

export type StorefrontSettings = { maxOffersShown: number; dismissalDays: number; defaultPlacements: Placement[] };

/** The active offers shown on product or cart pages, with their placements resolved against the shop's default. */
export function storefrontConfig(
  offers: readonly { offer: EngineOffer; texts: OfferTexts }[],
  shopCurrency: string,
  settings: StorefrontSettings,
  handleOf: ReadonlyMap<string, string>,
): StorefrontConfig {
  const shown = offers
    .map(({ offer, texts }) => ({ ...offer, placements: offer.placements ?? settings.defaultPlacements, texts }))
    .filter((offer) => offer.status === "active" && offer.placements.some((placement) => STOREFRONT_PLACEMENTS.includes(placement)));
  const productHandles: Record<string, string> = {};
  for (const id of productIdsNamedBy(shown)) {
    const handle = handleOf.get(id);
    if (handle) productHandles[id] = handle;
  }
  return { version: STOREFRONT_CONFIG_VERSION, shopCurrency, maxOffersShown: settings.maxOffersShown, dismissalDays: settings.dismissalDays, offers: shown, productHandles };
}
