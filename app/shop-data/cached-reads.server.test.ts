import { describe, expect, it } from "vitest";
import { withCachedReads } from "./cached-reads.server";
import type { CatalogProduct, ShopDataPort, ShopInfo } from "./port";

const product = (n: number) => ({ id: `gid://shopify/Product/${n}`, title: `P${n}` }) as CatalogProduct;

function countingPort(shop: string) {
  const calls = { shopInfo: 0, products: [] as string[][], metafields: 0 };
  const port = {
    shop,
    async getShopInfo() {
      calls.shopInfo += 1;
      return { shop, currencyCode: "USD" } as ShopInfo;
    },
    async getProducts(ids: string[]) {
      calls.products.push(ids);
      return ids.filter((id) => !id.endsWith("/404")).map((id) => product(Number(id.split("/").at(-1))));
    },
    async getAppMetafield() {
      calls.metafields += 1;
      return null;
    },
  } as unknown as ShopDataPort;
  return { port, calls };
}

describe("storefront reads from memory", () => {
  it("asks the shop again only for what it has not seen within the time to live", async () => {
    let clock = 0;
    const { port, calls } = countingPort("cached-a.myshopify.com");
    const read = () => withCachedReads(port, 60_000, () => clock);
    const P = (n: number) => `gid://shopify/Product/${n}`;
    expect((await read().getProducts([P(1), P(2)])).map((p) => p.title)).toEqual(["P1", "P2"]);
    expect((await read().getProducts([P(2), P(3), P(404)])).map((p) => p.title)).toEqual(["P2", "P3"]);
    // The missing product is remembered as missing.
    expect((await read().getProducts([P(404), P(1)])).map((p) => p.title)).toEqual(["P1"]);
    await read().getShopInfo();
    await read().getShopInfo();
    expect(calls.products).toEqual([[P(1), P(2)], [P(3), P(404)]]);
    expect(calls.shopInfo).toBe(1);

    clock = 60_000;
    await read().getProducts([P(1)]);
    await read().getShopInfo();
    expect(calls.products.at(-1)).toEqual([P(1)]);
    expect(calls.shopInfo).toBe(2);
  });

  it("keeps shops apart and passes everything else through", async () => {
    const a = countingPort("cached-b.myshopify.com");
    const b = countingPort("cached-c.myshopify.com");
    await withCachedReads(a.port).getShopInfo();
    await withCachedReads(b.port).getShopInfo();
    expect([a.calls.shopInfo, b.calls.shopInfo]).toEqual([1, 1]);
    const cached = withCachedReads(a.port);
    expect(cached.shop).toBe("cached-b.myshopify.com");
    await cached.getAppMetafield("x");
    await cached.getAppMetafield("x");
    expect(a.calls.metafields).toBe(2);
  });
});
