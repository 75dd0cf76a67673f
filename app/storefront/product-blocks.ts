// Product page blocks (assets/pairwise-product.js): the bundle with its price as checkout will charge it (or what
// customers buy with the product), and quantity breaks. Prices come from the engine's own reward arithmetic.
import { groupDiscount, quantityTiers, unitsDiscount } from "../domain/engine/rewards";
import type { EngineOffer } from "../domain/engine/types";
import { OFFER_PROPERTY, PLACEMENT_PROPERTY, RECOMMENDATIONS_OFFER_ID } from "../domain/metrics/attribution";
import { numericId } from "./ajax-cart";
import { $, $$, addToCart, attempt, context, dismissNow, element, fill, isDismissed, json, onSeen, proxy, startBlocks, track, type Context, type Root, type Suggestion } from "./shared";

type FixedBundle = Extract<EngineOffer, { kind: "fixed_bundle" }>;
type QuantityBreaks = Extract<EngineOffer, { kind: "quantity_breaks" }>;

/**
 * The bundle holding this product, or (with no bundle) this product with what customers buy with it: checkboxes, the
 * selection's total and saving, one add for all that is ticked.
 */
function bundleBlock(root: Root) {
  const ctx = context(root);
  const offer = json<FixedBundle | null>(root, "[data-pw-offer]");
  const offerId = offer?.id ?? RECOMMENDATIONS_OFFER_ID;
  const dismissKey = offer ? offer.id : `${RECOMMENDATIONS_OFFER_ID}/${root.dataset.pwProduct}`;
  if (isDismissed(dismissKey)) return root.remove();
  const list = $(root, ".pw-items")!;
  const items = () => $$(list, "[data-pw-item]");
  const chosen = () => items().filter((item) => $<HTMLInputElement>(item, "input")!.checked);
  const update = () => {
    const value = chosen().reduce((sum, item) => sum + Number(item.dataset.pwPrice) * Number(item.dataset.pwQuantity), 0);
    // The bundle's reward applies when every item of it is in the cart, as the engine applies it at checkout.
    const saving = offer && chosen().length === items().length && offer.maxApplications > 0 ? groupDiscount(offer.reward, value, ctx.toCart) : 0;
    $(root, "[data-pw-total]")!.textContent = fill(ctx.texts.total, { amount: ctx.money(value - saving) });
    $(root, "[data-pw-compare]")!.textContent = saving > 0 ? ctx.money(value) : "";
    $(root, "[data-pw-saving]")!.textContent = saving > 0 ? fill(ctx.texts.save, { amount: ctx.money(saving) }) : "";
  };
  list.addEventListener("change", () => {
    update();
    track(ctx, offerId, "click");
  });
  const add = $<HTMLButtonElement>(root, "[data-pw-add]")!;
  add.addEventListener("click", () =>
    void attempt(ctx, add, () => addToCart(ctx, offerId, chosen().map((item) => ({ variantId: item.dataset.pwVariant!, quantity: Number(item.dataset.pwQuantity) })))),
  );
  $(root, "[data-pw-dismiss]")!.addEventListener("click", () => dismissNow(ctx, dismissKey, offerId, () => root.remove()));
  update();
  if (offer) return onSeen(ctx, root, () => [offerId]);
  void recommendations(root, ctx, list).then((found) => {
    if (!found) return root.remove();
    update();
    onSeen(ctx, root, () => [offerId]);
  });
}

/** Adds what customers buy with this product (from the app proxy, priced in the shopper's currency) as ticked rows. */
async function recommendations(root: Root, ctx: Context, list: HTMLElement): Promise<boolean> {
  const found = await proxy<{ recommendations: Omit<Suggestion, "offerId">[] }>(ctx, `recommendations?product_ids=${root.dataset.pwProduct}`);
  const picks = (found?.recommendations ?? []).slice(0, Number(root.dataset.pwLimit));
  picks.forEach((pick, index) => {
    const id = `pw-${root.dataset.pwProduct}-r${index}`;
    const price = ctx.toCart(pick.price.amountMinor);
    const row = Object.assign(element("li", "pw-item"), { innerHTML: `<input type="checkbox" class="pw-check" id="${id}" checked><label for="${id}" class="pw-item-label"></label>` });
    Object.assign(row.dataset, { pwItem: "", pwVariant: numericId(pick.variantId), pwProductId: numericId(pick.productId), pwPrice: String(price), pwQuantity: "1" });
    $(row, "label")!.append(element("span", "pw-item-title", pick.title), element("span", "pw-item-price", ctx.money(price)));
    list.append(row);
  });
  list.classList.add("pw-done");
  return picks.length > 0;
}

function breaksBlock(root: Root) {
  const ctx = context(root);
  const offer = json<QuantityBreaks>(root, "[data-pw-offer]");
  const variants = json<Record<string, { price: number; stock?: number }>>(root, "[data-pw-variants]");
  const form = (root.closest("[id^='shopify-section-']") ?? document).querySelector<HTMLFormElement>("form[action*='/cart/add']");
  const variantId = () => form?.querySelector<HTMLInputElement>("[name='id']")?.value || root.dataset.pwVariant!;
  const radios = $$<HTMLInputElement>(root, "input[type=radio]");
  const update = () => {
    const variant = variants[variantId()];
    const price = variant?.price ?? Number(root.dataset.pwPrice);
    for (const radio of radios) {
      const quantity = Number(radio.value);
      // A tier the stock cannot fill is shown but cannot be chosen.
      radio.disabled = variant?.stock !== undefined && quantity > variant.stock;
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
