// The cart rule's condition tree: groups of "all" or "any" conditions, each of which may be negated.
import { BlockStack, Box, Button, Checkbox, InlineStack, Select, Text, TextField } from "@shopify/polaris";
import type { Condition } from "../../domain/engine/types";
import { IntegerField, MoneyField, SelectorField, type FieldProps } from "./inputs";

type LeafType = "cartHas" | "subtotal" | "itemCount" | "customer" | "customerTag" | "country" | "market" | "currency" | "schedule";

const LEAF_LABELS: Record<LeafType, string> = {
  cartHas: "Cart contains",
  subtotal: "Cart subtotal",
  itemCount: "Number of items",
  customer: "Customer is",
  customerTag: "Customer has tag",
  country: "Buyer's country",
  market: "Market",
  currency: "Cart currency",
  schedule: "Date and day",
};

const DEFAULT_LEAF: Record<LeafType, Condition> = {
  cartHas: { cartHas: { selector: {}, minQuantity: 1 } },
  subtotal: { subtotal: { minMinor: 5000 } },
  itemCount: { itemCount: { min: 2 } },
  customer: { customer: "returning" },
  customerTag: { customerTag: "vip" },
  country: { country: ["US"] },
  market: { market: [] },
  currency: { currency: ["USD"] },
  schedule: { schedule: { daysOfWeek: [5, 6] } },
};

const DAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"];
const codes = (text: string) => text.split(",").map((code) => code.trim().toUpperCase()).filter(Boolean);

function leafType(condition: Condition): LeafType | null {
  const key = Object.keys(condition)[0];
  return key && key in LEAF_LABELS ? (key as LeafType) : null;
}

type Props = FieldProps & { condition: Condition; currency: string; onChange: (condition: Condition) => void; onRemove?: () => void };

export function ConditionBuilder(props: Props) {
  const { condition, path } = props;
  if ("not" in condition) return <ConditionNode {...props} path={`${path}.not`} condition={condition.not} negated />;
  return <ConditionNode {...props} negated={false} />;
}

function ConditionNode(props: Props & { negated: boolean }) {
  const { condition, onChange, onRemove, errors, path, currency, negated } = props;
  const wrap = (next: Condition) => onChange(negated ? { not: next } : next);
  const negation = (
    <Checkbox label="Not" checked={negated} onChange={(checked) => onChange(checked ? { not: condition } : condition)} />
  );

  if ("all" in condition || "any" in condition) {
    const mode = "all" in condition ? "all" : "any";
    const children = "all" in condition ? condition.all : condition.any;
    const setChildren = (next: Condition[]) => wrap(mode === "all" ? { all: next } : { any: next });
    return (
      <Box padding="300" borderWidth="025" borderColor="border" borderRadius="200">
        <BlockStack gap="300">
          <InlineStack gap="300" blockAlign="center">
            <Select
              label="Match"
              labelInline
              options={[
                { label: "all of", value: "all" },
                { label: "any of", value: "any" },
              ]}
              value={mode}
              onChange={(value) => wrap(value === "all" ? { all: children } : { any: children })}
            />
            {negation}
            {onRemove && (
              <Button variant="plain" tone="critical" onClick={onRemove}>
                Remove group
              </Button>
            )}
          </InlineStack>
          {children.map((child, index) => (
            <ConditionBuilder
              key={index}
              condition={child}
              currency={currency}
              errors={errors}
              path={`${path}.${mode}.${index}`}
              onChange={(next) => setChildren(children.map((existing, position) => (position === index ? next : existing)))}
              onRemove={() => setChildren(children.filter((_, position) => position !== index))}
            />
          ))}
          <InlineStack gap="200">
            <Select
              label="Add condition"
              labelHidden
              placeholder="Add condition…"
              options={Object.entries(LEAF_LABELS).map(([value, label]) => ({ label, value }))}
              value=""
              onChange={(type) => setChildren([...children, DEFAULT_LEAF[type as LeafType]])}
            />
            <Button onClick={() => setChildren([...children, { any: [] }])}>Add group</Button>
          </InlineStack>
        </BlockStack>
      </Box>
    );
  }

  const type = leafType(condition);
  return (
    <Box padding="200" background="bg-surface-secondary" borderRadius="200">
      <BlockStack gap="200">
        <InlineStack gap="300" blockAlign="center">
          <Text as="span" fontWeight="medium">
            {type ? LEAF_LABELS[type] : "Condition"}
          </Text>
          {negation}
          {onRemove && (
            <Button variant="plain" tone="critical" onClick={onRemove}>
              Remove
            </Button>
          )}
        </InlineStack>
        <LeafFields condition={condition} currency={currency} errors={errors} path={path} onChange={wrap} />
      </BlockStack>
    </Box>
  );
}

