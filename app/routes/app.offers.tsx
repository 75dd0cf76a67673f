import type { LoaderFunctionArgs } from "@remix-run/node";
import { Card, EmptyState, Page } from "@shopify/polaris";
import { requireAdmin } from "../services/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

export default function Offers() {
  return (
    <Page title="Offers">
      <Card>
        <EmptyState heading="No offers yet" image="">
          <p>
            Bundles, quantity breaks, spend tiers, buy X get Y and cart rules you create will be listed here with their
            status and performance.
          </p>
        </EmptyState>
      </Card>
    </Page>
  );
}
