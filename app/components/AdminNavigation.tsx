import { useLocation, Link } from "@remix-run/react";
import { NavMenu } from "@shopify/app-bridge-react";
import { Frame, Navigation } from "@shopify/polaris";
import type { ReactNode } from "react";

export const ADMIN_PAGES = [
  { label: "Dashboard", url: "/app" },
  { label: "Offers", url: "/app/offers" },
  { label: "Recommendations", url: "/app/recommendations" },
  { label: "Settings", url: "/app/settings" },
] as const;

/** Inside Shopify the admin's own sidebar shows the menu (App Bridge); in demo mode a Polaris Frame stands in for it. */
export function AdminNavigation({ embedded, children }: { embedded: boolean; children: ReactNode }) {
  const { pathname } = useLocation();
  if (embedded) {
    return (
      <>
        <NavMenu>
          {ADMIN_PAGES.map((page, index) => (
            <Link key={page.url} to={page.url} rel={index === 0 ? "home" : undefined}>
              {page.label}
            </Link>
          ))}
        </NavMenu>
        {children}
      </>
    );
  }
  return (
    <Frame
      navigation={
        <Navigation location={pathname}>
          <Navigation.Section
            items={ADMIN_PAGES.map((page) => ({
              label: page.label,
              url: page.url,
              exactMatch: page.url === "/app",
              selected: page.url === "/app" ? pathname === "/app" : pathname.startsWith(page.url),
            }))}
          />
        </Navigation>
      }
    >
      {children}
    </Frame>
  );
}
