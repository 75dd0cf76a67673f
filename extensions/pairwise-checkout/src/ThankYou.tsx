/** @jsxImportSource preact */
// purchase.thank-you.block.render: what customers buy with what was just bought, for the next order, each linking to
// its product page and with a way to hide it.
import "@shopify/ui-extensions/preact";
import { render } from "preact";
import { useEffect } from "preact/hooks";
import type { Api } from "@shopify/ui-extensions/purchase.thank-you.block.render";
import type { ThankYouRequest, ThankYouResponse } from "../../../app/domain/checkout/api";
import { RECOMMENDATIONS_OFFER_ID } from "../../../app/domain/metrics/attribution";
import { DismissButton, formatMoney, ProductRow, Skeleton, useAppAnswer, useDismissals, useEventReporter } from "./shared";

export default async () => {
  render(<NextOrder api={(globalThis as unknown as { shopify: Api }).shopify} />, document.body);
};

function NextOrder({ api }: { api: Api }) {
  const t = api.i18n.translate;
  const productIds = [...new Set(api.lines.value.map((line) => line.merchandise.product.id))];
  const request: ThankYouRequest | null = productIds.length > 0 ? { productIds } : null;
  const { answer: view, loading } = useAppAnswer<ThankYouResponse>(api.sessionToken, "/api/checkout/recommendations", request);
  const dismissals = useDismissals(api.storage);
  const report = useEventReporter(api.sessionToken, "thank_you");

  const keyOf = (productId: string) => `next|${productId}`;
  const shown = view && dismissals.ready ? view.recommendations.filter((product) => !dismissals.isDismissed(keyOf(product.productId))).slice(0, view.maxOffersShown) : [];
  useEffect(() => {
    if (shown.length > 0) report(RECOMMENDATIONS_OFFER_ID, "impression");
  }, [shown.length > 0]);

  if (loading || !dismissals.ready) return productIds.length > 0 ? <Skeleton heading={t("thankYou.heading")} /> : null;
  if (!view || shown.length === 0) return null;
  // Recommendations are priced in the shop's currency: shown only to buyers who pay in it.
  const currency = api.localization.currency.value.isoCode;

  return (
    <s-section heading={t("thankYou.heading")}>
      <s-stack gap="base">
        {shown.map((product) => (
          <ProductRow
            key={product.productId}
            title={product.title}
            price={product.price.currency === currency ? formatMoney(api.i18n, product.price) : null}
            compareAtPrice={product.compareAtPrice && product.compareAtPrice.currency === currency && product.compareAtPrice.amountMinor > product.price.amountMinor ? formatMoney(api.i18n, product.compareAtPrice) : null}
          >
            <s-link href={`${api.shop.storefrontUrl}/products/${product.handle}`} accessibilityLabel={t("thankYou.viewLabel", { title: product.title })} onClick={() => report(RECOMMENDATIONS_OFFER_ID, "click")}>
              {t("thankYou.view")}
            </s-link>
            <DismissButton
              i18n={api.i18n}
              title={product.title}
              onDismiss={() => {
                dismissals.dismiss(keyOf(product.productId), view.dismissalDays);
                report(RECOMMENDATIONS_OFFER_ID, "dismiss");
              }}
            />
          </ProductRow>
        ))}
      </s-stack>
    </s-section>
  );
}
