import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, List, Page, Text } from "@shopify/polaris";
import { PublishBanner } from "../components/PublishBanner";
import { requireAdmin } from "../services/admin-context.server";
import { importOffersFile } from "../services/offer-transfer.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await requireAdmin(request);
  return null;
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const admin = await requireAdmin(request);
  return importOffersFile(admin, (await request.formData()).get("file"), new Date());
};

export default function ImportOffers() {
  const report = useActionData<typeof action>();
  const importing = useNavigation().state === "submitting";
  return (
    <Page title="Import offers" backAction={{ url: "/app/offers" }}>
      <BlockStack gap="400">
        {report && !report.ok && (
          <Banner tone="critical" title="Nothing was imported">
            <List>
              {report.problems.map((problem) => (
                <List.Item key={problem}>{problem}</List.Item>
              ))}
            </List>
          </Banner>
        )}
        {report?.ok && (
          <>
            <Banner tone="success" title={`Imported ${report.created} new and ${report.updated} updated offers`} />
            <PublishBanner result={report.publish} />
          </>
        )}
        <Card>
          <Form method="post" encType="multipart/form-data">
            <BlockStack gap="300">
              <Text as="p">
                Choose an offers file, as exported from Pairwise (the format is described in the app's documentation). Every offer is checked first; if any is invalid, nothing is imported and each problem is listed. Offers with an id you already have are replaced.
              </Text>
              <input type="file" name="file" accept="application/json,.json" aria-label="Offers file" />
              <div>
                <Button submit variant="primary" loading={importing}>
                  Import
                </Button>
              </div>
            </BlockStack>
          </Form>
        </Card>
      </BlockStack>
    </Page>
  );
}
