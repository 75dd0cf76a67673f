// The offer form's one schema: the browser validates with it as the merchant types, the server validates the same
// payload before saving. Pure, so both bundles can import it.
import { en } from "zod/locales";
import * as z from "zod/mini";
import { engineOfferSchema } from "./engine/offer-schema";
import { withinDates } from "./engine/conditions";
import type { EngineOffer, OfferKind } from "./engine/types";

z.config(en());

const textSchema = z.object({
  title: z.optional(z.string().check(z.maxLength(255))),
  description: z.optional(z.string().check(z.maxLength(1000))),
  badge: z.optional(z.string().check(z.maxLength(40, "keep the badge under 40 characters"))),
});

export const offerTextsSchema = z.record(z.string().check(z.regex(/^[a-z]{2}(-[A-Z]{2})?$/, "must be a locale like en or pt-BR")), textSchema);
export type OfferTexts = z.infer<typeof offerTextsSchema>;

export const offerFormSchema = z.object({ offer: engineOfferSchema, texts: offerTextsSchema });
export type OfferForm = z.infer<typeof offerFormSchema>;

/** Errors by field path ("offer.items.0.quantity"), first message per field, as the form shows them. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.core.$ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    // A bad record key (a locale) carries the useful message one level down.
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    errors[path] ??= message;
  }
  return errors;
}

export type OfferValidation = { ok: true; value: OfferForm } | { ok: false; errors: FieldErrors };

export function validateOfferForm(payload: unknown): OfferValidation {
  const parsed = offerFormSchema.safeParse(payload);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}

export type DisplayStatus = "draft" | "scheduled" | "active" | "paused" | "expired";

/** What the offers index shows: active offers outside their dates read as scheduled or expired. */
export function displayStatus(offer: Pick<EngineOffer, "status" | "startsOn" | "endsOn">, today: string): DisplayStatus {
  if (offer.status !== "active") return offer.status;
  if (withinDates(today, offer.startsOn, offer.endsOn)) return "active";
  return offer.startsOn && today < offer.startsOn ? "scheduled" : "expired";
}

export const OFFER_KIND_LABELS: Record<OfferKind["kind"], string> = {
  fixed_bundle: "Fixed bundle",
  mix_match: "Mix and match",
  quantity_breaks: "Quantity breaks",
  spend_tiers: "Spend tiers",
  buy_x_get_y: "Buy X get Y / gift",
  cart_rule: "Cart rule",
};

const percent = (basisPoints: number) => ({ type: "percentage" as const, basisPoints });

/** A sensible starting point for each kind, so a new form is valid once products are picked. */
export function newOffer(kind: OfferKind["kind"], placements: EngineOffer["placements"]): EngineOffer {
  const common = {
    id: "new",
    title: "",
    status: "draft" as const,
    priority: 0,
    combinesWith: { product: true, order: true, shipping: true },
    ...(placements ? { placements } : {}),
  };
  switch (kind) {
    case "fixed_bundle":
      return { ...common, kind, items: [], reward: percent(1000), maxApplications: 1 };
    case "mix_match":
      return { ...common, kind, pool: {}, quantity: 3, reward: percent(1000), maxApplications: 1 };
    case "quantity_breaks":
      return { ...common, kind, scope: {}, per: "product", tiers: [{ minQuantity: 2, reward: percent(1000) }, { minQuantity: 3, reward: percent(1500) }] };
    case "spend_tiers":
      return { ...common, kind, tiers: [{ minSubtotalMinor: 10000, reward: percent(1000) }] };
    case "buy_x_get_y":
      return { ...common, kind, buy: { selector: {}, quantity: 1 }, get: { selector: {}, quantity: 1 }, basisPoints: 10000, maxApplications: 1 };
    case "cart_rule":
      return { ...common, kind, actions: [{ type: "discount", reward: percent(1000) }] };
  }
}
