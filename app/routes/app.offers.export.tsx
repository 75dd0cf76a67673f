import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireAdmin } from "../services/admin-context.server";
import { exportOffers } from "../services/offer-transfer.server";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const admin = await requireAdmin(request);
  const file = await exportOffers(admin);
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="pairwise-offers-${admin.shop.replace(/\W+/g, "-")}.json"`,
    },
  });
};
