// What every Pairwise block's script needs: the block's texts and money format, adds through the theme's Ajax Cart
// API with the attribution properties, dismissals, and batched events for the dashboard. Bundled into each block
// script (extensions/pairwise-storefront/assets), which must stay small: no engine, no validation library here.
import type { EngineOffer, Placement } from "../domain/engine/types";
import { toCartCurrency, type ToCart } from "../domain/engine/rewards";
import { MAX_EVENTS_PER_BATCH, OFFER_PROPERTY, PLACEMENT_PROPERTY } from "../domain/metrics/attribution";
import { numericId } from "./ajax-cart";
import { moneyFormatter } from "./money-format";

declare global {
  interface Window {
    Shopify?: { currency?: { active?: string; rate?: string } };
  }
}

export type Root = HTMLElement;
export type Suggestion = { offerId: string; productId: string; variantId: string; title: string; handle: string; price: { amountMinor: number } };

export const $ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => root.querySelector<T>(selector);
export const $$ = <T extends Element = HTMLElement>(root: ParentNode, selector: string) => [...root.querySelectorAll<T>(selector)];
export const json = <T>(root: ParentNode, selector: string): T => JSON.parse($(root, selector)?.textContent || "null") as T;
export const element = (tag: string, className: string, text = "") => Object.assign(document.createElement(tag), { className, textContent: text });
export const rate = () => String(window.Shopify?.currency?.rate ?? "1");
export const fill = (text: string | undefined, values: Record<string, string>) => (text ?? "").replace(/\[(\w+)\]/g, (_, name: string) => values[name] ?? "");

/** Per block: its texts, money in the theme's format, shop-to-cart currency conversion, and its status line. */
export function context(root: Root) {
  const data = root.dataset;
  const today = data.pwToday ?? "";
  return {
    root: data.pwRoot ?? "/",
    texts: JSON.parse(data.pwTexts ?? "{}") as Record<string, string>,
    money: moneyFormatter(data.pwMoney ?? "", data.pwCurrency ?? "USD"),
    placement: (data.pwPlacement ?? "product_page") as Placement,
    toCart: toCartCurrency(data.pwShopCurrency ?? "USD", data.pwCurrency ?? "USD", rate()) as ToCart,
    dismissalDays: Number(data.pwDismissalDays ?? 30),
    /** Offers the page can price by itself: in their dates, without conditions on the shopper. */
    current: (offer: EngineOffer) => !offer.conditions && (!offer.startsOn || offer.startsOn <= today) && (!offer.endsOn || offer.endsOn >= today),
    status(text: string) {
      const target = $(root, "[data-pw-status]");
      if (target) target.textContent = text;
    },
  };
}
export type Context = ReturnType<typeof context>;

// Dismissals last the merchant's number of days (0: this browsing session), in this browser; nothing personal is kept.
const DISMISSED = "pairwise:dismissed";
function dismissedUntil(storage: Storage): Record<string, number> {
  try {
    return JSON.parse(storage.getItem(DISMISSED) ?? "{}") as Record<string, number>;
  } catch {
    return {};
  }
}
export const isDismissed = (key: string) => [localStorage, sessionStorage].some((storage) => (dismissedUntil(storage)[key] ?? 0) > Date.now());

// Events for the dashboard: batched, bounded, sent when a batch fills or the page is hidden.
type EventType = "impression" | "click" | "add" | "dismiss";
let events: { offerId: string; type: EventType; placement: Placement; at: string }[] = [];
let eventsUrl = "";
const impressions = new Set<string>();
export function track(ctx: Context, offerId: string, type: EventType) {
  if (type === "impression") {
    if (impressions.has(offerId + ctx.placement)) return;
    impressions.add(offerId + ctx.placement);
  }
  eventsUrl = `${ctx.root}apps/pairwise/events`;
  if (events.length < MAX_EVENTS_PER_BATCH) events.push({ offerId, type, placement: ctx.placement, at: new Date().toISOString() });
  if (events.length >= 20) flush();
}
function flush() {
  if (events.length === 0) return;
  const body = JSON.stringify({ events });
  events = [];
  // text/plain: the one body type every browser's beacon sends without a preflight; the server reads it as JSON.
  if (!navigator.sendBeacon?.(eventsUrl, new Blob([body], { type: "text/plain" }))) {
    void fetch(eventsUrl, { method: "POST", body, keepalive: true }).catch(() => undefined);
  }
}
addEventListener("pagehide", flush);
document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && flush());

