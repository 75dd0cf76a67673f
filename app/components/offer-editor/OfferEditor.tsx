// The offer editor: one form for every kind, validated as the merchant types with the same schema the server
// applies, guarded against losing unsaved changes, with the live simulator beside it.
import { useBeforeUnload, useBlocker, useNavigation, useSubmit } from "@remix-run/react";
import { SaveBar } from "@shopify/app-bridge-react";
import {
  Banner,
  BlockStack,
  Card,
  Checkbox,
  ContextualSaveBar,
  InlineStack,
  Layout,
  Modal,
  Page,
  Select,
  Tabs,
  Text,
  TextField,
} from "@shopify/polaris";
import { useCallback, useMemo, useState } from "react";
import type { PickerProduct } from "../../domain/catalog";
import type { EngineOffer, Placement } from "../../domain/engine/types";
import { OFFER_KIND_LABELS, validateOfferForm, type FieldErrors, type OfferForm, type OfferTexts } from "../../domain/offer-form";
import { PLACEMENT_LABELS, PLACEMENTS, withPlacement } from "../../domain/settings-form";
import { IntegerField, PercentField } from "./inputs";
import { KindFields } from "./KindFields";
import { PickerProvider, type PickedCollection } from "./picker";
import { Simulator } from "./Simulator";

export type OfferEditorProps = {
  embedded: boolean;
  isNew: boolean;
  offer: EngineOffer;
  texts: OfferTexts;
  otherOffers: EngineOffer[];
  catalog: PickerProduct[];
  collections: PickedCollection[];
  shop: { currencyCode: string; locales: string[]; today: string };
  serverErrors?: FieldErrors | undefined;
  banner?: React.ReactNode;
  onDuplicate?: () => void;
  onDelete?: () => void;
};

const SAVE_BAR_ID = "offer-save-bar";

