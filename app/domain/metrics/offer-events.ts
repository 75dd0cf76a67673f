// What shoppers do with an offer where it is shown, as the storefront and checkout report it: no personal data,
// only the offer, the placement, what happened and when. Pure; shared by the event endpoint and `npm run metrics`.
import * as z from "zod/mini";
import { MAX_EVENTS_PER_BATCH } from "./attribution";
import { bucketStart } from "./rollup";
import type { EventCounts } from "./metrics";

export const OFFER_EVENT_TYPES = ["impression", "click", "add", "dismiss"] as const;
export const PLACEMENTS = ["product_page", "cart", "checkout", "thank_you"] as const;

export const offerEventSchema = z.object({
  offerId: z.string().check(z.minLength(1), z.maxLength(64)),
  type: z.enum(OFFER_EVENT_TYPES),
  placement: z.enum(PLACEMENTS),
  at: z.pipe(z.string().check(z.iso.datetime({ offset: true })), z.transform((value) => new Date(value))),
});
export type OfferEvent = z.infer<typeof offerEventSchema>;

export const offerEventBatchSchema = z.object({ events: z.array(offerEventSchema).check(z.minLength(1), z.maxLength(MAX_EVENTS_PER_BATCH)) });

const COUNTER: Record<OfferEvent["type"], keyof EventCounts> = { impression: "impressions", click: "clicks", add: "adds", dismiss: "dismissals" };

export type EventBucketRow = EventCounts & { bucketStart: Date; offerId: string; placement: string };

/** Events counted per 15-minute bucket, offer and placement. */
export function rollupEvents(events: OfferEvent[]): EventBucketRow[] {
  const rows = new Map<string, EventBucketRow>();
  for (const event of events) {
    const start = bucketStart(event.at);
    const key = `${start.getTime()}|${event.offerId}|${event.placement}`;
    let row = rows.get(key);
    if (!row) rows.set(key, (row = { bucketStart: start, offerId: event.offerId, placement: event.placement, impressions: 0, clicks: 0, adds: 0, dismissals: 0 }));
    row[COUNTER[event.type]] += 1;
  }
  return [...rows.values()];
}
