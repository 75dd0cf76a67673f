import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Badge, BlockStack, Card, DataTable, Layout, Page, Text } from "@shopify/polaris";
import { formatMoney } from "../components/format";
import { requireAdmin } from "../services/admin-context.server";
import { loadStoreOverview } from "../services/store-overview.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shopData } = await requireAdmin(request);
  return loadStoreOverview(shopData);
};

export default function Dashboard() {
  const { shopInfo, catalogSample } = useLoaderData<typeof loader>();
  return (
    <Page title="Dashboard" subtitle={shopInfo.name}>
      <Layout>
        <Layout.Section>
          <Card>
            <BlockStack gap="200">
              <Text as="h2" variant="headingMd">
                Average order value
              </Text>
              <Text as="p" tone="subdued">
                Average order value, attributed revenue and each offer's funnel appear here once orders are attributed
                to offers.
              </Text>
            </BlockStack>
          </Card>
        </Layout.Section>
        <Layout.Section>
          <Card>
            <BlockStack gap="300">
              <Text as="h2" variant="headingMd">
                Catalog
              </Text>
              <DataTable
                columnContentTypes={["text", "text", "numeric", "numeric"]}
                headings={["Product", "Type", "Available variants", "From"]}
                rows={catalogSample.map((product) => [
                  product.title,
                  product.productType,
                  product.availableVariantCount === 0 ? (
                    <Badge tone="critical">Sold out</Badge>
                  ) : (
                    `${product.availableVariantCount} of ${product.variantCount}`
                  ),
                  product.lowestPrice ? formatMoney(product.lowestPrice, shopInfo.primaryLocale) : "—",
                ])}
              />
            </BlockStack>
          </Card>
        </Layout.Section>
      </Layout>
    </Page>
  );
}
