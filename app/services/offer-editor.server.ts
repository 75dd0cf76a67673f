import { prisma } from "../db.server";
import { addDays } from "../domain/metrics/time-zone";
import { loadDashboard } from "./dashboard.server";
import type { EngineOffer, OfferKind } from "../domain/engine/types";
import { localDate } from "../domain/dates";
import { newOffer, validateOfferForm, type FieldErrors, type OfferTexts } from "../domain/offer-form";
import {
  createOffer,
  deleteOffers,
  duplicateOffer,
  listOffers,
  offerIdsSchema,
  setOffersStatus,
  updateOffer,
} from "../models/offer.server";
import { getSettings } from "../models/settings.server";
import type { AdminContext } from "./admin-context.server";
import { loadPickerCatalog } from "./catalog.server";
import { parseJsonField } from "./form-data";
import { publicationStatus, publishOffers, type PublishResult } from "./offer-publisher.server";

export class OfferNotFound extends Response {
  constructor() {
    super("No such offer in this shop", { status: 404 });
  }
}

/** Everything the offer editor needs: the offer (or a new one of `kind`), the shop's other offers, the catalog. */
export async function loadOfferEditor(admin: AdminContext, target: { id: string } | { kind: OfferKind["kind"] }, now: Date) {
  const [shopInfo, settings, offers, publication] = await Promise.all([
    admin.shopData.getShopInfo(),
    getSettings(admin.shop),
    listOffers(admin.shop),
    publicationStatus(admin.shop),
  ]);
  let offer: EngineOffer;
  let texts: OfferTexts = {};
  if ("id" in target) {
    const stored = offers.find((candidate) => candidate.id === target.id);
    if (!stored) throw new OfferNotFound();
    offer = stored.offer;
    texts = stored.texts;
  } else {
    offer = newOffer(target.kind, settings.defaultPlacements);
  }
  return {
    offer,
    texts,
    isNew: !("id" in target),
    otherOffers: offers.filter((stored) => stored.id !== offer.id).map((stored) => stored.offer),
    // Inside Shopify the resource picker finds products; only the demo loads its catalog.
    catalog: admin.embedded ? [] : await loadPickerCatalog(admin.shopData),
    collections: admin.embedded ? [] : (await admin.shopData.listCollections({ first: 250 })).items.map(({ id, title }) => ({ id, title })),
    shop: { currencyCode: shopInfo.currencyCode, locales: shopInfo.locales, today: localDate(shopInfo.ianaTimezone, now) },
    publication,
  };
}

export type SaveOfferResult =
  | { ok: false; errors: FieldErrors }
  | { ok: true; id: string; publish: PublishResult };

/** Validates the submitted form, saves it, then publishes the shop's offers. */
export async function saveOffer(admin: AdminContext, id: string | null, payload: FormDataEntryValue | null, now: Date): Promise<SaveOfferResult> {
  const validation = validateOfferForm(parseJsonField(payload));
  if (!validation.ok) return validation;
  const saved = id ? await updateOffer(admin.shop, id, validation.value) : await createOffer(admin.shop, validation.value);
  if (!saved) throw new OfferNotFound();
  return { ok: true, id: saved.id, publish: await publishOffers(admin.shop, admin.shopData, now) };
}

export async function duplicateOfferById(admin: AdminContext, id: string): Promise<string> {
  const copy = await duplicateOffer(admin.shop, id);
  if (!copy) throw new OfferNotFound();
  return copy.id;
}

export async function deleteOfferById(admin: AdminContext, id: string, now: Date): Promise<PublishResult> {
  if ((await deleteOffers(admin.shop, [id])) === 0) throw new OfferNotFound();
  return publishOffers(admin.shop, admin.shopData, now);
}

export async function loadOffersIndex(admin: AdminContext, now: Date) {
  const [shopInfo, offers, publication] = await Promise.all([
    admin.shopData.getShopInfo(),
    listOffers(admin.shop),
    publicationStatus(admin.shop),
  ]);
  const today = localDate(shopInfo.ianaTimezone, now);
  // Each offer's orders over the last 30 days, as the dashboard counts them.
  const recent = await loadDashboard(prisma, admin.shop, shopInfo, addDays(today, -29), today);
  const ordersLast30Days = Object.fromEntries(recent.current.offers.map((offer) => [offer.offerId, offer.orders]));
  return { offers, today, publication, ordersLast30Days };
}

export type BulkIntent = "activate" | "pause" | "delete" | "publish";

export type BulkResult = { ok: false; error: string } | { ok: true; changed: number; publish: PublishResult | null };

/** Pauses, activates or deletes the selected offers of this shop (ids of other shops change nothing), then publishes. */
export async function applyBulkAction(admin: AdminContext, intent: FormDataEntryValue | null, ids: FormDataEntryValue | null, now: Date): Promise<BulkResult> {
  if (intent === "publish") return { ok: true, changed: 0, publish: await publishOffers(admin.shop, admin.shopData, now) };
  const parsedIds = offerIdsSchema.safeParse(parseJsonField(ids));
  if (!parsedIds.success) return { ok: false, error: "Select at least one offer." };
  let changed: number;
  if (intent === "activate") changed = await setOffersStatus(admin.shop, parsedIds.data, "active");
  else if (intent === "pause") changed = await setOffersStatus(admin.shop, parsedIds.data, "paused");
  else if (intent === "delete") changed = await deleteOffers(admin.shop, parsedIds.data);
  else return { ok: false, error: "Unknown action." };
  // Nothing of this shop changed (e.g. ids of another shop): nothing to publish.
  return { ok: true, changed, publish: changed > 0 ? await publishOffers(admin.shop, admin.shopData, now) : null };
}
