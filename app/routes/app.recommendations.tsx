import type { ActionFunctionArgs, LoaderFunctionArgs, SerializeFrom } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useFetcher, useLoaderData, useNavigation, useRevalidator, useSubmit } from "@remix-run/react";
import { Badge, Banner, BlockStack, Button, Card, DataTable, EmptyState, InlineStack, Page, ProgressBar, Text } from "@shopify/polaris";
import { useEffect } from "react";
import * as z from "zod/mini";
import { requireAdmin } from "../services/admin-context.server";
import { orderBackfillProgress, startOrderBackfill, startRecommendationsRebuild } from "../services/background-jobs.server";
import { bundleFromPair, loadRecommendationsPage, setComplementOverride } from "../services/recommendations.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, shopData } = await requireAdmin(request);
  const [page, backfill] = await Promise.all([loadRecommendationsPage(shop, shopData), orderBackfillProgress(shop)]);
  return { ...page, backfill };
};

const pairAction = z.object({
  intent: z.enum(["pin", "exclude", "none", "bundle"]),
  productId: z.string().check(z.regex(/^gid:\/\/shopify\/Product\/\d+$/)),
  complementId: z.string().check(z.regex(/^gid:\/\/shopify\/Product\/\d+$/)),
});

export const action = async ({ request }: ActionFunctionArgs) => {
  const { shop, shopData } = await requireAdmin(request);
  const form = Object.fromEntries(await request.formData());
  if (form.intent === "rebuild") {
    await startRecommendationsRebuild(shop, new Date());
    return { ok: true as const };
  }
  if (form.intent === "backfill") {
    await startOrderBackfill(shop, new Date());
    return { ok: true as const };
  }
  const parsed = pairAction.safeParse(form);
  if (!parsed.success) return { ok: false as const, error: "That action needs a product and its complement." };
  const { intent, productId, complementId } = parsed.data;
  if (intent === "bundle") return redirect(`/app/offers/${await bundleFromPair(shop, shopData, productId, complementId)}?duplicated=1`);
  await setComplementOverride(shop, productId, complementId, intent);
  return { ok: true as const };
};

const percent = (value: number) => `${(value * 100).toFixed(1)} %`;

const count = (value: number) => value.toLocaleString();

function BackfillCard({ backfill, onStart, starting }: { backfill: SerializeFrom<typeof loader>["backfill"]; onStart: () => void; starting: boolean }) {
  const total = backfill?.ordersTotal ?? null;
  return (
    <Card>
      <BlockStack gap="200">
        <InlineStack align="space-between" blockAlign="center">
          <Text as="h2" variant="headingMd">
            Order history
          </Text>
          {backfill?.status !== "exporting" && backfill?.status !== "importing" && (
            <Button onClick={onStart} loading={starting}>
              {backfill ? "Import again" : "Import order history"}
            </Button>
          )}
        </InlineStack>
        {!backfill ? (
          <Text as="p" tone="subdued">
            New orders arrive as they are placed. Import your past orders so recommendations and the dashboard include them.
          </Text>
        ) : backfill.status === "exporting" ? (
          <>
            <Text as="p">
              Shopify is preparing your orders: {count(backfill.ordersExported)}
              {total !== null ? ` of ${count(total)}` : ""}
            </Text>
            <ProgressBar progress={total ? Math.min(100, (50 * backfill.ordersExported) / total) : 5} />
          </>
        ) : backfill.status === "importing" ? (
          <>
            <Text as="p">
              Importing orders: {count(backfill.ordersImported)}
              {total !== null ? ` of ${count(total)}` : ""}
            </Text>
            <ProgressBar progress={total ? 50 + Math.min(50, (50 * backfill.ordersImported) / total) : 50} />
            {backfill.error && (
              <Text as="p" tone="subdued">
                {backfill.error}
              </Text>
            )}
          </>
        ) : backfill.status === "failed" ? (
          <Banner tone="critical" title="The import stopped">
            <p>{backfill.error}</p>
          </Banner>
        ) : (
          <Text as="p" tone="subdued">
            Imported {count(backfill.ordersImported)} orders{backfill.finishedAt ? ` on ${new Date(backfill.finishedAt).toLocaleString()}` : ""}.
          </Text>
        )}
      </BlockStack>
    </Card>
  );
}

