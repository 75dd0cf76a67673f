import { BarChart, FunnelChart, LineChart, PolarisVizProvider } from "@shopify/polaris-viz";
import { useEffect, useState } from "react";
import type { PeriodMetrics } from "../../domain/metrics/metrics";
import { money } from "../../domain/money";
import { formatMoney } from "../format";

type Props = { current: PeriodMetrics; previous: PeriodMetrics; currency: string; locale: string };

/** polaris-viz measures the page, so charts render in the browser only; the server sends a skeleton of equal size. */
function useMounted(): boolean {
  const [mounted, setMounted] = useState(false);
  useEffect(() => setMounted(true), []);
  return mounted;
}

const CHART_HEIGHT = 260;

export function ChartFrame({ label, children }: { label: string; children: React.ReactNode }) {
  const mounted = useMounted();
  return (
    <div style={{ height: CHART_HEIGHT }} aria-label={label} role="figure">
      {mounted ? <PolarisVizProvider>{children}</PolarisVizProvider> : null}
    </div>
  );
}

/** AOV by day (by week for ranges over 90 days), against the previous period. */
export function AovTrendChart({ current, previous, currency, locale }: Props) {
  const weekly = current.daily.length > 90;
  const points = (period: PeriodMetrics) =>
    (weekly ? period.weekly.map((week) => ({ key: week.weekStarting, value: week.aovMinor })) : period.daily.map((day) => ({ key: day.day, value: day.aovMinor })));
  const currentPoints = points(current);
  // The comparison series is drawn against the current period's dates, position by position.
  const previousPoints = points(previous).map((point, index) => ({ key: currentPoints[index]?.key ?? point.key, value: point.value }));
  const formatMinor = (value: unknown) => (typeof value === "number" ? formatMoney(money(Math.round(value), currency), locale) : "");
  return (
    <ChartFrame label={`Average order value by ${weekly ? "week" : "day"}`}>
      <LineChart
        isAnimated={false}
        data={[
          { name: `${current.from} – ${current.to}`, data: currentPoints },
          { name: `${previous.from} – ${previous.to}`, data: previousPoints, isComparison: true },
        ]}
        yAxisOptions={{ labelFormatter: formatMinor }}
        tooltipOptions={{ valueFormatter: formatMinor }}
      />
    </ChartFrame>
  );
}

export function WithWithoutChart({ current, previous, currency, locale }: Props) {
  const formatMinor = (value: unknown) => (typeof value === "number" ? formatMoney(money(Math.round(value), currency), locale) : "");
  const series = (period: PeriodMetrics, name: string) => ({
    name,
    data: [
      { key: "With an accepted offer", value: period.withOffer.aovMinor },
      { key: "Without", value: period.withoutOffer.aovMinor },
    ],
  });
  return (
    <ChartFrame label="Average order value with and without an accepted offer">
      <BarChart isAnimated={false} data={[series(current, "This period"), series(previous, "Previous period")]} yAxisOptions={{ labelFormatter: formatMinor }} />
    </ChartFrame>
  );
}

export function FunnelOfSuggestions({ current }: { current: PeriodMetrics }) {
  const clicks = current.offers.reduce((sum, offer) => sum + offer.clicks, 0);
  return (
    <ChartFrame label="Suggested products: impressions, clicks, adds to cart, orders">
      <FunnelChart
        isAnimated={false}
        data={[
          {
            name: "Suggested products",
            data: [
              { key: "Impressions", value: current.suggested.impressions },
              { key: "Clicks", value: clicks },
              { key: "Added to cart", value: current.suggested.adds },
              { key: "Ordered", value: current.suggested.orders },
            ],
          },
        ]}
      />
    </ChartFrame>
  );
}
