import { prisma } from "../db.server";
import { DEFAULT_SETTINGS, settingsFormSchema, type SettingsForm } from "../domain/settings-form";

export async function getSettings(shop: string): Promise<SettingsForm> {
  const row = await prisma.shopSettings.findUnique({ where: { shop } });
  if (!row) return DEFAULT_SETTINGS;
  const { shop: _shop, updatedAt: _updatedAt, ...values } = row;
  return settingsFormSchema.parse(values);
}

export async function saveSettings(shop: string, settings: SettingsForm): Promise<void> {
  await prisma.shopSettings.upsert({ where: { shop }, create: { shop, ...settings }, update: settings });
}
