import { describe, expect, it } from "vitest";
import { EnvError, isLoopbackHost, parseDatabaseUrl, parseEnv } from "./env.server";

const shopifyVars = {
  SHOPIFY_API_KEY: "key",
  SHOPIFY_API_SECRET: "secret",
  SHOPIFY_APP_URL: "https://pairwise.example.com",
  SCOPES: "read_products, read_orders",
};

function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    parseEnv(source);
  } catch (error) {
    if (error instanceof EnvError) return error.problems;
    throw error;
  }
  return [];
}

describe("environment", () => {
  it("names every missing Shopify variable at once when not in demo mode", () => {
    const problems = problemsOf({});
    expect(problems.map((problem) => problem.split(" ")[0])).toEqual([
      "SHOPIFY_API_KEY",
      "SHOPIFY_API_SECRET",
      "SHOPIFY_APP_URL",
      "SCOPES",
    ]);
    expect(() => parseEnv({})).toThrow(/SHOPIFY_API_KEY is missing/);
  });

  it("names a malformed variable", () => {
    expect(problemsOf({ ...shopifyVars, PORT: "eighty" })[0]).toMatch(/^PORT:/);
    expect(problemsOf({ ...shopifyVars, SHOPIFY_APP_URL: "pairwise.example.com" })[0]).toMatch(/^SHOPIFY_APP_URL:/);
    expect(problemsOf({ ...shopifyVars, DATABASE_URL: "mysql://db/pairwise" })[0]).toMatch(/^DATABASE_URL: must be a postgresql/);
    expect(problemsOf({ ...shopifyVars, PAIRWISE_DEMO: "yes" })[0]).toMatch(/^PAIRWISE_DEMO:/);
  });

  it("requires an explicit database in production", () => {
    expect(problemsOf({ ...shopifyVars, NODE_ENV: "production" })).toEqual([
      "DATABASE_URL is missing (the production PostgreSQL URL)",
    ]);
    const env = parseEnv({ ...shopifyVars, NODE_ENV: "production", DATABASE_URL: "postgresql://db/pairwise" });
    expect(env).toMatchObject({ databaseUrl: "postgresql://db/pairwise", host: "0.0.0.0" });
    expect(env.shopify.scopes).toEqual(["read_products", "read_orders"]);
  });

  it("runs the demo with no configuration, on loopback and the embedded database", () => {
    const env = parseEnv({ PAIRWISE_DEMO: "true" });
    expect(env).toMatchObject({ demoMode: true, host: "127.0.0.1", port: 3000, databaseUrl: "pglite:.data/demo" });
    expect(parseDatabaseUrl({})).toBe("pglite:.data/dev");
    expect(() => parseDatabaseUrl({ DATABASE_URL: "sqlite:x" })).toThrow(EnvError);
  });

  it("recognises loopback hosts only", () => {
    expect(["127.0.0.1", "127.8.0.1", "localhost", "::1", "[::1]"].every(isLoopbackHost)).toBe(true);
    expect(["0.0.0.0", "192.168.1.2", "localhost.evil.com", "shop.example.com"].some(isLoopbackHost)).toBe(false);
  });
});
