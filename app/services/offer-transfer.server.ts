import * as z from "zod/mini";
import { offersFileSchema, type OffersFile } from "../domain/engine/offer-schema";
import { importOffers, listOffers } from "../models/offer.server";
import type { AdminContext } from "./admin-context.server";
import { publishOffers, type PublishResult } from "./offer-publisher.server";

/** All of the shop's offers in the documented file format (docs/offers.md). */
export async function exportOffers(admin: AdminContext): Promise<OffersFile> {
  const [offers, shopInfo] = await Promise.all([listOffers(admin.shop), admin.shopData.getShopInfo()]);
  return {
    version: 1,
    shopCurrency: shopInfo.currencyCode,
    offers: offers.map((stored) => stored.offer),
    texts: Object.fromEntries(offers.map((stored) => [stored.offer.id, stored.texts])),
  };
}

export type ImportReport =
  | { ok: false; problems: string[] }
  | { ok: true; created: number; updated: number; publish: PublishResult };

const MAX_IMPORT_BYTES = 2_000_000;

/** Where a problem is, in words: "Offer 3 (“Brew kit”), items › 0 › quantity". */
function describe(issue: z.core.$ZodIssue, json: unknown): string {
  const [first, index, ...rest] = issue.path;
  if (first === "offers" && typeof index === "number") {
    const offers = (json as { offers?: { title?: unknown }[] }).offers;
    const title = offers?.[index]?.title;
    const name = `Offer ${index + 1}${typeof title === "string" && title ? ` (“${title}”)` : ""}`;
    return `${name}${rest.length > 0 ? `, ${rest.join(" › ")}` : ""}: ${issue.message}`;
  }
  return `${issue.path.join(" › ") || "File"}: ${issue.message}`;
}

/**
 * Imports an offers file: every entry is validated first, and nothing is imported unless all of them are valid.
 * Amounts are in the shop's currency, so a file from a store with another currency is refused.
 */
export async function importOffersFile(admin: AdminContext, file: FormDataEntryValue | null, now: Date): Promise<ImportReport> {
  if (!(file instanceof File) || file.size === 0) return { ok: false, problems: ["Choose an offers file (.json) to import."] };
  if (file.size > MAX_IMPORT_BYTES) return { ok: false, problems: ["The file is larger than 2 MB; an offers file is far smaller."] };
  let json: unknown;
  try {
    json = JSON.parse(await file.text());
  } catch (error) {
    return { ok: false, problems: [`The file is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = offersFileSchema.safeParse(json);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map((issue) => describe(issue, json)) };
  const shopInfo = await admin.shopData.getShopInfo();
  if (parsed.data.shopCurrency !== shopInfo.currencyCode) {
    return { ok: false, problems: [`The file's amounts are in ${parsed.data.shopCurrency}, but your store sells in ${shopInfo.currencyCode}.`] };
  }
  const counts = await importOffers(admin.shop, parsed.data.offers, parsed.data.texts ?? {});
  return { ok: true, ...counts, publish: await publishOffers(admin.shop, admin.shopData, now) };
}
