import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css?url";
import { AdminNavigation } from "../components/AdminNavigation";
import { env } from "../env.server";
import { requireAdmin } from "../services/admin-context.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { embedded, shop } = await requireAdmin(request);
  return { apiKey: env().shopify.apiKey, embedded, shop };
};

export default function AppLayout() {
  const { apiKey, embedded } = useLoaderData<typeof loader>();
  return (
    <AppProvider isEmbeddedApp={embedded} apiKey={apiKey}>
      <AdminNavigation embedded={embedded}>
        <Outlet />
      </AdminNavigation>
    </AppProvider>
  );
}

// Shopify needs its own error boundary and headers so that auth redirects (thrown Responses) work inside the admin.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
