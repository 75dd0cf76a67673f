// The live simulator: a test cart built from the catalog, evaluated by the same engine checkout runs, as the
// merchant edits.
import { Badge, BlockStack, Button, Card, Checkbox, DataTable, InlineStack, List, Text, TextField } from "@shopify/polaris";
import { useMemo, useState } from "react";
import { catalogEntries, type PickerProduct } from "../../domain/catalog";
import { evaluateCart } from "../../domain/engine/evaluate";
import type { CartLine, EngineOffer } from "../../domain/engine/types";
import { toDecimal } from "../../domain/money";
import { usePicker } from "./picker";

type TestLine = { product: PickerProduct; variantIndex: number; quantity: number };

export function Simulator(props: { offer: EngineOffer; otherOffers: EngineOffer[]; catalog: PickerProduct[]; currency: string; today: string }) {
  const { offer, otherOffers, catalog, currency, today } = props;
  const picker = usePicker();
  const [lines, setLines] = useState<TestLine[]>([]);
  const [loggedIn, setLoggedIn] = useState(false);
  const [orderCount, setOrderCount] = useState(0);
  const [customerTags, setCustomerTags] = useState("");
  const money = (minor: number) => `${toDecimal({ amountMinor: minor, currency })} ${currency}`;

  const result = useMemo(() => {
    const cartLines: CartLine[] = lines.map((line, index) => {
      const variant = line.product.variants[line.variantIndex] ?? line.product.variants[0];
      return {
        id: `gid://shopify/CartLine/${index + 1}`,
        productId: line.product.id,
        variantId: variant?.id ?? "",
        quantity: line.quantity,
        unitPriceMinor: variant?.priceMinor ?? 0,
        ...(variant?.unitCostMinor !== null && variant?.unitCostMinor !== undefined ? { unitCostMinor: variant.unitCostMinor } : {}),
        productType: line.product.productType,
        vendor: line.product.vendor,
        productTags: line.product.tags,
        collectionIds: line.product.collectionIds,
      };
    });
    // The offer being edited is previewed as if it were active, next to the shop's other offers.
    const offers = [{ ...offer, id: offer.id === "new" ? "this-offer" : offer.id, status: "active" as const }, ...otherOffers];
    return evaluateCart(
      { currency, lines: cartLines, customer: { loggedIn, orderCount, tags: customerTags.split(",").map((t) => t.trim()).filter(Boolean) } },
      offers,
      { today, shopCurrency: currency, presentmentRate: "1.0" },
      { catalog: catalogEntries([...catalog, ...lines.map((line) => line.product)]) },
    );
  }, [lines, offer, otherOffers, catalog, currency, today, loggedIn, orderCount, customerTags]);

  const titleOf = (offerId: string) => (offerId === "this-offer" || offerId === offer.id ? offer.title || "This offer" : otherOffers.find((o) => o.id === offerId)?.title ?? offerId);

  return (
    <Card>
      <BlockStack gap="400">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Simulator
          </Text>
          <Button
            onClick={async () => {
              const picked = await picker.pickProducts({ multiple: true });
              setLines([...lines, ...picked.filter((p) => !lines.some((l) => l.product.id === p.id)).map((product) => ({ product, variantIndex: 0, quantity: 1 }))]);
            }}
          >
            Add products to the test cart
          </Button>
        </InlineStack>
        {lines.length === 0 ? (
          <Text as="p" tone="subdued">
            Build a test cart to see what this offer and your other active offers do to it.
          </Text>
        ) : (
          <DataTable
            columnContentTypes={["text", "numeric", "numeric", "numeric"]}
            headings={["Product", "Quantity", "Price", "Discount"]}
            rows={lines.map((line, index) => {
              const lineId = `gid://shopify/CartLine/${index + 1}`;
              const discounts = result.lineDiscounts.filter((discount) => discount.lineId === lineId);
              const variant = line.product.variants[line.variantIndex];
              return [
                line.product.title,
                <InlineStack key="qty" gap="100" blockAlign="center" align="end">
                  <Button accessibilityLabel={`One less ${line.product.title}`} onClick={() => setLines(lines.flatMap((l, i) => (i === index ? (l.quantity > 1 ? [{ ...l, quantity: l.quantity - 1 }] : []) : [l])))}>
                    −
                  </Button>
                  <Text as="span">{line.quantity}</Text>
                  <Button accessibilityLabel={`One more ${line.product.title}`} onClick={() => setLines(lines.map((l, i) => (i === index ? { ...l, quantity: l.quantity + 1 } : l)))}>
                    +
                  </Button>
                </InlineStack>,
                money((variant?.priceMinor ?? 0) * line.quantity),
                discounts.length === 0 ? "—" : discounts.map((d) => `−${money(d.amountMinor)} (${titleOf(d.offerId)})`).join(", "),
              ];
            })}
            totals={["", "", money(result.subtotalBeforeMinor), money(result.subtotalAfterMinor)]}
            totalsName={{ singular: "Before / after", plural: "Before / after" }}
            showTotalsInFooter
          />
        )}
        {result.orderDiscount && <Text as="p">Order discount: −{money(result.orderDiscount.amountMinor)} ({titleOf(result.orderDiscount.offerId)})</Text>}
        {result.shippingDiscount && <Badge tone="success">{`Free shipping (${titleOf(result.shippingDiscount.offerId)})`}</Badge>}
        <InlineStack gap="300" blockAlign="center">
          <Checkbox label="Logged-in customer" checked={loggedIn} onChange={setLoggedIn} />
          <TextField label="Previous orders" type="number" value={String(orderCount)} onChange={(value) => setOrderCount(Math.max(0, Math.trunc(Number(value))))} autoComplete="off" />
          <TextField label="Customer tags" value={customerTags} onChange={setCustomerTags} autoComplete="off" />
        </InlineStack>
        {result.nudges.length > 0 && (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Nudges shoppers see
            </Text>
            <List>
              {result.nudges.map((nudge, index) => (
                <List.Item key={index}>{nudge.message}</List.Item>
              ))}
            </List>
          </BlockStack>
        )}
        {result.suggestions.length > 0 && (
          <BlockStack gap="100">
            <Text as="h3" variant="headingSm">
              Suggestions
            </Text>
            <List>
              {result.suggestions.map((suggestion) => (
                <List.Item key={suggestion.productId}>
                  {picker.label(suggestion.productId)} — {suggestion.reason}
                </List.Item>
              ))}
            </List>
          </BlockStack>
        )}
        <BlockStack gap="100">
          <Text as="h3" variant="headingSm">
            Why
          </Text>
          <List>
            {result.trace.map((trace) => (
              <List.Item key={trace.offerId}>
                <Text as="span" fontWeight="medium">
                  {titleOf(trace.offerId)}
                </Text>
                : {trace.applied ? "applies" : "does not apply"} — {trace.reasons.join("; ")}
              </List.Item>
            ))}
          </List>
        </BlockStack>
      </BlockStack>
    </Card>
  );
}
