// The fields particular to each kind of offer.
import { BlockStack, Button, Card, Checkbox, InlineStack, Select, Text } from "@shopify/polaris";
import type { CartRuleAction, EngineOffer, Reward } from "../../domain/engine/types";
import { ConditionBuilder } from "./ConditionBuilder";
import { IntegerField, MoneyField, PercentField, RewardField, SelectorField } from "./inputs";
import { usePicker } from "./picker";

type Props = { offer: EngineOffer; currency: string; errors: Record<string, string>; onChange: (offer: EngineOffer) => void };

const err = (errors: Record<string, string>, path: string) => (errors[path] ? { error: errors[path] } : {});

function GiftPicker({ productId, onPick, label }: { productId?: string; label: string; onPick: (gift: { productId: string; variantId: string } | null) => void }) {
  const picker = usePicker();
  return (
    <InlineStack gap="200" blockAlign="center">
      <Button
        onClick={async () => {
          const [product] = await picker.pickProducts({ multiple: false, ...(productId ? { selectedIds: [productId] } : {}) });
          const variant = product?.variants.find((candidate) => candidate.available) ?? product?.variants[0];
          onPick(product && variant ? { productId: product.id, variantId: variant.id } : null);
        }}
      >
        {label}
      </Button>
      {productId && <Text as="span">{picker.label(productId)}</Text>}
    </InlineStack>
  );
}

