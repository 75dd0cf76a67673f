// `npm run -s metrics -- --orders FILE [--events FILE] --from YYYY-MM-DD --to YYYY-MM-DD [--timezone TZ]`: the
// dashboard's metrics as JSON, from one Shopify order JSON (as in the orders/create webhook) per line, computed by
// the same code as the dashboard (docs/metrics.md).
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { dashboardFromOrders, MetricsInputError } from "../app/domain/metrics/from-orders";
import { offerEventSchema, type OfferEvent } from "../app/domain/metrics/offer-events";
import { isTimeZone } from "../app/domain/metrics/time-zone";
import { normalizeOrder, shopifyOrderSchema, type NormalizedOrder } from "../app/domain/orders/shopify-order";

class UsageError extends Error {}

const USAGE = "usage: metrics --orders FILE [--events FILE] --from YYYY-MM-DD --to YYYY-MM-DD [--timezone TZ]";
const isDay = (value: string | undefined): value is string => value !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`));

function jsonLines<T>(path: string, what: string, parse: (value: unknown) => T): T[] {
  return readFileSync(path, "utf8")
    .split("\n")
    .flatMap((text, index) => {
      if (text.trim() === "") return [];
      try {
        return [parse(JSON.parse(text))];
      } catch (error) {
        const reason = error instanceof SyntaxError ? "not JSON" : `not ${what}: ${error instanceof Error ? error.message.split("\n")[0] : String(error)}`;
        throw new UsageError(`${path} line ${index + 1} is ${reason}`);
      }
    });
}

export function runMetrics(argv: string[]): { output?: string; exitCode: number; error?: string } {
  try {
    const { values } = parseArgs({
      args: argv,
      options: { orders: { type: "string" }, events: { type: "string" }, from: { type: "string" }, to: { type: "string" }, timezone: { type: "string", default: "UTC" } },
    });
    if (!values.orders) throw new UsageError(USAGE);
    if (!isDay(values.from) || !isDay(values.to)) throw new UsageError(`--from and --to must be dates (YYYY-MM-DD)\n${USAGE}`);
    if (values.from > values.to) throw new UsageError("--from must not be after --to");
    if (!isTimeZone(values.timezone)) throw new UsageError(`--timezone ${values.timezone} is not an IANA time zone`);
    const orders = jsonLines<NormalizedOrder>(values.orders, "a Shopify order", (value) => normalizeOrder(shopifyOrderSchema.parse(value)));
    const events = values.events ? jsonLines<OfferEvent>(values.events, "an offer event", (value) => offerEventSchema.parse(value)) : [];
    const dashboard = dashboardFromOrders(orders, events, { from: values.from, to: values.to, timeZone: values.timezone });
    return { output: JSON.stringify(dashboard, null, 2), exitCode: 0 };
  } catch (error) {
    if (error instanceof UsageError) return { exitCode: 1, error: error.message };
    if (error instanceof Error && "code" in error && (error.code === "ENOENT" || String(error.code).startsWith("ERR_PARSE_ARGS"))) return { exitCode: 1, error: error.message };
    if (error instanceof MetricsInputError) return { exitCode: 1, error: error.message };
    throw error;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { output, exitCode, error } = runMetrics(process.argv.slice(2));
  if (error) console.error(error);
  if (output) process.stdout.write(`${output}\n`);
  process.exitCode = exitCode;
}
