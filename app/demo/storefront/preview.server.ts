// http://localhost:3000/preview: the demo shop's storefront, standing in for Shopify's online store in demo mode. It
// renders the theme app extension's blocks, serves their assets, keeps an Ajax API cart, forwards /apps/pairwise/*
// to the app proxy routes signed as Shopify signs them, and checks out with the discount Function.
import { createHmac } from "node:crypto";
import { readFile } from "node:fs/promises";
import path from "node:path";
import * as z from "zod/mini";
import { prisma } from "../../db.server";
import { DEMO_SHOP, env } from "../../env.server";
import { createDemoShopData } from "../../shop-data/demo-adapter.server";
import type { CatalogProduct, ShopDataPort } from "../../shop-data/port";
import { STOREFRONT_EXTENSION } from "../../storefront/assets";
import {
  addRequestSchema,
  addToCart,
  ajaxCart,
  CART_COOKIE,
  CartError,
  cartLines,
  changeCart,
  changeRequestSchema,
  clearCart,
  DEMO_PRESENTMENTS,
  newCartToken,
  type Presentment,
} from "./cart.server";
import { demoCheckout } from "./checkout.server";
import { createThemeRenderer, loadStorefrontConfig, PREVIEW_ROOT, type BlockName } from "./theme.server";

const CURRENCY_COOKIE = "pairwise_demo_currency";
const LOCALE_COOKIE = "pairwise_demo_locale";
const LOCALES = ["en", "fr"];
const PROXY_PREFIX = "/apps/pairwise";

type Visit = { token: string; presentment: Presentment; locale: string; withBlocks: boolean; setCookies: string[] };

function cookies(request: Request): Record<string, string> {
  return Object.fromEntries((request.headers.get("Cookie") ?? "").split(";").flatMap((part) => {
    const [name, ...value] = part.trim().split("=");
    return name ? [[name, decodeURIComponent(value.join("="))]] : [];
  }));
}

/** Who is browsing: their cart, currency and language (chosen with ?currency= and ?locale=, kept in cookies). */
function visitOf(request: Request): Visit {
  const jar = cookies(request);
  const query = new URL(request.url).searchParams;
  const setCookies: string[] = [];
  const keep = (name: string, value: string) => setCookies.push(`${name}=${encodeURIComponent(value)}; Path=/preview; SameSite=Lax; HttpOnly`);
  let token = jar[CART_COOKIE];
  if (!token) keep(CART_COOKIE, (token = newCartToken()));
  let currency = jar[CURRENCY_COOKIE] ?? "USD";
  const askedCurrency = query.get("currency");
  if (askedCurrency && DEMO_PRESENTMENTS[askedCurrency]) keep(CURRENCY_COOKIE, (currency = askedCurrency));
  let locale = jar[LOCALE_COOKIE] ?? "en";
  const askedLocale = query.get("locale");
  if (askedLocale && LOCALES.includes(askedLocale)) keep(LOCALE_COOKIE, (locale = askedLocale));
  return { token, presentment: DEMO_PRESENTMENTS[currency] ?? DEMO_PRESENTMENTS.USD!, locale, withBlocks: query.get("blocks") !== "0", setCookies };
}

function respond(visit: Visit, body: BodyInit | null, init: ResponseInit & { type?: string } = {}): Response {
  const headers = new Headers(init.headers);
  if (init.type) headers.set("Content-Type", init.type);
  for (const cookie of visit.setCookies) headers.append("Set-Cookie", cookie);
  return new Response(body, { ...init, headers });
}
const html = (visit: Visit, body: string) => respond(visit, body, { type: "text/html; charset=utf-8" });
const ajaxJson = (visit: Visit, value: unknown, status = 200) => respond(visit, JSON.stringify(value), { status, type: "application/json" });
const redirect = (visit: Visit, to: string) => respond(visit, null, { status: 303, headers: { Location: to } });

/** Shopify's app proxy signature: the sorted query parameters, concatenated, HMAC-SHA256 with the app's secret. */
export function signAppProxyQuery(params: URLSearchParams, secret: string): string {
  const grouped = new Map<string, string[]>();
  for (const [key, value] of params) if (key !== "signature") grouped.set(key, [...(grouped.get(key) ?? []), value]);
  const message = [...grouped].map(([key, values]) => `${key}=${values.join(",")}`).sort().join("");
  return createHmac("sha256", secret).update(message).digest("hex");
}

/** Forwards a storefront request for /apps/pairwise/* to this app's /proxy/*, as Shopify's app proxy does. */
async function forwardToAppProxy(request: Request, subpath: string): Promise<Response> {
  const incoming = new URL(request.url);
  const target = new URL(`/proxy/${subpath}`, incoming.origin);
  for (const [key, value] of incoming.searchParams) target.searchParams.append(key, value);
  target.searchParams.set("shop", DEMO_SHOP);
  target.searchParams.set("logged_in_customer_id", "");
  target.searchParams.set("path_prefix", PROXY_PREFIX);
  target.searchParams.set("timestamp", String(Math.floor(Date.now() / 1000)));
  target.searchParams.set("signature", signAppProxyQuery(target.searchParams, env().shopify.apiSecretKey));
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  const response = await fetch(target, { method: request.method, body, headers: { "Content-Type": request.headers.get("Content-Type") ?? "application/json" } });
  return new Response(await response.arrayBuffer(), { status: response.status, headers: { "Content-Type": response.headers.get("Content-Type") ?? "application/json" } });
}

async function allProducts(shopData: ShopDataPort): Promise<CatalogProduct[]> {
  const products: CatalogProduct[] = [];
  let after: string | null = null;
  do {
    const page = await shopData.listProducts({ first: 250, after });
    products.push(...page.items);
    after = page.nextCursor;
  } while (after);
  return products;
}