export function KindFields({ offer, currency, errors, onChange }: Props) {
  const reward = (path: string, value: Reward, set: (reward: Reward) => void, allowPrice = true) => (
    <RewardField reward={value} currency={currency} errors={errors} path={path} onChange={set} allowPrice={allowPrice} />
  );
  switch (offer.kind) {
    case "fixed_bundle":
      return (
        <Card>
          <BlockStack gap="400">
            <Text as="h2" variant="headingMd">
              Bundle items
            </Text>
            {offer.items.map((item, index) => (
              <InlineStack key={index} gap="300" blockAlign="end" wrap={false}>
                <div style={{ flex: 1 }}>
                  <SelectorField label={`Item ${index + 1}`} selector={item.selector} errors={errors} path={`offer.items.${index}.selector`} onChange={(selector) => onChange({ ...offer, items: offer.items.map((existing, i) => (i === index ? { ...existing, selector } : existing)) })} />
                </div>
                <IntegerField label="Quantity" value={item.quantity} min={1} {...err(errors, `offer.items.${index}.quantity`)} onChange={(quantity) => onChange({ ...offer, items: offer.items.map((existing, i) => (i === index ? { ...existing, quantity } : existing)) })} />
                <Button tone="critical" variant="plain" onClick={() => onChange({ ...offer, items: offer.items.filter((_, i) => i !== index) })}>
                  Remove
                </Button>
              </InlineStack>
            ))}
            {errors["offer.items"] && <Text as="p" tone="critical">{errors["offer.items"] === "Too small: expected array to have >=1 items" ? "Add at least one item" : errors["offer.items"]}</Text>}
            <InlineStack>
              <Button onClick={() => onChange({ ...offer, items: [...offer.items, { selector: {}, quantity: 1 }] })}>Add item</Button>
            </InlineStack>
            {reward("offer.reward", offer.reward, (next) => onChange({ ...offer, reward: next }))}
            <IntegerField label="Times per order, at most" value={offer.maxApplications} min={1} {...err(errors, "offer.maxApplications")} onChange={(maxApplications) => onChange({ ...offer, maxApplications })} />
          </BlockStack>
        </Card>
      );
    case "mix_match":
      return (
        <Card>
          <BlockStack gap="400">
            <SelectorField label="Eligible products" selector={offer.pool} errors={errors} path="offer.pool" onChange={(pool) => onChange({ ...offer, pool })} />
            <IntegerField label="Items per set" value={offer.quantity} min={1} {...err(errors, "offer.quantity")} onChange={(quantity) => onChange({ ...offer, quantity })} />
            {reward("offer.reward", offer.reward, (next) => onChange({ ...offer, reward: next }))}
            <IntegerField label="Sets per order, at most" value={offer.maxApplications} min={1} {...err(errors, "offer.maxApplications")} onChange={(maxApplications) => onChange({ ...offer, maxApplications })} />
          </BlockStack>
        </Card>
      );
    case "quantity_breaks":
      return (
        <Card>
          <BlockStack gap="400">
            <SelectorField label="Products" selector={offer.scope} errors={errors} path="offer.scope" onChange={(scope) => onChange({ ...offer, scope })} />
            <Select
              label="Count quantities"
              options={[
                { label: "per product (its variants together)", value: "product" },
                { label: "per variant", value: "variant" },
                { label: "across all the products above", value: "scope" },
              ]}
              value={offer.per}
              onChange={(per) => onChange({ ...offer, per: per as typeof offer.per })}
            />
            {offer.tiers.map((tier, index) => (
              <InlineStack key={index} gap="300" blockAlign="end" wrap={false}>
                <IntegerField label="From quantity" value={tier.minQuantity} min={1} {...err(errors, `offer.tiers.${index}.minQuantity`)} onChange={(minQuantity) => onChange({ ...offer, tiers: offer.tiers.map((t, i) => (i === index ? { ...t, minQuantity } : t)) })} />
                {reward(`offer.tiers.${index}.reward`, tier.reward, (next) => onChange({ ...offer, tiers: offer.tiers.map((t, i) => (i === index ? { ...t, reward: next } : t)) }))}
                <Button tone="critical" variant="plain" onClick={() => onChange({ ...offer, tiers: offer.tiers.filter((_, i) => i !== index) })}>
                  Remove
                </Button>
              </InlineStack>
            ))}
            {errors["offer.tiers"] && <Text as="p" tone="critical">{errors["offer.tiers"]}</Text>}
            <InlineStack>
              <Button onClick={() => onChange({ ...offer, tiers: [...offer.tiers, { minQuantity: (offer.tiers.at(-1)?.minQuantity ?? 1) + 1, reward: { type: "percentage", basisPoints: 1000 } }] })}>Add tier</Button>
            </InlineStack>
          </BlockStack>
        </Card>
      );
    case "spend_tiers":
      return (
        <Card>
          <BlockStack gap="400">
            {offer.tiers.map((tier, index) => (
              <InlineStack key={index} gap="300" blockAlign="end" wrap={false}>
                <MoneyField label="Spend at least" valueMinor={tier.minSubtotalMinor} currency={currency} {...err(errors, `offer.tiers.${index}.minSubtotalMinor`)} onChange={(minSubtotalMinor) => onChange({ ...offer, tiers: offer.tiers.map((t, i) => (i === index ? { ...t, minSubtotalMinor } : t)) })} />
                <Checkbox label="Discount" checked={tier.reward !== undefined} onChange={(on) => onChange({ ...offer, tiers: offer.tiers.map((t, i) => (i === index ? (on ? { ...t, reward: { type: "percentage" as const, basisPoints: 1000 } } : { minSubtotalMinor: t.minSubtotalMinor, ...(t.freeShipping ? { freeShipping: true } : {}) }) : t)) })} />
                {tier.reward && reward(`offer.tiers.${index}.reward`, tier.reward, (next) => next.type !== "fixed_price" && onChange({ ...offer, tiers: offer.tiers.map((t, i) => (i === index ? { ...t, reward: next } : t)) }), false)}
                <Checkbox label="Free shipping" checked={tier.freeShipping ?? false} onChange={(freeShipping) => onChange({ ...offer, tiers: offer.tiers.map((t, i) => (i === index ? { ...t, freeShipping } : t)) })} />
                <Button tone="critical" variant="plain" onClick={() => onChange({ ...offer, tiers: offer.tiers.filter((_, i) => i !== index) })}>
                  Remove
                </Button>
              </InlineStack>
            ))}
            {errors["offer.tiers"] && <Text as="p" tone="critical">{errors["offer.tiers"]}</Text>}
            <InlineStack>
              <Button onClick={() => onChange({ ...offer, tiers: [...offer.tiers, { minSubtotalMinor: (offer.tiers.at(-1)?.minSubtotalMinor ?? 0) + 5000, freeShipping: true }] })}>Add tier</Button>
            </InlineStack>
          </BlockStack>
        </Card>
      );
    case "buy_x_get_y": {
      const bySpend = "minSubtotalMinor" in offer.buy;
      return (
        <Card>
          <BlockStack gap="400">
            <Select
              label="Customer buys"
              options={[
                { label: "certain products", value: "products" },
                { label: "a minimum amount", value: "spend" },
              ]}
              value={bySpend ? "spend" : "products"}
              onChange={(mode) => onChange({ ...offer, buy: mode === "spend" ? { minSubtotalMinor: 5000 } : { selector: {}, quantity: 1 } })}
            />
            {"minSubtotalMinor" in offer.buy ? (
              <MoneyField label="Minimum purchase" valueMinor={offer.buy.minSubtotalMinor} currency={currency} {...err(errors, "offer.buy.minSubtotalMinor")} onChange={(minSubtotalMinor) => onChange({ ...offer, buy: { minSubtotalMinor } })} />
            ) : (
              <InlineStack gap="300" blockAlign="end" wrap={false}>
                <div style={{ flex: 1 }}>
                  <SelectorField label="Buy" selector={offer.buy.selector} errors={errors} path="offer.buy.selector" onChange={(selector) => "selector" in offer.buy && onChange({ ...offer, buy: { ...offer.buy, selector } })} />
                </div>
                <IntegerField label="Quantity" value={offer.buy.quantity} min={1} {...err(errors, "offer.buy.quantity")} onChange={(quantity) => "selector" in offer.buy && onChange({ ...offer, buy: { ...offer.buy, quantity } })} />
              </InlineStack>
            )}
            <InlineStack gap="300" blockAlign="end" wrap={false}>
              <div style={{ flex: 1 }}>
                <SelectorField label="Get" selector={offer.get.selector} errors={errors} path="offer.get.selector" onChange={(selector) => onChange({ ...offer, get: { ...offer.get, selector } })} />
              </div>
              <IntegerField label="Quantity" value={offer.get.quantity} min={1} {...err(errors, "offer.get.quantity")} onChange={(quantity) => onChange({ ...offer, get: { ...offer.get, quantity } })} />
            </InlineStack>
            <GiftPicker
              label="Choose a gift to suggest when missing"
              {...(offer.get.productId ? { productId: offer.get.productId } : {})}
              onPick={(gift) => onChange({ ...offer, get: gift ? { ...offer.get, ...gift, selector: { variantIds: [gift.variantId] } } : { selector: offer.get.selector, quantity: offer.get.quantity } })}
            />
            <PercentField label="Discount on what they get" basisPoints={offer.basisPoints} helpText="100 % makes it free" {...err(errors, "offer.basisPoints")} onChange={(basisPoints) => onChange({ ...offer, basisPoints })} />
            <IntegerField label="Times per order, at most" value={offer.maxApplications} min={1} {...err(errors, "offer.maxApplications")} onChange={(maxApplications) => onChange({ ...offer, maxApplications })} />
          </BlockStack>
        </Card>
      );
    }
    case "cart_rule":
      return <CartRuleFields offer={offer} currency={currency} errors={errors} onChange={onChange} />;
  }
}

