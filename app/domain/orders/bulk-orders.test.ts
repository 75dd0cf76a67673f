import { describe, expect, it } from "vitest";
import { assembleBulkOrders, BulkFormatError, type AssembledOrder } from "./bulk-orders";

const money = (amount: string) => ({ shopMoney: { amount } });
const order = (n: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: `gid://shopify/Order/${n}`, name: `#${n}`, createdAt: "2026-10-01T10:00:00Z", updatedAt: "2026-10-02T10:00:00Z", processedAt: "2026-10-01T09:59:00Z",
    cancelledAt: null, test: false, currencyCode: "JPY", presentmentCurrencyCode: "USD", customer: { id: "gid://shopify/Customer/9" },
    subtotalPriceSet: money("4500.0"), totalDiscountsSet: money("450.0"), refunds: [], ...extra,
  });
const line = (n: number, parent: number, extra: Record<string, unknown> = {}) =>
  JSON.stringify({
    id: `gid://shopify/LineItem/${n}`, quantity: 2, product: { id: "gid://shopify/Product/1" }, variant: null,
    originalUnitPriceSet: money("2250"), discountAllocations: [{ allocatedAmountSet: money("300") }, { allocatedAmountSet: money("150") }],
    customAttributes: [{ key: "_pairwise_offer", value: "kit" }, { key: "gift_note", value: null }], __parentId: `gid://shopify/Order/${parent}`, ...extra,
  });

async function* linesOf(lines: string[]) {
  for (const text of lines) yield text;
}

async function assemble(lines: string[], skip = 0): Promise<AssembledOrder[]> {
  const result: AssembledOrder[] = [];
  for await (const assembled of assembleBulkOrders(linesOf(lines), skip)) result.push(assembled);
  return result;
}

describe("assembleBulkOrders", () => {
  const file = [order(1, { refunds: [{ id: "gid://shopify/Refund/4" }] }), line(11, 1), line(12, 1), order(2), order(3, { customer: null }), line(31, 3)];

  it("yields each order with its line items once complete, in minor units, with the checkpoint after it", async () => {
    const orders = await assemble(file);
    expect(orders.map((o) => [o.order.orderId, o.order.lines.length, o.linesAfter])).toEqual([
      ["gid://shopify/Order/1", 2, 3],
      ["gid://shopify/Order/2", 0, 4],
      ["gid://shopify/Order/3", 1, 6],
    ]);
    expect(orders[0]?.order).toMatchObject({
      currencyCode: "JPY", presentmentCurrency: "USD", subtotalMinor: 4500, totalDiscountMinor: 450, refundIds: ["gid://shopify/Refund/4"],
      processedAt: new Date("2026-10-01T09:59:00Z"), customerId: "gid://shopify/Customer/9",
    });
    expect(orders[0]?.order.lines[0]).toEqual({
      lineId: "gid://shopify/LineItem/11", productId: "gid://shopify/Product/1", variantId: null, quantity: 2, unitPriceMinor: 2250, discountMinor: 450,
      properties: { _pairwise_offer: "kit", gift_note: "" },
    });
    expect(orders[2]?.order.customerId).toBeNull();
  });

  it("resumes after a checkpoint without repeating or losing an order", async () => {
    const all = await assemble(file);
    for (const checkpoint of all.map((o) => o.linesAfter)) {
      const resumed = await assemble(file, checkpoint);
      expect(resumed.map((o) => o.order.orderId)).toEqual(all.filter((o) => o.linesAfter > checkpoint).map((o) => o.order.orderId));
    }
  });

  it("stops with the line number on anything malformed, rather than import a partial order", async () => {
    await expect(assemble([order(1), "{not json"])).rejects.toThrow(new BulkFormatError("Line 2 of the export is not JSON"));
    await expect(assemble([order(1), line(11, 1, { quantity: "two" })])).rejects.toThrow(/Line 2 of the export is not a line item/);
    await expect(assemble([order(1), line(21, 2)])).rejects.toThrow("Line 2: a line item of gid://shopify/Order/2 outside its order");
    await expect(assemble([JSON.stringify({ id: "gid://shopify/Customer/1" })])).rejects.toThrow(/Line 1 of the export is not an order/);
  });
});
