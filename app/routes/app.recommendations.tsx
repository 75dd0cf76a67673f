import type { LoaderFunctionArgs } from "@remix-run/node";
import { Card, EmptyState, Page } from "@shopify/polaris";
import { requireAdmin } from "../services/admin-context.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

export default function Recommendations() {
  return (
    <Page title="Recommendations">
      <Card>
        <EmptyState heading="No recommendations computed yet" image="">
          <p>
            Products your customers frequently buy together, mined from your own order history, will be listed here
            with how often they are bought together.
          </p>
        </EmptyState>
      </Card>
    </Page>
  );
}
