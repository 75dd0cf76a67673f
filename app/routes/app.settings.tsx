import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { BlockStack, Card, DataTable, InlineStack, Layout, Page, Tag, Text } from "@shopify/polaris";
import { requireAdmin } from "../services/admin-context.server";
import { loadInstallationSettings } from "../services/store-overview.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, shopData } = await requireAdmin(request);
  return loadInstallationSettings(shop, shopData);
};

const TOPIC_LABELS: Record<string, string> = {
  CUSTOMERS_DATA_REQUEST: "Customer data request",
  CUSTOMERS_REDACT: "Customer data erased",
};

export default function Settings() {
  const { shopInfo, scopes, complianceRequests } = useLoaderData<typeof loader>();
  return (
    <Page title="Settings">
      <Layout>
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
        <Layout.AnnotatedSection
          title="Privacy requests"
          description="Customer data requests and erasures Shopify forwarded to Pairwise."
        >
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
    </Page>
  );
}
