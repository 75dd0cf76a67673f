import type { LoaderFunctionArgs } from "@remix-run/node";
import { BlockStack, Card, Layout, Page, Text } from "@shopify/polaris";
import { Link } from "@remix-run/react";
import { OFFER_KIND_LABELS } from "../domain/offer-form";
import { requireAdmin } from "../services/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

const DESCRIPTIONS: Record<keyof typeof OFFER_KIND_LABELS, string> = {
  fixed_bundle: "Given products bought together for a saving or a bundle price.",
  mix_match: "Any N items from a list or collection for a saving or a set price.",
  quantity_breaks: "Buy more of a product, pay less per unit: 2+ save 10 %, 3+ save 15 %.",
  spend_tiers: "Spend thresholds on the cart unlock a discount or free shipping.",
  buy_x_get_y: "Buy something, get another item discounted or free, or a free gift.",
  cart_rule: "Conditions on the cart and the customer trigger discounts, free shipping, gifts or suggestions.",
};

export default function NewOffer() {
  return (
    <Page title="Create offer" backAction={{ url: "/app/offers" }}>
      <Layout>
        {Object.entries(OFFER_KIND_LABELS).map(([kind, label]) => (
          <Layout.Section key={kind} variant="oneThird">
            <Card>
              <BlockStack gap="200">
                <Link to={`/app/offers/new/${kind}`}>
                  <Text as="h2" variant="headingMd">
                    {label}
                  </Text>
                </Link>
                <Text as="p" tone="subdued">
                  {DESCRIPTIONS[kind as keyof typeof DESCRIPTIONS]}
                </Text>
              </BlockStack>
            </Card>
          </Layout.Section>
        ))}
      </Layout>
    </Page>
  );
}
