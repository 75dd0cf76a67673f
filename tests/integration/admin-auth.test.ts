// Who gets into the admin: the demo shop only in demo mode on loopback; everyone else through Shopify's embedded auth.
import { RequestType, setUpValidRequest, setUpValidSession } from "@shopify/shopify-api/test-helpers";
import { afterEach, describe, expect, it, vi } from "vitest";

async function loadRequireAdmin(env: Record<string, string>) {
  Object.assign(process.env, env);
  vi.resetModules();
  return (await import("../../app/services/admin-context.server")).requireAdmin;
}

async function rejection(promise: Promise<unknown>): Promise<Response> {
  try {
    await promise;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
  throw new Error("expected the request to be refused");
}

const embeddedEnv = { PAIRWISE_DEMO: "false", HOST: "0.0.0.0" };

afterEach(() => {
  Object.assign(process.env, embeddedEnv);
  vi.resetModules();
});

describe("admin sign-in", () => {
  it("signs a loopback request in as the demo shop in demo mode, outside Shopify", async () => {
    const requireAdmin = await loadRequireAdmin({ PAIRWISE_DEMO: "true", HOST: "127.0.0.1" });
    const admin = await requireAdmin(new Request("http://localhost:3000/app"));
    expect(admin).toMatchObject({ shop: "pairwise-demo.myshopify.com", embedded: false });
  });

  it("refuses demo sign-in for a request addressed to another host name", async () => {
    const requireAdmin = await loadRequireAdmin({ PAIRWISE_DEMO: "true", HOST: "127.0.0.1" });
    expect((await rejection(requireAdmin(new Request("http://rebound.example.com:3000/app")))).status).toBe(403);
  });

  it("refuses demo sign-in when the server listens beyond loopback", async () => {
    const requireAdmin = await loadRequireAdmin({ PAIRWISE_DEMO: "true", HOST: "0.0.0.0" });
    expect((await rejection(requireAdmin(new Request("http://localhost:3000/app")))).status).toBe(403);
  });

  it("outside demo mode, a request without a Shopify session token is not let in", async () => {
    const requireAdmin = await loadRequireAdmin(embeddedEnv);
    const response = await rejection(requireAdmin(new Request("https://pairwise.test/app")));
    expect(response.status).toBe(302);
    expect(response.headers.get("Location")).toContain("/auth/login");
  });

  it("outside demo mode, a valid session token for an installed shop yields that shop and the Shopify adapter", async () => {
    const requireAdmin = await loadRequireAdmin(embeddedEnv);
    const { sessionStorage } = await import("../../app/shopify.server");
    const shop = "installed.myshopify.com";
    await sessionStorage.storeSession(
      setUpValidSession({ shop, expires: undefined, scope: process.env.SCOPES ?? "" }),
    );
    const request = await setUpValidRequest(
      {
        type: RequestType.Admin,
        store: "installed",
        apiKey: process.env.SHOPIFY_API_KEY ?? "",
        apiSecretKey: process.env.SHOPIFY_API_SECRET ?? "",
      },
      new Request("https://pairwise.test/app"),
    );
    const admin = await requireAdmin(request);
    expect(admin).toMatchObject({ shop, embedded: true });
    expect(admin.shopData.shop).toBe(shop);
  });
});