/** Counts an impression for each offer once its block is on screen. */
export function onSeen(ctx: Context, target: Element, offerIds: () => string[]) {
  new IntersectionObserver((entries, observer) => {
    if (!entries.some((entry) => entry.isIntersecting)) return;
    offerIds().forEach((offerId) => track(ctx, offerId, "impression"));
    observer.disconnect();
  }).observe(target);
}

export function dismissNow(ctx: Context, key: string, offerId: string, hide: () => void) {
  const storage = ctx.dismissalDays > 0 ? localStorage : sessionStorage;
  const until = dismissedUntil(storage);
  for (const [name, time] of Object.entries(until)) if (time < Date.now()) delete until[name];
  until[key] = ctx.dismissalDays > 0 ? Date.now() + ctx.dismissalDays * 86_400_000 : Number.MAX_SAFE_INTEGER;
  storage.setItem(DISMISSED, JSON.stringify(until));
  track(ctx, offerId, "dismiss");
  hide();
}

const CART_CHANGED = "pairwise:cart-changed";

/** Adds through the theme's Ajax Cart API, then refreshes the theme's cart sections as themes expect. */
export async function addToCart(ctx: Context, offerId: string, items: { variantId: string; quantity: number }[]) {
  const sections = $$(document, "[id^='shopify-section-']").map((section) => section.id.slice(16)).filter((id) => id.includes("cart")).slice(0, 5);
  const response = await fetch(`${ctx.root}cart/add.js`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: "application/json" },
    body: JSON.stringify({
      items: items.map((item) => ({ id: Number(numericId(item.variantId)), quantity: item.quantity, properties: { [OFFER_PROPERTY]: offerId, [PLACEMENT_PROPERTY]: ctx.placement } })),
      sections,
    }),
  });
  const result = (await response.json()) as { description?: string; sections?: Record<string, string | null> };
  if (!response.ok) throw new Error(result.description || ctx.texts.error);
  track(ctx, offerId, "add");
  for (const [id, html] of Object.entries(result.sections ?? {})) {
    const section = document.getElementById(`shopify-section-${id}`);
    if (section && html) section.outerHTML = html;
  }
  document.dispatchEvent(new CustomEvent(CART_CHANGED));
  document.dispatchEvent(new CustomEvent("cart:refresh", { bubbles: true }));
}

/** Runs an add with the button busy, and says how it went in the block's status line. */
export async function attempt(ctx: Context, button: HTMLButtonElement, action: () => Promise<void>) {
  button.disabled = true;
  try {
    await action();
    ctx.status(ctx.texts.added ?? "");
  } catch (error) {
    ctx.status(error instanceof Error && error.message ? error.message : (ctx.texts.error ?? ""));
  } finally {
    button.disabled = false;
  }
}

/** A call to the app proxy; null when it fails (the block then shows what it already has). */
export async function proxy<T>(ctx: Context, path: string, init?: RequestInit): Promise<T | null> {
  try {
    const response = await fetch(`${ctx.root}apps/pairwise/${path}`, init);
    return response.ok ? ((await response.json()) as T) : null;
  } catch {
    return null;
  }
}

/** Starts each block of this script's kinds once (the theme editor adds blocks without a page load). */
export function startBlocks(kinds: Record<string, (root: Root) => void>) {
  const start = () => {
    for (const root of $$(document, "[data-pw]")) {
      const kind = kinds[root.dataset.pw ?? ""];
      if (!kind || root.dataset.pwStarted) continue;
      root.dataset.pwStarted = "1";
      kind(root);
    }
  };
  start();
  // The theme editor adds blocks without a page load, and an add may re-render sections holding blocks.
  document.addEventListener("shopify:section:load", start);
  document.addEventListener(CART_CHANGED, start);
}
