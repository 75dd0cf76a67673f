// The checkout extension's requests to the app and the app's answers: zod/mini schemas for the server, plain types for
// the extension (which imports types only, so no validator ships in its 64 KB bundle).
import * as z from "zod/mini";
import type { Money } from "../money";
import { shopperCartSchema } from "../storefront/requests";

/** POST /api/checkout/offers: the checkout's lines (checkout knows no presentment rate; the server estimates it). */
export const checkoutOffersRequestSchema = shopperCartSchema;
/** A full cart (250 lines of gids and numbers) fits with room to spare. */
export const CHECKOUT_OFFERS_MAX_BYTES = 64 * 1024;
export type CheckoutOffersRequest = z.input<typeof checkoutOffersRequestSchema>;

const MAX_PURCHASED_PRODUCTS = 50;
export const THANK_YOU_MAX_BYTES = 8 * 1024;

/** POST /api/checkout/recommendations: what the order on the thank-you page contains. */
export const thankYouRequestSchema = z.object({
  productIds: z
    .array(z.string().check(z.regex(/^gid:\/\/shopify\/Product\/\d+$/, "productIds must be product gids")))
    .check(z.minLength(1, "productIds is required"), z.maxLength(MAX_PURCHASED_PRODUCTS, `at most ${MAX_PURCHASED_PRODUCTS} products`)),
});
export type ThankYouRequest = z.infer<typeof thankYouRequestSchema>;

/** A product the buyer can add at checkout (or buy next time, on the thank-you page). */
export type OfferedProduct = { offerId: string; productId: string; variantId: string; title: string; handle: string; price: Money; compareAtPrice: Money | null };

/** What the cart-line-list target shows; the server's CartOffersView is a superset. Amounts in the cart currency. */
export type CheckoutOffersResponse = {
  currency: string;
  savingMinor: number;
  appliedOffers: { offerId: string; title: string; savingMinor: number }[];
  progress: { offerId: string; remainingMinor: number; freeShipping: boolean } | null;
  suggestions: OfferedProduct[];
  maxOffersShown: number;
  dismissalDays: number;
};

/** What the thank-you target shows. Prices in the shop currency. */
export type ThankYouResponse = {
  recommendations: Omit<OfferedProduct, "offerId">[];
  maxOffersShown: number;
  dismissalDays: number;
};