export function OfferEditor(props: OfferEditorProps) {
  const { embedded, isNew, shop, otherOffers, catalog, collections, serverErrors, banner } = props;
  const initial = useMemo<OfferForm>(() => ({ offer: props.offer, texts: props.texts }), [props.offer, props.texts]);
  const [form, setForm] = useState<OfferForm>(initial);
  const [attempted, setAttempted] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const submit = useSubmit();
  const navigation = useNavigation();
  const saving = navigation.state !== "idle" && navigation.formMethod === "POST";

  const dirty = JSON.stringify(form) !== JSON.stringify(initial);
  const validation = useMemo(() => validateOfferForm(form), [form]);
  const errors: FieldErrors = { ...(attempted && !validation.ok ? validation.errors : {}), ...(serverErrors ?? {}) };
  const error = (path: string) => (errors[path] ? { error: errors[path] } : {});

  const offer = form.offer;
  const setOffer = useCallback((next: EngineOffer) => setForm((current) => ({ ...current, offer: next })), []);
  const [locale, setLocale] = useState(shop.locales[0] ?? "en");
  const text = form.texts[locale] ?? {};
  const setText = (key: "title" | "description" | "badge", value: string) =>
    setForm((current) => ({ ...current, texts: { ...current.texts, [locale]: { ...current.texts[locale], [key]: value } } }));

  const save = () => {
    setAttempted(true);
    if (!validateOfferForm(form).ok) return;
    submit({ intent: "save", payload: JSON.stringify(form) }, { method: "post" });
  };
  const discard = () => {
    setForm(initial);
    setAttempted(false);
  };

  const blocker = useBlocker(({ currentLocation, nextLocation }) => dirty && !saving && currentLocation.pathname !== nextLocation.pathname);
  useBeforeUnload(useCallback((event) => dirty && event.preventDefault(), [dirty]));

  const placements = offer.placements ?? [...PLACEMENTS];
  const togglePlacement = (placement: Placement, on: boolean) =>
    setOffer({ ...offer, placements: withPlacement(placements, placement, on) });

  return (
    <PickerProvider embedded={embedded} catalog={catalog} collections={collections} currencyCode={shop.currencyCode}>
      {embedded ? (
        <SaveBar id={SAVE_BAR_ID} open={dirty}>
          <button variant="primary" onClick={save} disabled={saving}></button>
          <button onClick={discard}></button>
        </SaveBar>
      ) : (
        dirty && (
          <ContextualSaveBar
            message="Unsaved changes"
            saveAction={{ onAction: save, loading: saving, content: "Save" }}
            discardAction={{ onAction: discard, content: "Discard" }}
          />
        )
      )}
      <Page
        title={isNew ? `New ${OFFER_KIND_LABELS[offer.kind].toLowerCase()}` : offer.title || "Offer"}
        subtitle={OFFER_KIND_LABELS[offer.kind]}
        backAction={{ url: "/app/offers" }}
        primaryAction={{ content: "Save", onAction: save, loading: saving, disabled: !dirty && !isNew }}
        secondaryActions={[
          ...(props.onDuplicate ? [{ content: "Duplicate", onAction: props.onDuplicate }] : []),
          ...(props.onDelete ? [{ content: "Delete", destructive: true, onAction: () => setConfirmDelete(true) }] : []),
        ]}
      >
        <Layout>
          {(banner || (attempted && !validation.ok)) && (
            <Layout.Section>
              <BlockStack gap="200">
                {banner}
                {attempted && !validation.ok && (
                  <Banner tone="critical" title="Some fields need your attention">
                    <p>{Object.keys(validation.errors).length} to fix before this offer can be saved.</p>
                  </Banner>
                )}
              </BlockStack>
            </Layout.Section>
          )}
          <Layout.Section>
            <BlockStack gap="400">
              <Card>
                <BlockStack gap="300">
                  <TextField label="Title" value={offer.title} onChange={(title) => setOffer({ ...offer, title })} autoComplete="off" helpText="Shown to customers at checkout next to the discount." {...error("offer.title")} />
                  {shop.locales.length > 1 && (
                    <Tabs
                      tabs={shop.locales.map((code) => ({ id: `texts-${code}`, content: code }))}
                      selected={Math.max(0, shop.locales.indexOf(locale))}
                      onSelect={(index) => setLocale(shop.locales[index] ?? locale)}
                    />
                  )}
                  <TextField label={`Headline (${locale})`} value={text.title ?? ""} onChange={(value) => setText("title", value)} autoComplete="off" helpText="On the product and cart pages; the title is used when empty." {...error(`texts.${locale}.title`)} />
                  <TextField label={`Description (${locale})`} value={text.description ?? ""} onChange={(value) => setText("description", value)} autoComplete="off" multiline={2} {...error(`texts.${locale}.description`)} />
                  <TextField label={`Badge (${locale})`} value={text.badge ?? ""} onChange={(value) => setText("badge", value)} autoComplete="off" placeholder="Save 15 %" {...error(`texts.${locale}.badge`)} />
                </BlockStack>
              </Card>
              <KindFields offer={offer} currency={shop.currencyCode} errors={errors} onChange={setOffer} />
              <Simulator offer={offer} otherOffers={otherOffers} catalog={catalog} currency={shop.currencyCode} today={shop.today} />
            </BlockStack>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <BlockStack gap="400">
              <Card>
                <BlockStack gap="300">
                  <Select
                    label="Status"
                    options={[
                      { label: "Draft", value: "draft" },
                      { label: "Active", value: "active" },
                      { label: "Paused", value: "paused" },
                    ]}
                    value={offer.status}
                    onChange={(status) => setOffer({ ...offer, status: status as EngineOffer["status"] })}
                  />
                  <InlineStack gap="200" wrap={false}>
                    <TextField label="Starts" type="date" value={offer.startsOn ?? ""} onChange={(startsOn) => setOffer({ ...offer, startsOn: startsOn || undefined })} autoComplete="off" {...error("offer.startsOn")} />
                    <TextField label="Ends" type="date" value={offer.endsOn ?? ""} onChange={(endsOn) => setOffer({ ...offer, endsOn: endsOn || undefined })} autoComplete="off" {...error("offer.endsOn")} />
                  </InlineStack>
                  <Text as="p" tone="subdued">
                    Dates are whole days in your store's time zone.
                  </Text>
                </BlockStack>
              </Card>
              <Card>
                <BlockStack gap="300">
                  <IntegerField label="Priority" value={offer.priority} onChange={(priority) => setOffer({ ...offer, priority })} helpText="Higher goes first when offers compete for the same items." {...error("offer.priority")} />
                  <Text as="p" fontWeight="medium">
                    Combines with our other
                  </Text>
                  <Checkbox label="Product discounts" checked={offer.combinesWith.product} onChange={(product) => setOffer({ ...offer, combinesWith: { ...offer.combinesWith, product } })} />
                  <Checkbox label="Order discounts" checked={offer.combinesWith.order} onChange={(order) => setOffer({ ...offer, combinesWith: { ...offer.combinesWith, order } })} />
                  <Checkbox label="Shipping discounts" checked={offer.combinesWith.shipping} onChange={(shipping) => setOffer({ ...offer, combinesWith: { ...offer.combinesWith, shipping } })} />
                </BlockStack>
              </Card>
              <Card>
                <BlockStack gap="200">
                  <Text as="p" fontWeight="medium">
                    Show on
                  </Text>
                  {PLACEMENTS.map((placement) => (
                    <Checkbox key={placement} label={PLACEMENT_LABELS[placement]} checked={placements.includes(placement)} onChange={(on) => togglePlacement(placement, on)} />
                  ))}
                </BlockStack>
              </Card>
              <Card>
                <BlockStack gap="200">
                  <Checkbox
                    label="Keep a minimum margin"
                    checked={offer.minMarginBasisPoints !== undefined}
                    onChange={(on) => setOffer({ ...offer, minMarginBasisPoints: on ? 2000 : undefined })}
                  />
                  {offer.minMarginBasisPoints !== undefined && (
                    <PercentField label="Minimum margin" basisPoints={offer.minMarginBasisPoints} onChange={(minMarginBasisPoints) => setOffer({ ...offer, minMarginBasisPoints })} helpText="Applies to the products named in this offer whose cost you recorded in Shopify." {...error("offer.minMarginBasisPoints")} />
                  )}
                </BlockStack>
              </Card>
            </BlockStack>
          </Layout.Section>
        </Layout>
      </Page>
      <Modal
        open={blocker.state === "blocked"}
        onClose={() => blocker.reset?.()}
        title="Leave without saving?"
        primaryAction={{ content: "Leave", destructive: true, onAction: () => blocker.proceed?.() }}
        secondaryActions={[{ content: "Stay", onAction: () => blocker.reset?.() }]}
      >
        <Modal.Section>
          <Text as="p">Your changes to this offer will be lost.</Text>
        </Modal.Section>
      </Modal>
      <Modal
        open={confirmDelete}
        onClose={() => setConfirmDelete(false)}
        title="Delete this offer?"
        primaryAction={{ content: "Delete", destructive: true, onAction: () => props.onDelete?.() }}
        secondaryActions={[{ content: "Cancel", onAction: () => setConfirmDelete(false) }]}
      >
        <Modal.Section>
          <Text as="p">It stops applying in your store at once. This cannot be undone.</Text>
        </Modal.Section>
      </Modal>
    </PickerProvider>
  );
}
