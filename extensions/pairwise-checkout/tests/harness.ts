// Shopify's extension tester wired to the app itself: the extension's fetch() reaches the real routes (session token
// signed with the app's secret, engine, recommendations, in-memory database), and i18n speaks the shipped English.
import { createCartLine } from "@shopify/ui-extensions-tester/checkout";
import type { CartLine, I18n, SessionToken } from "@shopify/ui-extensions/checkout";
import { vi } from "vitest";
import { action as events } from "../../../app/routes/api.checkout.events";
import { action as offers } from "../../../app/routes/api.checkout.offers";
import { action as recommendations } from "../../../app/routes/api.checkout.recommendations";
import { P, V } from "../../../tests/support/checkout-shop";
import { checkoutSessionToken } from "../../../tests/support/session-tokens";
import english from "../locales/en.default.json";

const ROUTES: Record<string, typeof offers> = { "/api/checkout/offers": offers, "/api/checkout/recommendations": recommendations, "/api/checkout/events": events };

/** fetch() as the extension sees it, answered by the app's route for the URL's path. */
export function appFetch(): typeof fetch {
  return async (input, init) => {
    const request = new Request(input, init);
    const route = ROUTES[new URL(request.url).pathname];
    if (!route) return new Response(null, { status: 404 });
    try {
      return await route({ request, params: {}, context: {} });
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };
}

export const sessionTokenFor = (shop: string) => ({ get: async () => checkoutSessionToken(shop) });

/** Points a target at the app's routes as `shop`'s checkout, speaking the shipped English. */
export function connectToApp(extension: { fetch: typeof fetch; shopify: { sessionToken: SessionToken; i18n: I18n } }, shop: string): void {
  extension.fetch = appFetch();
  extension.shopify.sessionToken = sessionTokenFor(shop);
  englishI18n(extension.shopify.i18n);
}


/** The extension's English strings with their placeholders filled, and dollars as a US buyer sees them. */
export function englishI18n(i18n: I18n): void {
  i18n.translate = ((key: string, options: Record<string, unknown> = {}) => {
    const template = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], english);
    if (typeof template !== "string") throw new Error(`missing translation ${key}`);
    return template.replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(options[name]));
  }) as I18n["translate"];
  i18n.formatCurrency = (amount, options) => new Intl.NumberFormat("en-US", { style: "currency", currency: options?.currency ?? "USD" }).format(amount);
}

/** A checkout line for product n of the seeded catalog, at its price before discounts `unitDollars`. */
export function lineOf(n: number, unitDollars: number, quantity = 1, discountDollars = 0): CartLine {
  return createCartLine({
    id: `gid://shopify/CartLine/${n}`,
    merchandise: { type: "variant", id: V(n), title: "Default Title", selectedOptions: [], product: { id: P(n), vendor: "V", productType: "" }, requiresShipping: true },
    quantity,
    cost: { totalAmount: { amount: unitDollars * quantity - discountDollars, currencyCode: "USD" } },
    discountAllocations: discountDollars > 0 ? [{ type: "automatic", title: "Pour-over set", discountedAmount: { amount: discountDollars, currencyCode: "USD" } }] : [],
  });
}

export const text = () => document.body.textContent ?? "";
export const buttons = (label: string) => [...document.body.querySelectorAll("s-button")].filter((button) => button.textContent?.trim() === label);
/** Waits until the extension shows what the assertion expects (the app answers asynchronously). */
export const eventually = (assertion: () => void) => vi.waitFor(assertion, { timeout: 5_000 });