export default function Recommendations() {
  const { run, products, backfill } = useLoaderData<typeof loader>();
  const submit = useSubmit();
  const fetcher = useFetcher<typeof action>();
  const navigation = useNavigation();
  const revalidator = useRevalidator();
  const submitting = (intent: string) => navigation.state === "submitting" && navigation.formData?.get("intent") === intent;
  const rebuildPending = run?.status === "running" || run?.status === "queued";
  const busy = rebuildPending || backfill?.status === "exporting" || backfill?.status === "importing";

  // While a rebuild or an import runs in the background, keep the progress current.
  useEffect(() => {
    if (!busy) return;
    const timer = setInterval(() => revalidator.revalidate(), 1500);
    return () => clearInterval(timer);
  }, [busy, revalidator]);

  const rebuild = { content: "Rebuild now", loading: submitting("rebuild") || rebuildPending, onAction: () => submit({ intent: "rebuild" }, { method: "post" }) };
  const pair = (intent: string, productId: string, complementId: string) => fetcher.submit({ intent, productId, complementId }, { method: "post" });

  return (
    <Page title="Recommendations" subtitle="Products your customers buy together, from your own orders" primaryAction={rebuild}>
      <BlockStack gap="400">
        <BackfillCard backfill={backfill} starting={submitting("backfill")} onStart={() => submit({ intent: "backfill" }, { method: "post" })} />
        {run && (
          <Card>
            <BlockStack gap="200">
              {run.status === "queued" ? (
                <Text as="p">Rebuild queued: it starts in a moment.</Text>
              ) : run.status === "running" ? (
                <>
                  <Text as="p">Reading your orders: {count(run.ordersRead)}{run.ordersTotal ? ` of ${count(run.ordersTotal)}` : ""}</Text>
                  <ProgressBar progress={run.ordersTotal ? (100 * run.ordersRead) / run.ordersTotal : 50} />
                </>
              ) : run.status === "failed" ? (
                <Banner tone="critical" title="The last rebuild failed">
                  <p>{run.error}</p>
                </Banner>
              ) : (
                <Text as="p" tone="subdued">
                  Computed from {count(run.ordersRead)} orders{run.finishedAt ? ` on ${new Date(run.finishedAt).toLocaleString()}` : ""}.
                  {run.cappedOrders > 0 ? ` ${run.cappedOrders} very large orders counted with their first 50 products only.` : ""} A pair is shown once it was bought together in 3 orders and 20 % more often than chance.
                </Text>
              )}
            </BlockStack>
          </Card>
        )}
        {products.length === 0 ? (
          <Card>
            <EmptyState heading="No recommendations computed yet" action={rebuild} image="">
              <p>Rebuild to find the products your customers buy together, from your own order history.</p>
            </EmptyState>
          </Card>
        ) : (
          products.map(({ product, orderCount, complements }) => (
            <Card key={product.id}>
              <BlockStack gap="200">
                <InlineStack gap="200" blockAlign="center">
                  <Text as="h2" variant="headingMd">
                    {product.title}
                  </Text>
                  <Text as="span" tone="subdued">
                    in {orderCount.toLocaleString()} orders
                  </Text>
                </InlineStack>
                {complements.length === 0 ? (
                  <Text as="p" tone="subdued">
                    Not bought together with anything often enough yet.
                  </Text>
                ) : (
                  <DataTable
                    columnContentTypes={["text", "numeric", "numeric", "numeric", "text"]}
                    headings={["Bought with", "Together", "Confidence", "Lift", ""]}
                    rows={complements.map((complement) => [
                      <InlineStack key="title" gap="100">
                        <Text as="span">{complement.title}</Text>
                        {complement.override === "pin" && <Badge tone="success">Pinned</Badge>}
                        {complement.override === "exclude" && <Badge tone="critical">Excluded</Badge>}
                      </InlineStack>,
                      complement.pairCount.toLocaleString(),
                      percent(complement.confidence),
                      complement.lift.toFixed(2),
                      <InlineStack key="actions" gap="100" align="end">
                        <Button size="slim" onClick={() => pair(complement.override === "pin" ? "none" : "pin", product.id, complement.complementId)}>
                          {complement.override === "pin" ? "Unpin" : "Pin"}
                        </Button>
                        <Button size="slim" onClick={() => pair(complement.override === "exclude" ? "none" : "exclude", product.id, complement.complementId)}>
                          {complement.override === "exclude" ? "Include" : "Exclude"}
                        </Button>
                        <Button size="slim" variant="primary" onClick={() => submit({ intent: "bundle", productId: product.id, complementId: complement.complementId }, { method: "post" })}>
                          Make a bundle
                        </Button>
                      </InlineStack>,
                    ])}
                  />
                )}
              </BlockStack>
            </Card>
          ))
        )}
      </BlockStack>
    </Page>
  );
}
