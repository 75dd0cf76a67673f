import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, Link, useLoaderData, useNavigation, useSearchParams } from "@remix-run/react";
import { Banner, BlockStack, Box, Button, Card, DataTable, EmptyState, InlineGrid, InlineStack, Layout, Page, Select, SkeletonBodyText, Text, TextField, Tooltip } from "@shopify/polaris";
import polarisVizStyles from "@shopify/polaris-viz/build/esm/styles.css?url";
import { useState } from "react";
import { AovTrendChart, FunnelOfSuggestions, WithWithoutChart } from "../components/dashboard/DashboardCharts";
import { formatMoney } from "../components/format";
import type { PeriodMetrics } from "../domain/metrics/metrics";
import { RANGE_PRESETS } from "../domain/metrics/range";
import { money } from "../domain/money";
import { requireAdmin } from "../services/admin-context.server";
import { loadDashboardPage } from "../services/dashboard-page.server";

export const links = () => [{ rel: "stylesheet", href: polarisVizStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, shopData } = await requireAdmin(request);
  return loadDashboardPage(shop, shopData, Object.fromEntries(new URL(request.url).searchParams), new Date());
};

/** What each figure means (docs/metrics.md), shown beside it. */
const DEFINITIONS = {
  aov: "Gross sales minus discounts, as the orders were placed (no shipping, taxes, edits, returns or refunds), divided by the number of orders. Test orders are left out. Shopify Analytics has used this definition since January 2023.",
  orders: "Orders placed in the period, test orders left out (cancelled ones count: they were placed).",
  netSales: "Gross sales minus discounts minus returns; returns count on the day of the refund.",
  units: "Items ordered per order.",
  attributed: "Revenue of the lines shoppers added through a Pairwise offer (the line property _pairwise_offer), after discounts and net of the offer's share of refunds.",
  repeat: "Share of the period's customers who had ordered before the period began.",
  withWithout: "Average order value of orders with at least one line added through a Pairwise offer, against orders without.",
  conversion: "Of the impressions of suggested products, how many were added to the cart, and of those adds, how many were ordered.",
};

const percentText = (value: number | null, digits = 1) => (value === null ? "—" : `${(value * 100).toFixed(digits)} %`);

function change(current: number | null, previous: number | null): { text: string; tone: "success" | "critical" | "subdued" } {
  if (current === null || previous === null || previous === 0) return { text: "no comparison", tone: "subdued" };
  const ratio = (current - previous) / Math.abs(previous);
  if (ratio === 0) return { text: "no change", tone: "subdued" };
  return { text: `${ratio > 0 ? "+" : ""}${(ratio * 100).toFixed(1)} % vs previous period`, tone: ratio > 0 ? "success" : "critical" };
}

function MetricCard({ title, value, current, previous, help, lowerIsBetter = false }: { title: string; value: string; current: number | null; previous: number | null; help: string; lowerIsBetter?: boolean }) {
  const delta = change(current, previous);
  const tone = lowerIsBetter && delta.tone !== "subdued" ? (delta.tone === "success" ? "critical" : "success") : delta.tone;
  return (
    <Card>
      <BlockStack gap="100">
        <Tooltip content={help}>
          <Text as="h3" variant="headingSm" tone="subdued">
            <span style={{ borderBottom: "1px dotted" }}>{title}</span>
          </Text>
        </Tooltip>
        <Text as="p" variant="headingLg">
          {value}
        </Text>
        <Text as="p" variant="bodySm" tone={tone}>
          {delta.text}
        </Text>
      </BlockStack>
    </Card>
  );
}

function RangeForm({ from, to, days }: { from: string; to: string; days: string }) {
  const [preset, setPreset] = useState(days);
  const [dates, setDates] = useState({ from, to });
  return (
    <Form method="get">
      <InlineStack gap="300" blockAlign="end" wrap>
        <Select
          label="Period"
          name="days"
          value={preset}
          onChange={setPreset}
          options={[{ label: "Custom dates", value: "" }, ...RANGE_PRESETS.map((days) => ({ label: `Last ${days} days`, value: String(days) }))]}
        />
        {preset === "" && (
          <>
            <TextField label="From" type="date" name="from" value={dates.from} onChange={(value) => setDates({ ...dates, from: value })} autoComplete="off" />
            <TextField label="To" type="date" name="to" value={dates.to} onChange={(value) => setDates({ ...dates, to: value })} autoComplete="off" />
          </>
        )}
        <Button submit>Apply</Button>
      </InlineStack>
    </Form>
  );
}

function Cards({ current, previous, currency, locale }: { current: PeriodMetrics; previous: PeriodMetrics; currency: string; locale: string }) {
  const amount = (minor: number | null) => (minor === null ? "—" : formatMoney(money(minor, currency), locale));
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="300">
      <MetricCard title="Average order value" value={amount(current.aovMinor)} current={current.aovMinor} previous={previous.aovMinor} help={DEFINITIONS.aov} />
      <MetricCard title="Orders" value={current.orders.toLocaleString(locale)} current={current.orders} previous={previous.orders} help={DEFINITIONS.orders} />
      <MetricCard title="Net sales" value={amount(current.netSalesMinor)} current={current.netSalesMinor} previous={previous.netSalesMinor} help={DEFINITIONS.netSales} />
      <MetricCard title="Units per order" value={current.unitsPerOrder === null ? "—" : current.unitsPerOrder.toFixed(2)} current={current.unitsPerOrder} previous={previous.unitsPerOrder} help={DEFINITIONS.units} />
      <MetricCard title="Attributed revenue" value={amount(current.attributedRevenueMinor)} current={current.attributedRevenueMinor} previous={previous.attributedRevenueMinor} help={DEFINITIONS.attributed} />
      <MetricCard
        title="AOV with an offer vs without"
        value={`${amount(current.withOffer.aovMinor)} vs ${amount(current.withoutOffer.aovMinor)}`}
        current={current.aovDifferenceMinor}
        previous={previous.aovDifferenceMinor}
        help={DEFINITIONS.withWithout}
      />
      <MetricCard
        title="Suggested products: adds / impressions, orders / add"
        value={`${percentText(current.suggested.addsPerImpression)} · ${percentText(current.suggested.ordersPerAdd)}`}
        current={current.suggested.addsPerImpression}
        previous={previous.suggested.addsPerImpression}
        help={DEFINITIONS.conversion}
      />
      <MetricCard title="Repeat purchase rate" value={percentText(current.repeatPurchaseRate)} current={current.repeatPurchaseRate} previous={previous.repeatPurchaseRate} help={DEFINITIONS.repeat} />
    </InlineGrid>
  );
}

