// Product page blocks (assets/pairwise-product.js): the bundle with its price as checkout will charge it, what
// customers buy with the product, and quantity breaks. Prices come from the engine's own reward arithmetic.
import { groupDiscount, quantityTiers, unitsDiscount } from "../domain/engine/rewards";
import type { EngineOffer } from "../domain/engine/types";
import { OFFER_PROPERTY, PLACEMENT_PROPERTY, RECOMMENDATIONS_OFFER_ID } from "../domain/metrics/attribution";
import { $, $$, addToCart, attempt, context, dismissNow, fill, fillRows, isDismissed, json, onSeen, proxy, startBlocks, suggestionRow, track, type Context, type Root, type Suggestion } from "./shared";

type FixedBundle = Extract<EngineOffer, { kind: "fixed_bundle" }>;
type QuantityBreaks = Extract<EngineOffer, { kind: "quantity_breaks" }>;

function bundleBlock(root: Root) {
  const ctx = context(root);
  const offer = json<FixedBundle | null>(root, "[data-pw-offer]");
  if (!offer) return void recommendations(root, ctx);
  if (isDismissed(offer.id)) return root.remove();
  const items = $$(root, "[data-pw-item]");
  const box = (item: HTMLElement) => $<HTMLInputElement>(item, "input")!;
  const chosen = () => items.filter((item) => box(item).checked);
  const update = () => {
    const value = chosen().reduce((sum, item) => sum + Number(item.dataset.pwPrice) * Number(item.dataset.pwQuantity), 0);
    // The bundle's reward applies when every item of it is in the cart, as the engine applies it at checkout.
    const saving = chosen().length === items.length && offer.maxApplications > 0 ? groupDiscount(offer.reward, value, ctx.toCart) : 0;
    $(root, "[data-pw-total]")!.textContent = fill(ctx.texts.total, { amount: ctx.money(value - saving) });
    $(root, "[data-pw-compare]")!.textContent = saving > 0 ? ctx.money(value) : "";
    $(root, "[data-pw-saving]")!.textContent = saving > 0 ? fill(ctx.texts.save, { amount: ctx.money(saving) }) : "";
  };
  items.forEach((item) =>
    box(item).addEventListener("change", () => {
      update();
      track(ctx, offer.id, "click");
    }),
  );
  const add = $<HTMLButtonElement>(root, "[data-pw-add]")!;
  add.addEventListener("click", () =>
    void attempt(ctx, add, () => addToCart(ctx, offer.id, chosen().map((item) => ({ variantId: item.dataset.pwVariant!, quantity: Number(item.dataset.pwQuantity) })))),
  );
  $(root, "[data-pw-dismiss]")!.addEventListener("click", () => dismissNow(ctx, offer.id, offer.id, () => root.remove()));
  onSeen(ctx, root, () => [offer.id]);
  update();
}

/** No bundle holds this product: what customers buy with it, from the app proxy, in the rows reserved for it. */
async function recommendations(root: Root, ctx: Context) {
  const list = $(root, "[data-pw-recommendations]")!;
  const found = await proxy<{ recommendations: Omit<Suggestion, "offerId">[] }>(ctx, `recommendations?product_ids=${root.dataset.pwProduct}`);
  fillRows(list, (found?.recommendations ?? []).map((item) => suggestionRow(ctx, { ...item, offerId: RECOMMENDATIONS_OFFER_ID })), Number(root.dataset.pwLimit));
  if (list.children.length === 0) root.remove();
  else onSeen(ctx, root, () => [RECOMMENDATIONS_OFFER_ID]);
}

function breaksBlock(root: Root) {
  const ctx = context(root);
  const offer = json<QuantityBreaks>(root, "[data-pw-offer]");
  const prices = json<Record<string, { price: number }>>(root, "[data-pw-variants]");
  const form = (root.closest("[id^='shopify-section-']") ?? document).querySelector<HTMLFormElement>("form[action*='/cart/add']");
  const variantId = () => form?.querySelector<HTMLInputElement>("[name='id']")?.value || root.dataset.pwVariant!;
  const radios = $$<HTMLInputElement>(root, "input[type=radio]");
  const update = () => {
    const price = prices[variantId()]?.price ?? Number(root.dataset.pwPrice);
    for (const radio of radios) {
      const quantity = Number(radio.value);
      const reward = quantityTiers(offer.tiers, quantity).reached?.reward;
      const saving = reward ? unitsDiscount(reward, price, quantity, ctx.toCart) : 0;
      const label = radio.parentElement!;
      // Per unit, rounded half up: what the shopper pays for the tier, divided by its units.
      $(label, "[data-pw-tier-price]")!.textContent = fill(ctx.texts.each, { amount: ctx.money(Math.floor(((price * quantity - saving) * 2 + quantity) / (quantity * 2))) });
      $(label, "[data-pw-tier-saving]")!.textContent = saving > 0 ? fill(ctx.texts.save, { amount: ctx.money(saving) }) : "";
    }
  };
  const choose = (quantity: number) => {
    if (!form) return;
    let input = form.querySelector<HTMLInputElement>("[name='quantity']");
    if (!input) form.append((input = Object.assign(document.createElement("input"), { type: "hidden", name: "quantity" })));
    input.value = String(quantity);
    input.dispatchEvent(new Event("change", { bubbles: true }));
    // The line is attributed to the offer only when a tier was chosen here.
    $$(form, "[data-pw-property]").forEach((property) => property.remove());
    if (quantity > 1) {
      for (const [name, value] of [[OFFER_PROPERTY, offer.id], [PLACEMENT_PROPERTY, ctx.placement]]) {
        const property = Object.assign(document.createElement("input"), { type: "hidden", name: `properties[${name}]`, value });
        property.dataset.pwProperty = "";
        form.append(property);
      }
    }
    track(ctx, offer.id, "click");
  };
  radios.forEach((radio) => radio.addEventListener("change", () => choose(Number(radio.value))));
  form?.addEventListener("change", (event) => (event.target as HTMLInputElement).name === "id" && update());
  onSeen(ctx, root, () => [offer.id]);
  update();
}

startBlocks({ bundle: bundleBlock, breaks: breaksBlock });
