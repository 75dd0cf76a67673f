import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation, useRouteLoaderData, useSubmit } from "@remix-run/react";
import { BlockStack, Box, Button, Card, Checkbox, DataTable, InlineStack, Layout, Page, Tag, Text } from "@shopify/polaris";
import { useEffect, useState } from "react";
import { IntegerField } from "../components/offer-editor/inputs";
import { PublishBanner } from "../components/PublishBanner";
import { PLACEMENT_LABELS, PLACEMENTS, validateSettingsForm, withPlacement, type SettingsForm } from "../domain/settings-form";
import { requireAdmin } from "../services/admin-context.server";
import { saveSettingsFromForm } from "../services/settings.server";
import { loadInstallationSettings } from "../services/store-overview.server";
import type { loader as appLoader } from "./app";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, shopData } = await requireAdmin(request);
  return loadInstallationSettings(shop, shopData);
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  return saveSettingsFromForm(admin, (await request.formData()).get("payload"), new Date());
};

const TOPIC_LABELS: Record<string, string> = {
  CUSTOMERS_DATA_REQUEST: "Customer data request",
  CUSTOMERS_REDACT: "Customer data erased",
};

type ThemeStatus = "active" | "inactive" | "unknown";

/** Whether the theme app extension's blocks are on the live theme, as App Bridge reports it (inside Shopify only). */
function useThemeBlocksStatus(embedded: boolean): ThemeStatus {
  const [status, setStatus] = useState<ThemeStatus>("unknown");
  useEffect(() => {
    const bridge = (globalThis as unknown as { shopify?: { app?: { extensions?: () => Promise<unknown> } } }).shopify;
    if (!embedded || !bridge?.app?.extensions) return;
    bridge.app
      .extensions()
      .then((extensions) => {
        const list = Array.isArray(extensions) ? (extensions as { type?: string; status?: string }[]) : [];
        const theme = list.find((extension) => extension.type === "theme_app_extension");
        setStatus(theme ? (theme.status === "active" ? "active" : "inactive") : "unknown");
      })
      .catch(() => setStatus("unknown"));
  }, [embedded]);
  return status;
}