function LeafFields({ condition, currency, errors, path, onChange }: FieldProps & { condition: Condition; currency: string; onChange: (condition: Condition) => void }) {
  const error = (suffix: string) => errors[`${path}.${suffix}`];
  if ("cartHas" in condition) {
    return (
      <BlockStack gap="200">
        <SelectorField label="Products" selector={condition.cartHas.selector} errors={errors} path={`${path}.cartHas.selector`} onChange={(selector) => onChange({ cartHas: { ...condition.cartHas, selector } })} />
        <IntegerField label="At least" value={condition.cartHas.minQuantity} min={1} onChange={(minQuantity) => onChange({ cartHas: { ...condition.cartHas, minQuantity } })} {...(error("cartHas.minQuantity") ? { error: error("cartHas.minQuantity") } : {})} />
      </BlockStack>
    );
  }
  if ("subtotal" in condition) {
    return (
      <InlineStack gap="200" wrap={false}>
        <MoneyField label="At least" valueMinor={condition.subtotal.minMinor ?? 0} currency={currency} onChange={(minMinor) => onChange({ subtotal: { ...condition.subtotal, minMinor } })} />
        <MoneyField label="At most (0: no limit)" valueMinor={condition.subtotal.maxMinor ?? 0} currency={currency} onChange={(maxMinor) => onChange({ subtotal: { ...condition.subtotal, ...(maxMinor > 0 ? { maxMinor } : { maxMinor: undefined }) } })} />
      </InlineStack>
    );
  }
  if ("itemCount" in condition) {
    return (
      <InlineStack gap="200" wrap={false}>
        <IntegerField label="At least" value={condition.itemCount.min ?? 0} onChange={(min) => onChange({ itemCount: { ...condition.itemCount, min } })} />
        <IntegerField label="At most (0: no limit)" value={condition.itemCount.max ?? 0} onChange={(max) => onChange({ itemCount: { ...condition.itemCount, ...(max > 0 ? { max } : { max: undefined }) } })} />
      </InlineStack>
    );
  }
  if ("customer" in condition) {
    return (
      <Select
        label="Customer"
        labelHidden
        options={[
          { label: "logged in", value: "logged_in" },
          { label: "a guest", value: "guest" },
          { label: "placing their first order", value: "first_order" },
          { label: "a returning customer", value: "returning" },
        ]}
        value={condition.customer}
        onChange={(value) => onChange({ customer: value as "logged_in" })}
      />
    );
  }
  if ("customerTag" in condition) {
    return <TextField label="Tag" labelHidden value={condition.customerTag} onChange={(customerTag) => onChange({ customerTag })} autoComplete="off" error={error("customerTag")} />;
  }
  if ("country" in condition) {
    return <TextField label="Country codes" value={condition.country.join(", ")} onChange={(text) => onChange({ country: codes(text) })} autoComplete="off" helpText="ISO codes, e.g. US, CA" error={error("country.0")} />;
  }
  if ("market" in condition) {
    return <TextField label="Market handles" value={condition.market.join(", ")} onChange={(text) => onChange({ market: text.split(",").map((m) => m.trim()).filter(Boolean) })} autoComplete="off" />;
  }
  if ("currency" in condition) {
    return <TextField label="Currency codes" value={condition.currency.join(", ")} onChange={(text) => onChange({ currency: codes(text) })} autoComplete="off" helpText="e.g. USD, EUR" error={error("currency.0")} />;
  }
  if ("schedule" in condition) {
    const schedule = condition.schedule;
    const days = schedule.daysOfWeek ?? [];
    return (
      <BlockStack gap="200">
        <InlineStack gap="200" wrap={false}>
          <TextField label="From" type="date" value={schedule.startsOn ?? ""} onChange={(startsOn) => onChange({ schedule: { ...schedule, ...(startsOn ? { startsOn } : { startsOn: undefined }) } })} autoComplete="off" />
          <TextField label="Until" type="date" value={schedule.endsOn ?? ""} onChange={(endsOn) => onChange({ schedule: { ...schedule, ...(endsOn ? { endsOn } : { endsOn: undefined }) } })} autoComplete="off" />
        </InlineStack>
        <InlineStack gap="200">
          {DAYS.map((day, index) => (
            <Checkbox
              key={day}
              label={day}
              checked={days.includes(index)}
              onChange={(checked) => onChange({ schedule: { ...schedule, daysOfWeek: checked ? [...days, index].sort() : days.filter((d) => d !== index) } })}
            />
          ))}
        </InlineStack>
      </BlockStack>
    );
  }
  return null;
}
