// How an order line is attributed to an offer: the storefront blocks and the checkout extension add the line with
// these hidden line properties (docs/metrics.md). One definition for the writers and for the dashboard.

/** Names the offer the line was added through. */
export const OFFER_PROPERTY = "_pairwise_offer";
/** Where it was added: product_page, cart, checkout, thank_you. */
export const PLACEMENT_PROPERTY = "_pairwise_placement";

/** The offer id of products suggested from the shop's order history rather than by one of the merchant's offers. */
export const RECOMMENDATIONS_OFFER_ID = "recommended";

/** At most this many events per report: a storefront batches them, and a bigger batch is refused whole. */
export const MAX_EVENTS_PER_BATCH = 100;

export function offerOfLine(properties: Readonly<Record<string, string>>): string | null {
  const offerId = properties[OFFER_PROPERTY]?.trim();
  return offerId ? offerId : null;
}
