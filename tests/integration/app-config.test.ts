// shopify.app.toml is what `shopify app deploy` registers: it must match the routes and scopes the code has.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_SCOPES } from "../../app/env.server";

const toml = readFileSync("shopify.app.toml", "utf8");
const lines = toml.split("\n").map((line) => line.trim());

const subscriptions = lines.flatMap((line, index) => {
  if (line !== "[[webhooks.subscriptions]]") return [];
  const handledBy = /^# Handled by: \/(.+)$/.exec(lines[index - 1] ?? "")?.[1];
  const body = lines.slice(index + 1, index + 4).join("\n");
  return [{ handledBy, topics: /topics = \[(.*)\]/.exec(body)?.[1], uri: /uri = "(.*)"/.exec(body)?.[1] }];
});

describe("shopify.app.toml", () => {
  it("says which route handles each webhook subscription, and that route exists at the subscribed path", () => {
    expect(subscriptions.length).toBeGreaterThan(0);
    for (const subscription of subscriptions) {
      expect(subscription.handledBy, JSON.stringify(subscription)).toBeDefined();
      expect(existsSync(subscription.handledBy ?? ""), subscription.handledBy).toBe(true);
      const routePath = `/${(subscription.handledBy ?? "").replace(/^app\/routes\//, "").replace(/\.tsx?$/, "").replace(/\./g, "/")}`;
      expect(subscription.uri).toBe(routePath);
    }
  });

  it("subscribes every webhook route, including the three mandatory compliance topics", () => {
    const routes = readdirSync("app/routes").filter((file) => file.startsWith("webhooks."));
    expect(subscriptions.map((s) => s.handledBy).sort()).toEqual(routes.map((file) => `app/routes/${file}`).sort());
    expect(toml).toMatch(/compliance_topics = \["customers\/data_request"\]/);
    expect(toml).toMatch(/compliance_topics = \["customers\/redact"\]/);
    expect(toml).toMatch(/compliance_topics = \["shop\/redact"\]/);
  });

  it("asks for the scopes the demo shop grants, and declares the app proxy", () => {
    expect(/^scopes = "(.*)"$/m.exec(toml)?.[1]).toBe(DEMO_SCOPES);
    expect(toml).toMatch(/\[app_proxy\][\s\S]*subpath = "pairwise"/);
  });
});
