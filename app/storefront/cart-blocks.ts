// Cart blocks (assets/pairwise-cart.js): the cart page upsell and the cart drawer embed. Progress toward the next
// spend tier is computed at once from the cart on the page with the engine's tier arithmetic; the app proxy then
// adds what only the server knows (conditions on the shopper, nudges, buyable suggestions) and corrects it.
import { spendStatus } from "../domain/engine/rewards";
import type { EngineOffer, Nudge } from "../domain/engine/types";
import { shopperCart, type AjaxCart } from "./ajax-cart";
import { $, addToCart, attempt, context, dismissNow, element, fill, isDismissed, json, onSeen, proxy, rate, startBlocks, track, type Context, type Root, type Suggestion } from "./shared";

type Progress = { offerId: string; subtotalMinor: number; targetMinor: number; remainingMinor: number; freeShipping: boolean } | null;
type CartView = { progress: Progress; nudges: Nudge[]; suggestions: Suggestion[] };

function dismissButton(ctx: Context, key: string, offerId: string, hide: () => void) {
  const button = element("button", "pw-dismiss", "×") as HTMLButtonElement;
  button.type = "button";
  button.setAttribute("aria-label", ctx.texts.dismiss ?? "");
  button.addEventListener("click", () => dismissNow(ctx, key, offerId, hide));
  return button;
}

/** A suggested product: title linking to it, price, one-tap add, dismiss; null when the shopper dismissed it. */
function suggestionRow(ctx: Context, suggestion: Suggestion) {
  const key = `${suggestion.offerId}/${suggestion.productId}`;
  if (isDismissed(key)) return null;
  const row = element("li", "pw-item");
  const link = element("a", "pw-item-title", suggestion.title) as HTMLAnchorElement;
  link.href = `${ctx.root}products/${suggestion.handle}`;
  link.addEventListener("click", () => track(ctx, suggestion.offerId, "click"));
  const add = element("button", "pw-button", ctx.texts.add) as HTMLButtonElement;
  add.type = "button";
  add.setAttribute("aria-label", `${ctx.texts.add} ${suggestion.title}`);
  add.addEventListener("click", () => void attempt(ctx, add, () => addToCart(ctx, suggestion.offerId, [{ variantId: suggestion.variantId, quantity: 1 }])));
  row.append(link, element("span", "pw-item-price", ctx.money(suggestion.price.amountMinor)), add, dismissButton(ctx, key, suggestion.offerId, () => row.remove()));
  return row;
}

/** Fills a list's reserved rows; the space is released once filled. */
function fillRows(list: HTMLElement, rows: (HTMLElement | null)[], limit: number) {
  list.replaceChildren(...rows.filter((row) => row !== null).slice(0, limit));
  list.classList.add("pw-done");
}

function showProgress(root: Root, ctx: Context, progress: Progress) {
  const bar = $(root, "[data-pw-bar]");
  if (!bar) return;
  const percent = progress ? Math.min(100, Math.floor((progress.subtotalMinor * 100) / progress.targetMinor)) : 100;
  bar.style.width = `${percent}%`;
  bar.parentElement!.setAttribute("aria-valuenow", String(percent));
  $(root, "[data-pw-progress-text]")!.textContent = progress
    ? fill(progress.freeShipping ? ctx.texts.spendShipping : ctx.texts.spend, { amount: ctx.money(progress.remainingMinor) })
    : (ctx.texts.unlocked ?? "");
}

function nudgeText(ctx: Context, nudge: Nudge) {
  if (nudge.type === "complete_bundle") return ctx.texts.complete;
  if (nudge.type === "add_quantity") return fill(ctx.texts.addQuantity, { quantity: String(nudge.quantity) });
  return "";
}

function cartBlock(root: Root) {
  const ctx = context(root);
  const tiers = (json<EngineOffer[]>(root, "[data-pw-offers]") ?? []).filter(
    (offer): offer is Extract<EngineOffer, { kind: "spend_tiers" }> => offer.kind === "spend_tiers" && ctx.current(offer),
  );
  const limit = Number(root.dataset.pwLimit);
  const target = root.dataset.pwTarget;
  // In the drawer: before the merchant's chosen element, again whenever the theme re-renders its drawer.
  const place = () => {
    const anchor = target ? document.querySelector(target) : null;
    if (anchor && anchor.previousElementSibling !== root) {
      anchor.before(root);
      root.hidden = false;
    }
  };
  const render = async (cart: AjaxCart) => {
    place();
    const subtotal = cart.items.reduce((sum, item) => sum + item.price * item.quantity, 0);
    const offer = tiers[0];
    const next = offer && spendStatus(offer.tiers, subtotal, ctx.toCart).next;
    if (offer) showProgress(root, ctx, next ? { offerId: offer.id, subtotalMinor: subtotal, targetMinor: next.targetMinor, remainingMinor: next.remainingMinor, freeShipping: next.freeShipping } : null);
    const view = await proxy<CartView>(ctx, "cart", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(shopperCart(cart, rate())) });
    if (view) {
      showProgress(root, ctx, view.progress);
      const nudges = view.nudges.filter((nudge) => !isDismissed(nudge.offerId)).map((nudge) => nudgeText(ctx, nudge)).filter(Boolean);
      $(root, "[data-pw-nudges]")!.replaceChildren(...nudges.map((text) => element("li", "", text)));
      fillRows($(root, "[data-pw-suggestions]")!, view.suggestions.map((suggestion) => suggestionRow(ctx, suggestion)), limit);
      onSeen(ctx, root, () => [...new Set([...view.suggestions.map((s) => s.offerId), ...(view.progress ? [view.progress.offerId] : [])])]);
    }
    $(root, ".pw-title")!.hidden = !$(root, "[data-pw-suggestions] li");
  };
  const refresh = async () => {
    const response = await fetch(`${ctx.root}cart.js`, { headers: { Accept: "application/json" } });
    if (response.ok) await render((await response.json()) as AjaxCart);
  };
  // Every cart change, ours or the theme's (adds, quantity steppers, removals), is seen as it completes, whatever the
  // theme. A block the theme re-rendered away stops listening; its replacement starts on its own.
  new PerformanceObserver((entries, observer) => {
    if (!root.isConnected && !target) return observer.disconnect();
    if (entries.getEntries().some((entry) => /\/cart\/(add|change|update|clear)/.test(entry.name))) void refresh();
  }).observe({ type: "resource" });
  void render(json<AjaxCart>(root, "[data-pw-cart]"));
}

startBlocks({ cart: cartBlock });
