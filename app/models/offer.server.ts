import type { Prisma } from "@prisma/client";
import * as z from "zod/mini";
import { prisma } from "../db.server";
import { engineOfferSchema } from "../domain/engine/offer-schema";
import type { EngineOffer, OfferStatus } from "../domain/engine/types";
import { offerTextsSchema, type OfferForm, type OfferTexts } from "../domain/offer-form";

export type StoredOffer = { id: string; offer: EngineOffer; texts: OfferTexts; createdAt: Date; updatedAt: Date };

type OfferRow = Prisma.OfferGetPayload<object>;

/** Rows are parsed, never cast: a row that no longer validates is reported, not silently used. */
function toStoredOffer(row: OfferRow): StoredOffer {
  const offer = engineOfferSchema.safeParse(row.definition);
  const texts = offerTextsSchema.safeParse(row.texts);
  if (!offer.success || !texts.success) throw new Error(`Offer ${row.id} of ${row.shop} is not a valid offer`);
  return { id: row.id, offer: offer.data, texts: texts.data, createdAt: row.createdAt, updatedAt: row.updatedAt };
}

/** An offer is plain JSON by construction (validated by its schema); Prisma's JSON input type cannot see that. */
const asJson = (value: EngineOffer | OfferTexts) => value as unknown as Prisma.InputJsonValue;

function columnsOf(offer: EngineOffer, texts: OfferTexts) {
  return {
    kind: offer.kind,
    title: offer.title,
    status: offer.status,
    priority: offer.priority,
    startsOn: offer.startsOn ?? null,
    endsOn: offer.endsOn ?? null,
    definition: asJson(offer),
    texts: asJson(texts),
  };
}

export async function listOffers(shop: string): Promise<StoredOffer[]> {
  const rows = await prisma.offer.findMany({ where: { shop }, orderBy: [{ priority: "desc" }, { updatedAt: "desc" }] });
  return rows.map(toStoredOffer);
}

/** The shop's offer, or null when there is none with that id in this shop. */
export async function findOffer(shop: string, id: string): Promise<StoredOffer | null> {
  const row = await prisma.offer.findFirst({ where: { shop, id } });
  return row ? toStoredOffer(row) : null;
}

export async function createOffer(shop: string, form: OfferForm, tx: Prisma.TransactionClient = prisma): Promise<StoredOffer> {
  const row = await tx.offer.create({ data: { shop, ...columnsOf(form.offer, form.texts) } });
  // The engine's offer carries the row's id, which the Function's messages and the attribution use.
  const withId = { ...form.offer, id: row.id };
  return toStoredOffer(
    await tx.offer.update({ where: { shop_id: { shop, id: row.id } }, data: { definition: asJson(withId) } }),
  );
}

/** Null when the shop has no such offer (nothing is changed). */
export async function updateOffer(shop: string, id: string, form: OfferForm): Promise<StoredOffer | null> {
  const offer = { ...form.offer, id };
  const updated = await prisma.offer.updateMany({ where: { shop, id }, data: columnsOf(offer, form.texts) });
  return updated.count === 0 ? null : findOffer(shop, id);
}

export async function setOffersStatus(shop: string, ids: string[], status: OfferStatus): Promise<number> {
  return prisma.$transaction(async (tx) => {
    const rows = await tx.offer.findMany({ where: { shop, id: { in: ids } } });
    for (const row of rows) {
      const { offer } = toStoredOffer(row);
      await tx.offer.update({
        where: { shop_id: { shop, id: row.id } },
        data: { status, definition: asJson({ ...offer, status }) },
      });
    }
    return rows.length;
  });
}

export async function deleteOffers(shop: string, ids: string[]): Promise<number> {
  return (await prisma.offer.deleteMany({ where: { shop, id: { in: ids } } })).count;
}

/** A copy as a draft, so it never goes live by accident. */
export async function duplicateOffer(shop: string, id: string): Promise<StoredOffer | null> {
  const original = await findOffer(shop, id);
  if (!original) return null;
  return createOffer(shop, { offer: { ...original.offer, title: `${original.offer.title} (copy)`, status: "draft" }, texts: original.texts });
}

/** Imports a whole offers file in one transaction: the offers replace those with the same id, others are added. */
export async function importOffers(shop: string, offers: EngineOffer[], texts: Record<string, OfferTexts> = {}): Promise<{ created: number; updated: number }> {
  return prisma.$transaction(async (tx) => {
    let created = 0;
    let updated = 0;
    for (const offer of offers) {
      const offerTexts = texts[offer.id] ?? {};
      const existing = await tx.offer.updateMany({ where: { shop, id: offer.id }, data: columnsOf(offer, offerTexts) });
      if (existing.count > 0) updated += 1;
      else {
        await tx.offer.create({ data: { id: offer.id, shop, ...columnsOf(offer, offerTexts) } });
        created += 1;
      }
    }
    return { created, updated };
  });
}

export const offerIdsSchema = z.array(z.string().check(z.minLength(1))).check(z.minLength(1, "select at least one offer"));