export default function Settings() {
  const { shopInfo, settings, scopes, complianceRequests } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const app = useRouteLoaderData<typeof appLoader>("routes/app");
  const embedded = app?.embedded ?? false;
  const [form, setForm] = useState<SettingsForm>(settings);
  const submit = useSubmit();
  const saving = useNavigation().state === "submitting";
  const validation = validateSettingsForm(form);
  const errors = { ...(validation.ok ? {} : validation.errors), ...(actionData && !actionData.ok ? actionData.errors : {}) };
  const themeStatus = useThemeBlocksStatus(embedded);
  const dirty = JSON.stringify(form) !== JSON.stringify(settings);

  return (
    <Page
      title="Settings"
      primaryAction={{ content: "Save", disabled: !dirty || !validation.ok, loading: saving, onAction: () => submit({ payload: JSON.stringify(form) }, { method: "post" }) }}
    >
      <Layout>
        {actionData?.ok && (
          <Layout.Section>
            <PublishBanner result={actionData.publish} />
          </Layout.Section>
        )}
        <Layout.AnnotatedSection title="Offers on your storefront" description="How many offers shoppers see at once, and where new offers appear.">
          <Card>
            <BlockStack gap="300">
              <IntegerField label="Offers shown at once, at most" value={form.maxOffersShown} min={1} onChange={(maxOffersShown) => setForm({ ...form, maxOffersShown })} {...(errors.maxOffersShown ? { error: errors.maxOffersShown } : {})} />
              <Text as="p" fontWeight="medium">
                New offers show on
              </Text>
              {PLACEMENTS.map((placement) => (
                <Checkbox
                  key={placement}
                  label={PLACEMENT_LABELS[placement]}
                  checked={form.defaultPlacements.includes(placement)}
                  onChange={(on) => setForm({ ...form, defaultPlacements: withPlacement(form.defaultPlacements, placement, on) })}
                />
              ))}
              <IntegerField label="A dismissed offer stays hidden for (days)" value={form.dismissalDays} onChange={(dismissalDays) => setForm({ ...form, dismissalDays })} helpText="0 hides it for the browsing session only." {...(errors.dismissalDays ? { error: errors.dismissalDays } : {})} />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Recommendations" description="How frequently-bought-together pairs are chosen from your orders. Changes apply at the next rebuild.">
          <Card>
            <BlockStack gap="300">
              <Checkbox
                label="Favour recent orders"
                helpText="Orders count less as they age, so seasonal and new pairings rise faster."
                checked={form.recommendationHalfLifeDays !== null}
                onChange={(on) => setForm({ ...form, recommendationHalfLifeDays: on ? 90 : null })}
              />
              {form.recommendationHalfLifeDays !== null && (
                <IntegerField label="An order counts half as much after (days)" value={form.recommendationHalfLifeDays} min={7} onChange={(recommendationHalfLifeDays) => setForm({ ...form, recommendationHalfLifeDays })} {...(errors.recommendationHalfLifeDays ? { error: errors.recommendationHalfLifeDays } : {})} />
              )}
              <IntegerField
                label="Treat as a substitute within this price difference (%)"
                value={form.substitutePricePercent}
                onChange={(substitutePricePercent) => setForm({ ...form, substitutePricePercent })}
                helpText="A product of the same type as one in the cart, priced within this percentage of it, is an alternative rather than a complement and is not suggested. 0 turns this off."
                {...(errors.substitutePricePercent ? { error: errors.substitutePricePercent } : {})}
              />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Combining with your other discounts" description="Whether Pairwise's offers apply together with discounts you created elsewhere in Shopify.">
          <Card>
            <BlockStack gap="200">
              <Checkbox label="Product discounts" checked={form.combinesWithProduct} onChange={(combinesWithProduct) => setForm({ ...form, combinesWithProduct })} />
              <Checkbox label="Order discounts" checked={form.combinesWithOrder} onChange={(combinesWithOrder) => setForm({ ...form, combinesWithOrder })} />
              <Checkbox label="Shipping discounts" checked={form.combinesWithShipping} onChange={(combinesWithShipping) => setForm({ ...form, combinesWithShipping })} />
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Theme blocks" description="The bundle, quantity break and cart upsell blocks in your live theme.">
          <Card>
            <BlockStack gap="200">
              {embedded ? (
                <>
                  <Text as="p">
                    {themeStatus === "active" ? "Pairwise blocks are on your live theme." : themeStatus === "inactive" ? "Pairwise blocks are not on your live theme yet." : "Shopify did not report whether the blocks are on your live theme."}
                  </Text>
                  <InlineStack>
                    <Button url="shopify://admin/themes/current/editor?context=apps" target="_top">
                      Open the theme editor
                    </Button>
                  </InlineStack>
                </>
              ) : (
                <Text as="p" tone="subdued">
                  In the demo the blocks run on the demo storefront, not on a Shopify theme.
                </Text>
              )}
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Store" description="As Shopify reports it; money and dates follow these.">
          <Card>
            <BlockStack gap="100">
              <Text as="p">{shopInfo.name}</Text>
              <Text as="p" tone="subdued">
                {shopInfo.shop} · {shopInfo.currencyCode} · {shopInfo.ianaTimezone} · {shopInfo.primaryLocale}
              </Text>
            </BlockStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Access" description="What you allowed Pairwise to read and change.">
          <Card>
            <InlineStack gap="100">
              {scopes.map((scope) => (
                <Tag key={scope}>{scope}</Tag>
              ))}
            </InlineStack>
          </Card>
        </Layout.AnnotatedSection>
        <Layout.AnnotatedSection title="Privacy requests" description="Customer data requests and erasures Shopify forwarded to Pairwise.">
          <Card>
            {complianceRequests.length === 0 ? (
              <Text as="p" tone="subdued">
                None received.
              </Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "text", "text"]}
                headings={["Request", "Customer", "Received"]}
                rows={complianceRequests.map((request) => [
                  TOPIC_LABELS[request.topic] ?? request.topic,
                  request.customerId ?? "—",
                  new Date(request.receivedAt).toLocaleString(shopInfo.primaryLocale, { timeZone: shopInfo.ianaTimezone }),
                ])}
              />
            )}
          </Card>
        </Layout.AnnotatedSection>
      </Layout>
      <Box paddingBlockEnd="800" />
    </Page>
  );
}