const ACTION_LABELS: Record<CartRuleAction["type"], string> = {
  discount: "Discount",
  free_shipping: "Free shipping",
  gift: "Free gift",
  suggest: "Suggest products",
  suggest_recommended: "Suggest what customers buy with these products",
};

function CartRuleFields({ offer, currency, errors, onChange }: Props & { offer: Extract<EngineOffer, { kind: "cart_rule" }> }) {
  const picker = usePicker();
  const setAction = (index: number, action: CartRuleAction) => onChange({ ...offer, actions: offer.actions.map((a, i) => (i === index ? action : a)) });
  const newAction = (type: CartRuleAction["type"]): CartRuleAction =>
    type === "discount" ? { type, reward: { type: "percentage", basisPoints: 1000 } } : type === "free_shipping" ? { type } : type === "gift" ? { type, productId: "", variantId: "" } : type === "suggest" ? { type, productIds: [] } : { type };
  return (
    <BlockStack gap="400">
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            When
          </Text>
          <ConditionBuilder
            condition={offer.conditions ?? { all: [] }}
            currency={currency}
            errors={errors}
            path="offer.conditions"
            onChange={(conditions) => onChange({ ...offer, conditions })}
          />
        </BlockStack>
      </Card>
      <Card>
        <BlockStack gap="300">
          <Text as="h2" variant="headingMd">
            Then
          </Text>
          {offer.actions.map((action, index) => (
            <BlockStack key={index} gap="200">
              <InlineStack gap="300" blockAlign="center">
                <Text as="span" fontWeight="medium">
                  {ACTION_LABELS[action.type]}
                </Text>
                <Button tone="critical" variant="plain" onClick={() => onChange({ ...offer, actions: offer.actions.filter((_, i) => i !== index) })}>
                  Remove
                </Button>
              </InlineStack>
              {action.type === "discount" && (
                <BlockStack gap="200">
                  <RewardField reward={action.reward} currency={currency} errors={errors} path={`offer.actions.${index}.reward`} onChange={(reward) => setAction(index, { ...action, reward })} allowPrice={action.target !== undefined} />
                  <Checkbox label="Only on certain products (otherwise on the whole order)" checked={action.target !== undefined} onChange={(on) => setAction(index, on ? { ...action, target: {} } : { type: "discount", reward: action.reward.type === "fixed_price" ? { type: "fixed_amount", amountMinor: action.reward.amountMinor } : action.reward })} />
                  {action.target && <SelectorField label="Products" selector={action.target} errors={errors} path={`offer.actions.${index}.target`} onChange={(target) => setAction(index, { ...action, target })} />}
                </BlockStack>
              )}
              {action.type === "gift" && (
                <GiftPicker label="Choose the gift" {...(action.productId ? { productId: action.productId } : {})} onPick={(gift) => gift && setAction(index, { type: "gift", ...gift })} />
              )}
              {action.type === "suggest" && (
                <InlineStack gap="200" blockAlign="center">
                  <Button
                    onClick={async () => {
                      const products = await picker.pickProducts({ multiple: true, selectedIds: action.productIds });
                      setAction(index, { type: "suggest", productIds: products.map((product) => product.id) });
                    }}
                  >
                    Choose products to suggest
                  </Button>
                  <Text as="span">{action.productIds.map((id) => picker.label(id)).join(", ")}</Text>
                </InlineStack>
              )}
              {action.type === "suggest_recommended" && (
                <Text as="p" tone="subdued">
                  Picked from your orders (see Recommendations): in stock, not already in the cart, not an alternative to what is there, with your pins and exclusions.
                </Text>
              )}
              {Object.entries(errors)
                .filter(([path]) => path.startsWith(`offer.actions.${index}`) && !path.includes("reward") && !path.includes("target"))
                .map(([path, message]) => (
                  <Text key={path} as="p" tone="critical">
                    {message}
                  </Text>
                ))}
            </BlockStack>
          ))}
          <Select
            label="Add action"
            labelHidden
            placeholder="Add action…"
            options={Object.entries(ACTION_LABELS).map(([value, label]) => ({ label, value }))}
            value=""
            onChange={(type) => onChange({ ...offer, actions: [...offer.actions, newAction(type as CartRuleAction["type"])] })}
          />
        </BlockStack>
      </Card>
    </BlockStack>
  );
}
