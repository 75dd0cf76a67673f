import { validateSettingsForm, type SettingsForm } from "../domain/settings-form";
import type { FieldErrors } from "../domain/offer-form";
import { saveSettings } from "../models/settings.server";
import type { AdminContext } from "./admin-context.server";
import { parseJsonField } from "./form-data";
import { publishOffers, type PublishResult } from "./offer-publisher.server";

export type SaveSettingsResult = { ok: false; errors: FieldErrors } | { ok: true; settings: SettingsForm; publish: PublishResult };

/** Saves the settings and republishes, since limits and combinations travel with the published offers. */
export async function saveSettingsFromForm(admin: AdminContext, payload: FormDataEntryValue | null, now: Date): Promise<SaveSettingsResult> {
  const validation = validateSettingsForm(parseJsonField(payload));
  if (!validation.ok) return validation;
  await saveSettings(admin.shop, validation.value);
  return { ok: true, settings: validation.value, publish: await publishOffers(admin.shop, admin.shopData, now) };
}
