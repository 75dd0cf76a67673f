/** @jsxImportSource preact */
// purchase.checkout.cart-line-list.render-after: under the cart lines, what the active offers save and the offers that
// fit this cart, each with "Add" (the line carries the dashboard's attribution attributes) and a way to hide it.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect, useState } from "preact/hooks";
import type { Api } from "@shopify/ui-extensions/purchase.checkout.cart-line-list.render-after";
import type { CartLine } from "@shopify/ui-extensions/checkout";
import type { CheckoutOffersRequest, CheckoutOffersResponse, OfferedProduct } from "../../../app/domain/checkout/api";
import { OFFER_PROPERTY, PLACEMENT_PROPERTY } from "../../../app/domain/metrics/attribution";
import { DismissButton, formatMoney, ProductRow, Skeleton, toMinor, useAppAnswer, useDismissals, useEventReporter } from "./shared";

export default async () => {
  render(<CheckoutOffers api={(globalThis as unknown as { shopify: Api }).shopify} />, document.body);
};

/** The checkout's lines as the app reads carts: unit prices before discounts (ours included), in minor units. */
export function cartRequest(lines: readonly CartLine[], currency: string): CheckoutOffersRequest {
  return {
    currency,
    lines: lines
      .filter((line) => line.quantity > 0)
      .map((line) => {
        const discounts = line.discountAllocations.reduce((sum, allocation) => sum + allocation.discountedAmount.amount, 0);
        return {
          variantId: line.merchandise.id,
          productId: line.merchandise.product.id,
          quantity: line.quantity,
          unitPriceMinor: Math.round(toMinor(line.cost.totalAmount.amount + discounts, currency) / line.quantity),
        };
      }),
  };
}

const keyOf = (offer: OfferedProduct) => `${offer.offerId}|${offer.variantId}`;

function CheckoutOffers({ api }: { api: Api }) {
  const t = api.i18n.translate;
  const request = cartRequest(api.lines.value, api.localization.currency.value.isoCode);
  const { answer: view, loading } = useAppAnswer<CheckoutOffersResponse>(api.sessionToken, "/api/checkout/offers", request.lines.length > 0 ? request : null);
  const [adding, setAdding] = useState<string | null>(null);
  const [addFailed, setAddFailed] = useState(false);
  const dismissals = useDismissals(api.storage);
  const report = useEventReporter(api.sessionToken, "checkout");

  const savings = view?.appliedOffers.filter((offer) => offer.savingMinor > 0) ?? [];
  // Accelerated checkouts and draft orders cannot take new lines: then only the savings are worth showing.
  const canAdd = api.instructions.value.lines.canAddCartLine;
  const offers = view && canAdd && dismissals.ready ? view.suggestions.filter((offer) => !dismissals.isDismissed(keyOf(offer))).slice(0, view.maxOffersShown) : [];
  const progress = view?.progress ?? null;
  const shownOfferIds = [...new Set([...offers.map((offer) => offer.offerId), ...(progress ? [progress.offerId] : [])])];
  useEffect(() => shownOfferIds.forEach((offerId) => report(offerId, "impression")), [shownOfferIds.join(",")]);

  if (loading || !dismissals.ready) return <Skeleton heading={t("checkout.heading")} />;
  if (!view) return null;
  if (savings.length === 0 && !progress && offers.length === 0) return null;
  const money = (amountMinor: number) => formatMoney(api.i18n, { amountMinor, currency: view.currency });

  async function add(offer: OfferedProduct) {
    setAdding(keyOf(offer));
    setAddFailed(false);
    try {
      const result = await api.applyCartLinesChange({
        type: "addCartLine",
        merchandiseId: offer.variantId,
        quantity: 1,
        attributes: [
          { key: OFFER_PROPERTY, value: offer.offerId },
          { key: PLACEMENT_PROPERTY, value: "checkout" },
        ],
      });
      if (result.type === "error") setAddFailed(true);
      else report(offer.offerId, "add");
    } catch {
      setAddFailed(true);
    } finally {
      setAdding(null);
    }
  }

  return (
    <s-section heading={t("checkout.heading")}>
      <s-stack gap="base">
        {savings.map((offer) => (
          <s-text key={offer.offerId} tone="success">
            {t("checkout.saving", { offer: offer.title, amount: money(offer.savingMinor) })}
          </s-text>
        ))}
        {progress && <s-text>{t(progress.freeShipping ? "checkout.spendForShipping" : "checkout.spendForDiscount", { amount: money(progress.remainingMinor) })}</s-text>}
        {addFailed && <s-banner tone="critical" heading={t("checkout.addFailed")} />}
        {offers.map((offer) => (
          <ProductRow
            key={keyOf(offer)}
            title={offer.title}
            price={formatMoney(api.i18n, offer.price)}
            compareAtPrice={offer.compareAtPrice && offer.compareAtPrice.amountMinor > offer.price.amountMinor ? formatMoney(api.i18n, offer.compareAtPrice) : null}
          >
            <s-button variant="secondary" loading={adding === keyOf(offer)} disabled={adding !== null} accessibilityLabel={t("checkout.addLabel", { title: offer.title })} onClick={() => add(offer)}>
              {t("checkout.add")}
            </s-button>
            <DismissButton
              i18n={api.i18n}
              title={offer.title}
              onDismiss={() => {
                dismissals.dismiss(keyOf(offer), view.dismissalDays);
                report(offer.offerId, "dismiss");
              }}
            />
          </ProductRow>
        ))}
      </s-stack>
    </s-section>
  );
}
