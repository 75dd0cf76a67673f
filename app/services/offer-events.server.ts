import { prisma } from "../db.server";
import { RECOMMENDATIONS_OFFER_ID } from "../domain/metrics/attribution";
import type { OfferEvent } from "../domain/metrics/offer-events";
import { recordOfferEvents } from "./rollups.server";

const DAY_MS = 86_400_000;
/** Browsers' clocks drift: a few minutes ahead is tolerated, a batch kept offline for more than a day is not counted. */
const FUTURE_TOLERANCE_MS = 5 * 60_000;

/**
 * Counts events a storefront or checkout reported: only for the shop's own offers (and its recommendations), and only
 * those stamped within the last day. Returns how many were counted.
 */
export async function recordStorefrontEvents(shop: string, events: OfferEvent[], now: Date): Promise<number> {
  const offerIds = [...new Set(events.map((event) => event.offerId))];
  const known = new Set((await prisma.offer.findMany({ where: { shop, id: { in: offerIds } }, select: { id: true } })).map((offer) => offer.id));
  known.add(RECOMMENDATIONS_OFFER_ID);
  const counted = events.filter((event) => known.has(event.offerId) && event.at.getTime() > now.getTime() - DAY_MS && event.at.getTime() < now.getTime() + FUTURE_TOLERANCE_MS);
  if (counted.length > 0) await prisma.$transaction((tx) => recordOfferEvents(tx, shop, counted));
  return counted.length;
}
