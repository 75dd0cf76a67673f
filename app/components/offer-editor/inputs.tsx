// Form inputs for offers: amounts and percentages are typed as decimals and kept as integers (minor units, basis
// points), never floats.
import { BlockStack, Button, FormLayout, InlineStack, Select, Tag, Text, TextField } from "@shopify/polaris";
import { useEffect, useState } from "react";
import type { Reward, Selector } from "../../domain/engine/types";
import { MoneyError, parseDecimal, toDecimal } from "../../domain/money";
import { usePicker } from "./picker";

export type FieldProps = { errors: Record<string, string>; path: string };

/** A decimal text input bound to an integer (cents, basis points): `scale` names the decimal places as a currency. */
function DecimalField(props: {
  label: string;
  value: number;
  scale: string;
  onChange: (value: number) => void;
  error?: string;
  suffix?: string;
  prefix?: string;
  helpText?: string;
  invalidMessage: string;
}) {
  const { label, value, scale, onChange, error, suffix, prefix, helpText, invalidMessage } = props;
  const [text, setText] = useState(toDecimal({ amountMinor: value, currency: scale }));
  const [invalid, setInvalid] = useState<string | null>(null);
  useEffect(() => {
    if (invalid === null) setText(toDecimal({ amountMinor: value, currency: scale }));
  }, [value, scale, invalid]);
  return (
    <TextField
      label={label}
      value={text}
      inputMode="decimal"
      autoComplete="off"
      {...(suffix ? { suffix } : {})}
      {...(prefix ? { prefix } : {})}
      {...(helpText ? { helpText } : {})}
      error={invalid ?? error}
      onChange={(next) => {
        setText(next);
        try {
          const parsed = parseDecimal(next === "" ? "0" : next, scale).amountMinor;
          if (parsed < 0) throw new MoneyError("negative");
          setInvalid(null);
          onChange(parsed);
        } catch {
          setInvalid(invalidMessage);
        }
      }}
    />
  );
}

export function MoneyField(props: { label: string; valueMinor: number; currency: string; onChange: (minor: number) => void; error?: string; helpText?: string }) {
  return (
    <DecimalField
      label={props.label}
      value={props.valueMinor}
      scale={props.currency}
      onChange={props.onChange}
      suffix={props.currency}
      invalidMessage={`Enter an amount in ${props.currency}, like ${toDecimal({ amountMinor: 1250, currency: props.currency })}`}
      {...(props.error ? { error: props.error } : {})}
      {...(props.helpText ? { helpText: props.helpText } : {})}
    />
  );
}

/** Percent with up to two decimals, kept as basis points (1250 = 12.5 %). */
export function PercentField(props: { label: string; basisPoints: number; onChange: (basisPoints: number) => void; error?: string; helpText?: string }) {
  return (
    <DecimalField
      label={props.label}
      value={props.basisPoints}
      scale="USD"
      onChange={props.onChange}
      suffix="%"
      invalidMessage="Enter a percentage like 15 or 12.5"
      {...(props.error ? { error: props.error } : {})}
      {...(props.helpText ? { helpText: props.helpText } : {})}
    />
  );
}

export function IntegerField(props: { label: string; value: number; onChange: (value: number) => void; error?: string; helpText?: string; min?: number }) {
  return (
    <TextField
      label={props.label}
      type="number"
      value={String(props.value)}
      min={props.min ?? 0}
      autoComplete="off"
      onChange={(next) => props.onChange(next === "" ? 0 : Math.trunc(Number(next)))}
      {...(props.error ? { error: props.error } : {})}
      {...(props.helpText ? { helpText: props.helpText } : {})}
    />
  );
}

const splitList = (text: string) => text.split(",").map((item) => item.trim()).filter(Boolean);

