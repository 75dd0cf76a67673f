// The extension's configuration agrees with itself and with the app: translations, API version, backend URL.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import english from "../locales/en.default.json";
import french from "../locales/fr.json";
import { APP_URL } from "./shared";

type Messages = { [key: string]: string | Messages };
const flatten = (messages: Messages, prefix = ""): [string, string][] =>
  Object.entries(messages).flatMap(([key, value]) => (typeof value === "string" ? [[prefix + key, value] as [string, string]] : flatten(value, `${prefix}${key}.`)));
const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe("the checkout extension's configuration", () => {
  it("has every message in French, with the same placeholders", () => {
    const en = new Map(flatten(english));
    const fr = new Map(flatten(french));
    expect([...fr.keys()].sort()).toEqual([...en.keys()].sort());
    for (const [key, text] of en) expect(placeholders(fr.get(key) ?? ""), key).toEqual(placeholders(text));
  });

  it("targets the API version of the @shopify/ui-extensions it is built with", () => {
    const toml = readFileSync("extensions/pairwise-checkout/shopify.extension.toml", "utf8");
    const { version } = JSON.parse(readFileSync("node_modules/@shopify/ui-extensions/package.json", "utf8")) as { version: string };
    const [year, month] = version.split(".");
    expect(/^api_version = "(.+)"$/m.exec(toml)?.[1]).toBe(`${year}-${month?.padStart(2, "0")}`);
  });

  it("calls the app at shopify.app.toml's application_url", () => {
    const appToml = readFileSync("shopify.app.toml", "utf8");
    expect(/^application_url = "(.+)"$/m.exec(appToml)?.[1]).toBe(APP_URL);
  });
});
