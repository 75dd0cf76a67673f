import { prisma } from "../db.server";
import { RECOMMENDATIONS_OFFER_ID } from "../domain/metrics/attribution";
import type { Dashboard } from "../domain/metrics/metrics";
import { money, toDecimal } from "../domain/money";
import { resolveRange, type DateRange } from "../domain/metrics/range";
import { localDay } from "../domain/metrics/time-zone";
import { listOffers } from "../models/offer.server";
import type { ShopDataPort, ShopInfo } from "../shop-data/port";
import { hasOrders, loadDashboard } from "./dashboard.server";

export type DashboardPage =
  | { kind: "invalid"; shopInfo: ShopInfo; error: string }
  | { kind: "empty"; shopInfo: ShopInfo; range: DateRange }
  | { kind: "ready"; shopInfo: ShopInfo; range: DateRange; dashboard: Dashboard; offerLinks: Record<string, OfferLink> };

/** How the dashboard names an offer and where it links: the offer, or the recommendations page for mined suggestions. */
export type OfferLink = { title: string; href: string };

/** The dashboard for the range in the page's query, in the shop's currency and time zone. */
export async function loadDashboardPage(shop: string, shopData: ShopDataPort, query: Record<string, string>, now: Date): Promise<DashboardPage> {
  const shopInfo = await shopData.getShopInfo();
  const resolved = resolveRange(query, localDay(now, shopInfo.ianaTimezone));
  if (!resolved.ok) return { kind: "invalid", shopInfo, error: resolved.error };
  const { range } = resolved;
  if (!(await hasOrders(prisma, shop))) return { kind: "empty", shopInfo, range };
  const [dashboard, offers] = await Promise.all([loadDashboard(prisma, shop, shopInfo, range.from, range.to), listOffers(shop)]);
  const offerLinks: Record<string, OfferLink> = {
    [RECOMMENDATIONS_OFFER_ID]: { title: "Recommended from your orders", href: "/app/recommendations" },
    ...Object.fromEntries(offers.map((offer) => [offer.id, { title: offer.offer.title, href: `/app/offers/${encodeURIComponent(offer.id)}` }])),
  };
  return { kind: "ready", shopInfo, range, dashboard, offerLinks };
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The per-offer table as CSV (amounts as decimals in the shop's currency). */
export function offersCsv(page: Extract<DashboardPage, { kind: "ready" }>): string {
  const { dashboard, offerLinks } = page;
  const amount = (minor: number) => toDecimal(money(minor, dashboard.currency));
  const header = ["offer_id", "offer", "impressions", "clicks", "adds", "orders", "units", `revenue_${dashboard.currency}`, "take_rate", "adds_per_impression", "orders_per_add"];
  const rows = dashboard.current.offers.map((offer) => [
    offer.offerId, offerLinks[offer.offerId]?.title ?? "(deleted offer)", offer.impressions, offer.clicks, offer.adds, offer.orders, offer.units, amount(offer.revenueMinor),
    offer.takeRate, offer.addsPerImpression, offer.ordersPerAdd,
  ]);
  return [header, ...rows].map((row) => row.map(csvCell).join(",")).join("\n") + "\n";
}