/** Which products a rule is about: picked products and collections, or product types, vendors and tags. */
export function SelectorField(props: FieldProps & { label: string; selector: Selector; onChange: (selector: Selector) => void }) {
  const { label, selector, onChange, errors, path } = props;
  const picker = usePicker();
  const set = (key: keyof Selector, values: string[]) => {
    const next: Selector = { ...selector };
    if (values.length > 0) next[key] = values;
    else delete next[key];
    onChange(next);
  };
  const ids = [...(selector.productIds ?? []), ...(selector.variantIds ?? []), ...(selector.collectionIds ?? [])];
  const remove = (id: string) => {
    const next: Selector = { ...selector };
    for (const key of ["productIds", "variantIds", "collectionIds"] as const) {
      const kept = (next[key] ?? []).filter((value) => value !== id);
      if (kept.length > 0) next[key] = kept;
      else delete next[key];
    }
    onChange(next);
  };
  return (
    <BlockStack gap="200">
      <Text as="p" variant="bodyMd" fontWeight="medium">
        {label}
      </Text>
      <InlineStack gap="200">
        <Button
          onClick={async () => {
            const products = await picker.pickProducts({ multiple: true, selectedIds: selector.productIds ?? [] });
            set("productIds", products.map((product) => product.id));
          }}
        >
          Choose products
        </Button>
        <Button
          onClick={async () => {
            const collections = await picker.pickCollections({ selectedIds: selector.collectionIds ?? [] });
            onChange({ ...selector, ...(collections.length > 0 ? { collectionIds: collections.map((c) => c.id) } : {}) });
          }}
        >
          Choose collections
        </Button>
      </InlineStack>
      {ids.length > 0 && (
        <InlineStack gap="100">
          {ids.map((id) => (
            <Tag key={id} onRemove={() => remove(id)}>
              {picker.label(id)}
            </Tag>
          ))}
        </InlineStack>
      )}
      <FormLayout>
        <FormLayout.Group condensed helpText="Or match by product type, vendor or tag: comma-separated.">
          <TextField label="Product types" value={(selector.productTypes ?? []).join(", ")} onChange={(text) => set("productTypes", splitList(text))} autoComplete="off" />
          <TextField label="Vendors" value={(selector.vendors ?? []).join(", ")} onChange={(text) => set("vendors", splitList(text))} autoComplete="off" />
          <TextField label="Product tags" value={(selector.productTags ?? []).join(", ")} onChange={(text) => set("productTags", splitList(text))} autoComplete="off" />
        </FormLayout.Group>
      </FormLayout>
      {errors[path] && (
        <Text as="p" tone="critical">
          {errors[path]}
        </Text>
      )}
    </BlockStack>
  );
}

export function RewardField(props: FieldProps & { reward: Reward; currency: string; onChange: (reward: Reward) => void; allowPrice?: boolean; priceLabel?: string }) {
  const { reward, currency, onChange, errors, path, allowPrice = true, priceLabel = "Set price" } = props;
  const options = [
    { label: "Percentage off", value: "percentage" },
    { label: "Amount off", value: "fixed_amount" },
    ...(allowPrice ? [{ label: priceLabel, value: "fixed_price" }] : []),
  ];
  return (
    <InlineStack gap="200" wrap={false} blockAlign="start">
      <Select
        label="Reward"
        options={options}
        value={reward.type}
        onChange={(type) =>
          onChange(type === "percentage" ? { type, basisPoints: 1000 } : { type: type === "fixed_price" ? "fixed_price" : "fixed_amount", amountMinor: reward.type === "percentage" ? 0 : reward.amountMinor })
        }
      />
      {reward.type === "percentage" ? (
        <PercentField label="Percent off" basisPoints={reward.basisPoints} onChange={(basisPoints) => onChange({ ...reward, basisPoints })} {...(errors[`${path}.basisPoints`] ? { error: errors[`${path}.basisPoints`] } : {})} />
      ) : (
        <MoneyField
          label={reward.type === "fixed_price" ? "Price" : "Amount off"}
          valueMinor={reward.amountMinor}
          currency={currency}
          onChange={(amountMinor) => onChange({ ...reward, amountMinor })}
          {...(errors[`${path}.amountMinor`] ? { error: errors[`${path}.amountMinor`] } : {})}
        />
      )}
    </InlineStack>
  );
}
