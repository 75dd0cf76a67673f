import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../services/admin-context.server";
import { loadDashboardPage, offersCsv } from "../services/dashboard-page.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { shop, shopData } = await requireAdmin(request);
  const page = await loadDashboardPage(shop, shopData, Object.fromEntries(new URL(request.url).searchParams), new Date());
  if (page.kind === "invalid") return new Response(page.error, { status: 400, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const csv = page.kind === "ready" ? offersCsv(page) : "offer_id,offer\n";
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="pairwise-offers-${page.range.from}-to-${page.range.to}.csv"`,
    },
  });
};
