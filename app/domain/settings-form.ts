// The settings form's schema, shared by the browser and the server.
import { en } from "zod/locales";
import * as z from "zod/mini";
import { fieldErrors, type FieldErrors } from "./offer-form";

z.config(en());

export const PLACEMENTS = ["product_page", "cart", "checkout", "thank_you"] as const;

export const PLACEMENT_LABELS: Record<(typeof PLACEMENTS)[number], string> = {
  product_page: "Product page",
  cart: "Cart",
  checkout: "Checkout",
  thank_you: "Thank-you page",
};

export type PlacementName = (typeof PLACEMENTS)[number];

/** Turns one placement on or off, keeping the list in the canonical order. */
export function withPlacement(placements: readonly PlacementName[], placement: PlacementName, on: boolean): PlacementName[] {
  return on ? PLACEMENTS.filter((p) => p === placement || placements.includes(p)) : placements.filter((p) => p !== placement);
}

export const settingsFormSchema = z.object({
  maxOffersShown: z.number().check(z.int(), z.minimum(1, "show at least one offer"), z.maximum(10, "more than 10 offers at once overwhelms shoppers")),
  defaultPlacements: z.array(z.enum(PLACEMENTS)),
  dismissalDays: z.number().check(z.int(), z.minimum(0), z.maximum(365, "at most a year")),
  combinesWithProduct: z.boolean(),
  combinesWithOrder: z.boolean(),
  combinesWithShipping: z.boolean(),
  recommendationHalfLifeDays: z.nullable(z.number().check(z.int(), z.minimum(7, "at least 7 days, or recent noise outweighs your history"), z.maximum(3650, "at most 10 years"))),
  substitutePricePercent: z.number().check(z.int(), z.minimum(0), z.maximum(100, "at most 100 %")),
});

export type SettingsForm = z.infer<typeof settingsFormSchema>;

export const DEFAULT_SETTINGS: SettingsForm = {
  maxOffersShown: 3,
  defaultPlacements: [...PLACEMENTS],
  dismissalDays: 30,
  combinesWithProduct: false,
  combinesWithOrder: false,
  combinesWithShipping: true,
  recommendationHalfLifeDays: null,
  substitutePricePercent: 25,
};

export function validateSettingsForm(payload: unknown): { ok: true; value: SettingsForm } | { ok: false; errors: FieldErrors } {
  const parsed = settingsFormSchema.safeParse(payload);
  return parsed.success ? { ok: true, value: parsed.data } : { ok: false, errors: fieldErrors(parsed.error) };
}
