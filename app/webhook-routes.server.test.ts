import type { AddressInfo } from "node:net";
import type { ActionFunction } from "@remix-run/node";
import express from "express";
import { afterEach, describe, expect, it, vi } from "vitest";
import { MAX_WEBHOOK_BYTES, webhookHandler, webhookRoutes } from "./webhook-routes.server";

const action: ActionFunction = async () => new Response(null, { status: 200 });

describe("webhookRoutes", () => {
  it("takes the static routes under /webhooks/ that only have an action, by their full path", () => {
    const routes = {
      root: { id: "root", path: "", module: { default: () => null } },
      "routes/webhooks.orders.create": { id: "routes/webhooks.orders.create", parentId: "root", path: "webhooks/orders/create", module: { action } },
      "routes/webhooks.$topic": { id: "routes/webhooks.$topic", parentId: "root", path: "webhooks/:topic", module: { action } },
      "routes/webhooks.page": { id: "routes/webhooks.page", parentId: "root", path: "webhooks/page", module: { action, default: () => null } },
      "routes/webhooks.data": { id: "routes/webhooks.data", parentId: "root", path: "webhooks/data", module: { action, loader: async () => null } },
      "routes/app.offers.export": { id: "routes/app.offers.export", parentId: "root", path: "app/offers/export", module: { action } },
    };
    expect([...webhookRoutes({ routes }).keys()]).toEqual(["/webhooks/orders/create"]);
  });
});

describe("webhookHandler", () => {
  let server: import("node:http").Server | undefined;
  afterEach(() => server?.close());

  async function serve(routeAction: ActionFunction): Promise<string> {
    const app = express();
    app.post("/webhooks/orders/create", webhookHandler(routeAction));
    server = app.listen(0, "127.0.0.1");
    await new Promise((resolve) => server?.once("listening", resolve));
    return `http://127.0.0.1:${(server?.address() as AddressInfo).port}/webhooks/orders/create`;
  }

  it("gives the action the request as sent (method, URL, headers, body) and sends its Response back", async () => {
    const seen: { method: string; path: string; topic: string | null; body: string }[] = [];
    const url = await serve(async ({ request }) => {
      seen.push({ method: request.method, path: new URL(request.url).pathname, topic: request.headers.get("x-shopify-topic"), body: await request.text() });
      return new Response("stored", { status: 201, headers: { "X-Pairwise": "yes" } });
    });
    const response = await fetch(url, { method: "POST", body: '{"id":1}', headers: { "X-Shopify-Topic": "orders/create" } });
    expect([response.status, response.headers.get("x-pairwise"), await response.text()]).toEqual([201, "yes", "stored"]);
    expect(seen).toEqual([{ method: "POST", path: "/webhooks/orders/create", topic: "orders/create", body: '{"id":1}' }]);
  });

  it("answers a thrown Response as Remix does, and any other error with a logged 500", async () => {
    const url = await serve(async ({ request }) => {
      if ((await request.text()) === "forged") throw new Response(undefined, { status: 401 });
      throw new Error("database down");
    });
    const logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
    expect((await fetch(url, { method: "POST", body: "forged" })).status).toBe(401);
    const failed = await fetch(url, { method: "POST", body: "{}" });
    expect([failed.status, await failed.text()]).toEqual([500, "Unexpected Server Error"]);
    expect(logged).toHaveBeenCalledWith(new Error("database down"));
    logged.mockRestore();
  });

  it("refuses a body larger than any webhook, without calling the action", async () => {
    const called = vi.fn(action);
    const url = await serve(called);
    const response = await fetch(url, { method: "POST", body: "x".repeat(MAX_WEBHOOK_BYTES + 1) }).catch(() => null);
    // The server answers 413 and drops the connection; the client sees the 413 or a reset, never a 200.
    expect(response === null || response.status === 413).toBe(true);
    expect(called).not.toHaveBeenCalled();
  });
});
