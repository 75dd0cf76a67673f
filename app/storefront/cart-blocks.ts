// Cart blocks (assets/pairwise-cart.js): the cart page upsell and the cart drawer embed. Progress toward the next
// spend tier is computed at once from the cart on the page with the engine's tier arithmetic; the app proxy then
// adds what only the server knows (conditions on the shopper, nudges, buyable suggestions) and corrects it.
import { spendStatus } from "../domain/engine/rewards";
import type { EngineOffer, Nudge } from "../domain/engine/types";
import type { AjaxCart } from "./ajax-cart";
import { shopperCart } from "./ajax-cart";
import { $, context, element, fill, fillRows, isDismissed, json, onSeen, proxy, rate, startBlocks, suggestionRow, type Context, type Root, type Suggestion } from "./shared";

type Progress = { offerId: string; subtotalMinor: number; targetMinor: number; remainingMinor: number; freeShipping: boolean } | null;
type CartView = { progress: Progress; nudges: Nudge[]; suggestions: Suggestion[] };

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