function LoadingCards() {
  return (
    <InlineGrid columns={{ xs: 1, sm: 2, md: 4 }} gap="300">
      {Array.from({ length: 8 }, (_, index) => (
        <Card key={index}>
          <SkeletonBodyText lines={3} />
        </Card>
      ))}
    </InlineGrid>
  );
}

export default function Dashboard() {
  const page = useLoaderData<typeof loader>();
  const [searchParams] = useSearchParams();
  const navigation = useNavigation();
  const loading = navigation.state === "loading" && navigation.location.pathname === "/app";
  const locale = page.shopInfo.primaryLocale;

  if (page.kind === "invalid") {
    return (
      <Page title="Dashboard">
        <Banner tone="critical" title="That date range cannot be shown">
          <p>{page.error}</p>
        </Banner>
      </Page>
    );
  }
  if (page.kind === "empty") {
    return (
      <Page title="Dashboard" subtitle={page.shopInfo.name}>
        <Card>
          <EmptyState heading="Your dashboard fills in as orders arrive" action={{ content: "Import order history", url: "/app/recommendations" }} image="">
            <p>
              Average order value, net sales, orders with and without an accepted offer, revenue attributed to each offer with its funnel, and the repeat purchase
              rate appear here from your orders. Import your past orders to see them now.
            </p>
          </EmptyState>
        </Card>
      </Page>
    );
  }

  const { dashboard, range, offerLinks } = page;
  const { current, previous, currency } = dashboard;
  const amount = (minor: number) => formatMoney(money(minor, currency), locale);
  const csvUrl = `/app/dashboard.csv?from=${range.from}&to=${range.to}`;
  return (
    <Page title="Dashboard" subtitle={`${page.shopInfo.name} · ${range.from} to ${range.to} (${dashboard.timeZone}), compared with ${previous.from} to ${previous.to}`}>
      <BlockStack gap="400">
        <Card>
          <RangeForm from={range.from} to={range.to} days={searchParams.get("days") ?? ""} />
        </Card>
        {loading ? <LoadingCards /> : <Cards current={current} previous={previous} currency={currency} locale={locale} />}
        <Layout>
          <Layout.Section>
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  Average order value
                </Text>
                {loading ? <SkeletonBodyText lines={8} /> : <AovTrendChart current={current} previous={previous} currency={currency} locale={locale} />}
              </BlockStack>
            </Card>
          </Layout.Section>
          <Layout.Section variant="oneThird">
            <Card>
              <BlockStack gap="200">
                <Text as="h2" variant="headingMd">
                  With and without an offer
                </Text>
                {loading ? <SkeletonBodyText lines={8} /> : <WithWithoutChart current={current} previous={previous} currency={currency} locale={locale} />}
              </BlockStack>
            </Card>
          </Layout.Section>
        </Layout>
        <Card>
          <BlockStack gap="200">
            <Text as="h2" variant="headingMd">
              Suggested products
            </Text>
            {loading ? <SkeletonBodyText lines={6} /> : <FunnelOfSuggestions current={current} />}
          </BlockStack>
        </Card>
        <Card>
          <BlockStack gap="300">
            <InlineStack align="space-between" blockAlign="center">
              <Text as="h2" variant="headingMd">
                Offers
              </Text>
              <Button url={csvUrl} external>
                Export CSV
              </Button>
            </InlineStack>
            {current.offers.length === 0 ? (
              <Text as="p" tone="subdued">
                No order in this period has a line added through an offer yet.
              </Text>
            ) : (
              <DataTable
                columnContentTypes={["text", "numeric", "numeric", "numeric", "numeric", "numeric", "numeric"]}
                headings={["Offer", "Impressions", "Clicks", "Adds", "Orders", "Revenue", "Take rate"]}
                rows={current.offers.map((offer) => [
                  offerLinks[offer.offerId] ? (
                    <Link key="offer" to={offerLinks[offer.offerId]!.href}>
                      {offerLinks[offer.offerId]!.title}
                    </Link>
                  ) : (
                    <Box key="offer">
                      <Text as="span" tone="subdued">
                        {offer.offerId} (deleted)
                      </Text>
                    </Box>
                  ),
                  offer.impressions.toLocaleString(locale),
                  offer.clicks.toLocaleString(locale),
                  offer.adds.toLocaleString(locale),
                  offer.orders.toLocaleString(locale),
                  amount(offer.revenueMinor),
                  percentText(offer.takeRate, 2),
                ])}
              />
            )}
          </BlockStack>
        </Card>
      </BlockStack>
    </Page>
  );
}
