// Renders the demo storefront: a minimal theme (app/demo/storefront/theme) around the theme app extension's actual
// blocks and snippets, with liquidjs standing in for Shopify's Liquid: the objects the blocks read (product,
// all_products, cart, app.metafields, block.settings, request, routes), and the filters they use (money, t, json).
import { readFile } from "node:fs/promises";
import path from "node:path";
import { Liquid } from "liquidjs";
import { convertMinor, parseRate } from "../../domain/engine/arithmetic";
import { currencyExponent } from "../../domain/money";
import { STOREFRONT_CONFIG_VERSION, STOREFRONT_METAFIELD_KEY, storefrontConfigSchema, type StorefrontConfig } from "../../domain/storefront/config";
import type { CatalogProduct, ShopDataPort, ShopInfo } from "../../shop-data/port";
import { STOREFRONT_EXTENSION } from "../../storefront/assets";
import type { AjaxCart } from "../../storefront/ajax-cart";
import type { Presentment } from "./cart.server";

const EXTENSION = path.resolve(STOREFRONT_EXTENSION);
const THEME = path.resolve("app/demo/storefront/theme");
export const PREVIEW_ROOT = "/preview/";

export type BlockName = "bundle" | "quantity-breaks" | "cart-upsell" | "cart-drawer";
type BlockSchema = { javascript?: string; settings?: { id: string; default?: unknown }[] };
type Block = { name: BlockName; source: string; schema: BlockSchema };

const numericId = (gid: string) => Number(gid.slice(gid.lastIndexOf("/") + 1));

/** A block file: its Liquid, and its schema (for setting defaults and the assets Shopify loads for it). */
async function readBlock(name: BlockName): Promise<Block> {
  const text = await readFile(path.join(EXTENSION, "blocks", `${name}.liquid`), "utf8");
  const match = /{%-?\s*schema\s*-?%}([\s\S]*?){%-?\s*endschema\s*-?%}/.exec(text);
  return { name, source: text.replace(match?.[0] ?? "", ""), schema: JSON.parse(match?.[1] ?? "{}") as BlockSchema };
}

async function translations(locale: string): Promise<Record<string, unknown>> {
  const file = locale === "en" ? "en.default.json" : `${locale}.json`;
  try {
    return JSON.parse(await readFile(path.join(EXTENSION, "locales", file), "utf8")) as Record<string, unknown>;
  } catch {
    return locale === "en" ? {} : translations("en");
  }
}

/** Shopify's default money formats for the demo's currencies: "$1,234.56" and "€1.234,56". */
function formatMoney(amountMinor: number, currency: string): string {
  const exponent = currencyExponent(currency);
  const negative = amountMinor < 0;
  const digits = String(Math.abs(amountMinor)).padStart(exponent + 1, "0");
  const whole = digits.slice(0, digits.length - exponent);
  const fraction = digits.slice(digits.length - exponent);
  const [group, decimal, symbol] = currency === "EUR" ? [".", ",", "€"] : [",", ".", currency === "USD" ? "$" : `${currency} `];
  const text = `${symbol}${whole.replace(/\B(?=(\d{3})+(?!\d))/g, group)}${exponent > 0 ? decimal + fraction : ""}`;
  return negative ? `-${text}` : text;
}

export type ThemeData = {
  shopInfo: ShopInfo;
  products: CatalogProduct[];
  config: StorefrontConfig | null;
  presentment: Presentment;
  locale: string;
};

/** What the blocks see of a product, with prices in the shopper's currency. */
function productDrop(product: CatalogProduct, data: ThemeData) {
  const rate = parseRate(data.presentment.rate) ?? { numerator: 1n, denominator: 1n };
  const price = (minor: number) => convertMinor(minor, data.shopInfo.currencyCode, data.presentment.currency, rate);
  const variants = product.variants.map((variant) => ({
    id: numericId(variant.id),
    title: variant.title,
    price: price(variant.price.amountMinor),
    compare_at_price: variant.compareAtPrice ? price(variant.compareAtPrice.amountMinor) : null,
    available: variant.availableForSale,
    inventory_management: variant.inventoryQuantity === null ? null : "shopify",
    inventory_policy: variant.inventoryPolicy.toLowerCase(),
    inventory_quantity: variant.inventoryQuantity ?? 0,
  }));
  const firstAvailable = variants.find((variant) => variant.available) ?? null;
  return {
    id: numericId(product.id),
    title: product.title,
    handle: product.handle,
    vendor: product.vendor,
    type: product.productType,
    tags: product.tags,
    available: product.status === "ACTIVE" && product.publishedOnlineStore && firstAvailable !== null,
    collections: product.collectionIds.map((id) => ({ id: numericId(id) })),
    variants,
    first_available_variant: firstAvailable,
    selected_or_first_available_variant: firstAvailable ?? variants[0],
    featured_image: null,
  };
}

/** The cart as Liquid sees it (`cart.currency.iso_code`), and as `{{ cart | json }}` prints it (the Ajax API's shape). */
function cartDrop(cart: AjaxCart & Record<string, unknown>) {
  return { ...cart, currency: { iso_code: cart.currency }, toJSON: () => cart };
}

