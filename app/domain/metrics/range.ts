// The dashboard's date range from the page's query string: a preset (last N days) or explicit dates. Shared by the
// page and the CSV export.
import * as z from "zod/mini";
import { addDays, daysBetween } from "./time-zone";

export const RANGE_PRESETS = [7, 30, 90, 365] as const;
export const MAX_RANGE_DAYS = 731;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/, "use YYYY-MM-DD"), z.refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)), "not a date"));

const rangeQuerySchema = z.object({ from: z.optional(day), to: z.optional(day), days: z.optional(z.enum(RANGE_PRESETS.map(String) as [string, ...string[]])) });

export type DateRange = { from: string; to: string };

/** The range asked for (default: the last 30 days up to `today`, the shop's local date), or why it is invalid. */
export function resolveRange(query: Record<string, string>, today: string): { ok: true; range: DateRange } | { ok: false; error: string } {
  const parsed = rangeQuerySchema.safeParse(query);
  if (!parsed.success) return { ok: false, error: `Invalid date range: ${parsed.error.issues.map((issue) => `${issue.path.join(".")} ${issue.message}`).join("; ")}` };
  const { from, to, days } = parsed.data;
  if (from && to) {
    if (from > to) return { ok: false, error: "The start date is after the end date." };
    if (daysBetween(from, to) > MAX_RANGE_DAYS) return { ok: false, error: `Choose at most ${MAX_RANGE_DAYS} days.` };
    return { ok: true, range: { from, to } };
  }
  const length = Number(days ?? 30);
  return { ok: true, range: { from: addDays(today, -(length - 1)), to: today } };
}
