import { readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cartDeliveryOptionsDiscountsGenerateRun } from "../extensions/pairwise-discount/src/cart_delivery_options_discounts_generate_run";
import { cartLinesDiscountsGenerateRun } from "../extensions/pairwise-discount/src/cart_lines_discounts_generate_run";
import { compileFunctionConfig } from "../app/domain/engine/function-config";
import { offersFileSchema } from "../app/domain/engine/offer-schema";
import { runOffersCommand } from "./offers";

const EXAMPLES = ["--offers", "docs/examples/offers.json", "--cart", "docs/examples/cart.json", "--catalog", "docs/examples/catalog.json"];

describe("npm run offers", () => {
  it("simulate prints the Function's result for the documented example, plus nudges and suggestions", () => {
    const { output, exitCode } = runOffersCommand(["simulate", ...EXAMPLES]);
    expect(exitCode).toBe(0);
    const result = JSON.parse(output);
    expect(result.subtotalBeforeMinor).toBe(16770);
    // Bundle 15 % of 47.90 = 7.19; coffee 15 % of 62.85 = 9.43; then 5 % of the rest (151.08) = 7.55.
    expect(result.subtotalAfterMinor).toBe(16770 - 719 - 943 - 755);
    expect(result.nudges.map((nudge: { offerId: string }) => nudge.offerId)).toEqual(["skillet-gift"]);
    expect(result.suggestions.map((s: { productId: string }) => s.productId)).toEqual(["gid://shopify/Product/7000000100"]);
    expect(result.trace.filter((t: { applied: boolean }) => t.applied).map((t: { offerId: string }) => t.offerId)).toEqual([
      "coffee-volume",
      "pour-over-kit",
      "spend-more",
    ]);

    // What simulate prints is what the Function itself returns for that input.
    const offersFile = offersFileSchema.parse(JSON.parse(readFileSync("docs/examples/offers.json", "utf8")));
    const compiled = compileFunctionConfig(offersFile.offers, offersFile.shopCurrency);
    if (!compiled.ok) throw new Error(compiled.message);
    const cartInput = JSON.parse(readFileSync("docs/examples/cart.json", "utf8"));
    const input = { ...cartInput, discount: { ...cartInput.discount, metafield: { jsonValue: JSON.parse(compiled.value) } } };
    expect(result["cart.lines.discounts.generate.run"]).toEqual(cartLinesDiscountsGenerateRun(input));
    expect(result["cart.delivery-options.discounts.generate.run"]).toEqual(cartDeliveryOptionsDiscountsGenerateRun(input));
  });

  it("names each bad entry of an offers file and exits with an error", () => {
    const path = join(tmpdir(), "bad-offers.json");
    writeFileSync(path, JSON.stringify({ version: 1, shopCurrency: "USD", offers: [{ id: "x", title: "X", status: "live", priority: 0, combinesWith: { product: true, order: true, shipping: true }, kind: "mix_match", pool: {}, quantity: 0, reward: { type: "percentage", basisPoints: 20000 }, maxApplications: 1 }] }));
    const { output, exitCode } = runOffersCommand(["validate", "--offers", path]);
    expect(exitCode).toBe(1);
    expect(output).toContain("offers.0.status: Invalid option");
    expect(output).toContain("offers.0.pool: must name at least one product, variant, collection, tag, vendor or product type");
    expect(output).toContain("offers.0.quantity: Too small");
    expect(output).toContain("offers.0.reward.basisPoints: Too big");
  });

  it("explains unreadable files and wrong usage", () => {
    expect(runOffersCommand(["simulate", "--offers", "docs/examples/offers.json"])).toEqual({ output: "--cart FILE is required", exitCode: 1 });
    expect(runOffersCommand(["simulate", "--offers", "README.md", "--cart", "docs/examples/cart.json"]).output).toMatch(/^README\.md: not valid JSON/);
    expect(runOffersCommand(["frobnicate"]).exitCode).toBe(1);
  });

  it("docs/offers.schema.json is the schema the code validates with", () => {
    expect(JSON.parse(readFileSync("docs/offers.schema.json", "utf8"))).toEqual(JSON.parse(runOffersCommand(["schema"]).output));
  });
});