export async function loadStorefrontConfig(shopData: ShopDataPort): Promise<StorefrontConfig | null> {
  const value = await shopData.getAppMetafield(STOREFRONT_METAFIELD_KEY);
  if (!value) return null;
  const parsed = storefrontConfigSchema.safeParse(JSON.parse(value));
  // A configuration from another version renders no offers, as the blocks would in Shopify until the next publish.
  return parsed.success && parsed.data.version === STOREFRONT_CONFIG_VERSION ? parsed.data : null;
}

export function createThemeRenderer(data: ThemeData) {
  const liquid = new Liquid({ root: [path.join(EXTENSION, "snippets"), THEME], extname: ".liquid", timezoneOffset: data.shopInfo.ianaTimezone });
  const translationsLoaded = translations(data.locale);
  liquid.registerFilter("money", (amount: number) => formatMoney(Number(amount), data.presentment.currency));
  // Shopify's json filter escapes markup characters, so JSON inside <script> cannot close it.
  liquid.registerFilter("json", (value: unknown) => JSON.stringify(value ?? null).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026"));
  liquid.registerFilter("t", async (key: string, ...args: unknown[]) => {
    const found = String(key).split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), await translationsLoaded);
    if (typeof found !== "string") return `translation missing: ${data.locale}.${key}`;
    const values = Object.fromEntries(args.filter((arg): arg is [string, unknown] => Array.isArray(arg)));
    return found.replace(/{{\s*(\w+)\s*}}/g, (_, name: string) => String(values[name] ?? ""));
  });

  const byHandle = Object.fromEntries(data.products.map((product) => [product.handle, productDrop(product, data)]));
  const globals = (cart: AjaxCart & Record<string, unknown>) => ({
    shop: { name: data.shopInfo.name, currency: data.shopInfo.currencyCode },
    request: { locale: { iso_code: data.locale } },
    routes: { root_url: PREVIEW_ROOT, cart_url: `${PREVIEW_ROOT}cart`, cart_add_url: `${PREVIEW_ROOT}cart/add` },
    cart: cartDrop(cart),
    customer: null,
    all_products: byHandle,
    app: { metafields: { $app: { [STOREFRONT_METAFIELD_KEY]: { type: "json", value: data.config } } } },
  });

  async function renderBlock(block: Block, scope: Record<string, unknown>, cart: AjaxCart & Record<string, unknown>): Promise<string> {
    const settings = Object.fromEntries((block.schema.settings ?? []).map((setting) => [setting.id, setting.default ?? ""]));
    return liquid.parseAndRender(block.source, { ...scope, block: { id: block.name, settings, shopify_attributes: "" } }, { globals: globals(cart) });
  }

  /** A page: the template with the given app blocks in it, the app embed, and the blocks' scripts (deferred) in the head. */
  async function renderPage(options: {
    template: "product" | "cart" | "checkout";
    title: string;
    blocks: BlockName[];
    embeds: BlockName[];
    cart: AjaxCart & Record<string, unknown>;
    scope?: Record<string, unknown>;
  }): Promise<string> {
    const blocks = await Promise.all(options.blocks.map(readBlock));
    const embeds = await Promise.all(options.embeds.map(readBlock));
    const scope = { ...options.scope, page_title: options.title };
    const assets = new Set<string>();
    for (const block of [...blocks, ...embeds]) {
      if (block.schema.javascript) assets.add(`<script src="${PREVIEW_ROOT}assets/${block.schema.javascript}" defer></script>`);
    }
    const header = `<script>window.Shopify = ${JSON.stringify({ shop: data.shopInfo.shop, currency: { active: data.presentment.currency, rate: data.presentment.rate }, locale: data.locale, routes: { root: PREVIEW_ROOT } })};</script>\n${[...assets].join("\n")}`;
    const sections = await renderSections(["cart-icon-bubble", "cart-drawer", "main-cart"], options.cart);
    const content = await liquid.renderFile(options.template, {
      ...scope,
      sections,
      app_blocks: (await Promise.all(blocks.map((block) => renderBlock(block, scope, options.cart)))).join("\n"),
    }, { globals: globals(options.cart) });
    return liquid.renderFile("layout", {
      ...scope,
      content_for_header: header,
      content_for_layout: content,
      content_for_app_embeds: (await Promise.all(embeds.map((block) => renderBlock(block, scope, options.cart)))).join("\n"),
      sections,
    }, { globals: globals(options.cart) });
  }

  /** Sections as Shopify's Section Rendering API returns them: each wrapped in its `shopify-section-{id}` element. */
  async function renderSections(ids: string[], cart: AjaxCart & Record<string, unknown>): Promise<Record<string, string>> {
    const known = ["cart-icon-bubble", "cart-drawer", "main-cart"];
    const sections: Record<string, string> = {};
    for (const id of ids.filter((candidate) => known.includes(candidate))) {
      sections[id] = `<div id="shopify-section-${id}" class="shopify-section">${await liquid.renderFile(id, {}, { globals: globals(cart) })}</div>`;
    }
    return sections;
  }

  return { renderPage, renderSections, productDrop: (product: CatalogProduct) => productDrop(product, data) };
}
