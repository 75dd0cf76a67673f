/** An orders/create payload as Shopify sends it (REST JSON), with sensible defaults. */
export function shopifyOrderPayload(id: number, overrides: Record<string, unknown> = {}) {
  return {
    id,
    name: `#${1000 + id}`,
    currency: "USD",
    presentment_currency: "USD",
    created_at: "2026-11-20T10:00:00Z",
    updated_at: "2026-11-20T10:00:00Z",
    processed_at: "2026-11-20T10:00:00Z",
    cancelled_at: null,
    test: false,
    customer: { id: 191167, email: "ada@example.com" },
    subtotal_price: "52.40",
    total_discounts: "5.24",
    line_items: [
      { id: id * 10 + 1, product_id: 1, variant_id: 11, quantity: 1, price: "34.95", total_discount: "3.50", properties: [{ name: "_pairwise_offer", value: "kit" }] },
      { id: id * 10 + 2, product_id: 2, variant_id: 21, quantity: 1, price: "22.69", total_discount: "1.74", properties: [] },
    ],
    refunds: [],
    ...overrides,
  };
}
