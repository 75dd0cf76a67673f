// How an order line is attributed to an offer: the storefront blocks and the checkout extension add the line with
// these hidden line properties (docs/metrics.md). One definition for the writers and for the dashboard.

/** Names the offer the line was added through. */
export const OFFER_PROPERTY = "_pairwise_offer";
/** Where it was added: product_page, cart, checkout, thank_you. */
export const PLACEMENT_PROPERTY = "_pairwise_placement";

export function offerOfLine(properties: Readonly<Record<string, string>>): string | null {
  const offerId = properties[OFFER_PROPERTY]?.trim();
  return offerId ? offerId : null;
}