async function readJson(request: Request): Promise<unknown> {
  const type = request.headers.get("Content-Type") ?? "";
  if (type.includes("application/json")) return request.json().catch(() => null);
  // A theme's plain form post: id, quantity, properties[name].
  const form = await request.formData();
  const properties: Record<string, string> = {};
  const fields: Record<string, unknown> = {};
  for (const [name, value] of form) {
    const property = /^properties\[(.+)\]$/.exec(name);
    if (property?.[1]) properties[property[1]] = String(value);
    else fields[name] = /^\d+$/.test(String(value)) ? Number(value) : String(value);
  }
  return { ...fields, properties };
}

const cartErrorJson = (visit: Visit, error: CartError) => ajaxJson(visit, { status: error.status, message: "Cart Error", description: error.description }, error.status);
const invalid = (visit: Visit, error: z.core.$ZodError) =>
  ajaxJson(visit, { status: 422, message: "Cart Error", description: error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; ") }, 422);

export async function previewResponse(request: Request, subpath: string, now: Date): Promise<Response> {
  if (!env().demoMode) return new Response("Not found", { status: 404 });
  const visit = visitOf(request);
  const shopData = createDemoShopData(DEMO_SHOP, prisma);
  const method = request.method.toUpperCase();

  if (subpath.startsWith(`${PROXY_PREFIX.slice(1)}/`)) return forwardToAppProxy(request, subpath.slice(PROXY_PREFIX.length));
  const asset = /^assets\/([\w-]+\.(js|css))$/.exec(subpath);
  if (asset?.[1]) {
    const file = await readFile(path.resolve(STOREFRONT_EXTENSION, "assets", asset[1])).catch(() => null);
    return file ? respond(visit, file, { type: asset[2] === "js" ? "text/javascript" : "text/css", headers: { "Cache-Control": "public, max-age=300" } }) : new Response("Not found", { status: 404 });
  }

  const shopInfo = await shopData.getShopInfo();
  const currentCart = () => ajaxCart(shopData, visit.token, visit.presentment, shopInfo.currencyCode);
  const theme = async (products?: CatalogProduct[]) =>
    createThemeRenderer({ shopInfo, products: products ?? (await allProducts(shopData)), config: await loadStorefrontConfig(shopData), presentment: visit.presentment, locale: visit.locale });

  try {
    if (subpath === "cart.js" && method === "GET") return ajaxJson(visit, await currentCart());
    if ((subpath === "cart/add.js" || subpath === "cart/add") && method === "POST") {
      const parsed = addRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(visit, parsed.error);
      const added = await addToCart(shopData, visit.token, parsed.data.items);
      if (subpath === "cart/add") return redirect(visit, `${PREVIEW_ROOT}cart`);
      const cart = await currentCart();
      const wanted = typeof parsed.data.sections === "string" ? parsed.data.sections.split(",") : (parsed.data.sections ?? []);
      const sections = wanted.length > 0 ? await (await theme()).renderSections(wanted, cart) : undefined;
      const keys = new Set(added.map((line) => line.key));
      return ajaxJson(visit, { items: cart.items.filter((item) => keys.has(item.key)), ...(sections ? { sections } : {}) });
    }
    if ((subpath === "cart/change.js" || subpath === "cart/change") && method === "POST") {
      const parsed = changeRequestSchema.safeParse(await readJson(request));
      if (!parsed.success) return invalid(visit, parsed.error);
      changeCart(visit.token, parsed.data);
      return subpath === "cart/change" ? redirect(visit, `${PREVIEW_ROOT}cart`) : ajaxJson(visit, await currentCart());
    }
    if (subpath === "cart/clear.js" && method === "POST") {
      clearCart(visit.token);
      return ajaxJson(visit, await currentCart());
    }
  } catch (error) {
    if (error instanceof CartError) return cartErrorJson(visit, error);
    throw error;
  }
  if (method !== "GET") return new Response("Method not allowed", { status: 405 });

  const products = await allProducts(shopData);
  const renderer = await theme(products);
  const cart = await currentCart();
  const embeds: BlockName[] = visit.withBlocks ? ["cart-drawer"] : [];
  const product = /^products\/([\w-]+)$/.exec(subpath)?.[1];
  if (product) {
    const found = products.find((candidate) => candidate.handle === product);
    if (!found) return new Response("Not found", { status: 404 });
    return html(visit, await renderer.renderPage({ template: "product", title: found.title, blocks: visit.withBlocks ? ["bundle", "quantity-breaks"] : [], embeds, cart, scope: { product: renderer.productDrop(found) } }));
  }
  if (subpath === "cart") return html(visit, await renderer.renderPage({ template: "cart", title: "Cart", blocks: visit.withBlocks ? ["cart-upsell"] : [], embeds: [], cart }));
  if (subpath === "checkout") {
    const checkout = await demoCheckout(shopData, cartLines(visit.token), visit.presentment, now);
    return html(visit, await renderer.renderPage({ template: "checkout", title: "Checkout", blocks: [], embeds: [], cart, scope: { checkout: { ...checkout, free_shipping: checkout.freeShipping } } }));
  }
  if (subpath === "") {
    // The storefront opens on the first product the demo's bundles hold.
    const config = await loadStorefrontConfig(shopData);
    const first = Object.values(config?.productHandles ?? {})[0];
    return redirect(visit, first ? `${PREVIEW_ROOT}products/${first}` : `${PREVIEW_ROOT}cart`);
  }
  return new Response("Not found", { status: 404 });
}
