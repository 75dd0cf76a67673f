// The discount Function as Shopify runs it: its input queries and outputs checked against Shopify's schema, its
// behaviour on bad configuration, and the bundled code run inside QuickJS.
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { buildSchema, coerceInputValue, parse, validate, type GraphQLInputType } from "graphql";
import { beforeAll, describe, expect, it } from "vitest";
import { compileFunctionConfig } from "../../../app/domain/engine/function-config";
import { evaluateFunctionInput } from "../../../app/domain/engine/function-io";
import { offersFileSchema } from "../../../app/domain/engine/offer-schema";
import { cartAndContextArbitrary, offersArbitrary } from "../../../app/domain/engine/test-arbitraries";
import { functionInputFor } from "../../../app/domain/engine/test-builders";
import { bundleFunction, type FunctionBundle } from "../../../scripts/function-bundle";
import { runInQuickJs } from "../../../scripts/quickjs-function";
import { cartDeliveryOptionsDiscountsGenerateRun } from "./cart_delivery_options_discounts_generate_run";
import { cartLinesDiscountsGenerateRun } from "./cart_lines_discounts_generate_run";

const EXTENSION = "extensions/pairwise-discount";
const schema = buildSchema(readFileSync(`${EXTENSION}/schema.graphql`, "utf8"));
const queries = {
  lines: readFileSync(`${EXTENSION}/src/cart_lines_discounts_generate_run.graphql`, "utf8"),
  delivery: readFileSync(`${EXTENSION}/src/cart_delivery_options_discounts_generate_run.graphql`, "utf8"),
};

/** Checks an output against the target's result type, as Shopify would; returns the problems. */
function schemaProblems(output: unknown, typeName: string): string[] {
  const problems: string[] = [];
  coerceInputValue(output, schema.getType(typeName) as GraphQLInputType, (path, _value, error) => {
    problems.push(`${path.join(".")}: ${error.message}`);
  });
  return problems;
}

const exampleOffers = offersFileSchema.parse(JSON.parse(readFileSync("docs/examples/offers.json", "utf8")));
const exampleConfig = (() => {
  const compiled = compileFunctionConfig(exampleOffers.offers, exampleOffers.shopCurrency);
  if (!compiled.ok) throw new Error(compiled.message);
  return JSON.parse(compiled.value) as unknown;
})();
const exampleInput = { ...JSON.parse(readFileSync("docs/examples/cart.json", "utf8")), discount: { discountClasses: ["PRODUCT", "ORDER", "SHIPPING"], metafield: { jsonValue: exampleConfig } } };

describe("discount Function", () => {
  it("has input queries that are valid against the Discount Function API schema and within Shopify's size limit", () => {
    for (const query of Object.values(queries)) {
      expect(validate(schema, parse(query)).map((error) => error.message)).toEqual([]);
      expect(Buffer.byteLength(query.replace(/\s+/g, " "))).toBeLessThan(3000);
    }
  });

  it("gives the example cart the discounts the engine computed, in outputs the schema accepts", () => {
    const lines = cartLinesDiscountsGenerateRun(exampleInput);
    const delivery = cartDeliveryOptionsDiscountsGenerateRun(exampleInput);
    expect(schemaProblems(lines, "CartLinesDiscountsGenerateRunResult")).toEqual([]);
    expect(schemaProblems(delivery, "CartDeliveryOptionsDiscountsGenerateRunResult")).toEqual([]);
    const engine = evaluateFunctionInput(exampleInput)?.result;
    const productAmounts = lines.operations.flatMap((operation) =>
      "productDiscountsAdd" in operation ? operation.productDiscountsAdd.candidates.map((c) => c.value.fixedAmount.amount) : [],
    );
    expect(productAmounts).toEqual(engine?.lineDiscounts.map((d) => (d.amountMinor / 100).toFixed(2)));
    expect(delivery.operations).toHaveLength(1);
  });

  it("emits only the discount classes the discount was created with", () => {
    const productOnly = { ...exampleInput, discount: { ...exampleInput.discount, discountClasses: ["PRODUCT"] } };
    const operations = cartLinesDiscountsGenerateRun(productOnly).operations;
    expect(operations.map((operation) => Object.keys(operation)[0])).toEqual(["productDiscountsAdd"]);
    expect(cartDeliveryOptionsDiscountsGenerateRun(productOnly).operations).toEqual([]);
  });

  it("grants nothing, and never throws, on missing or broken configuration", () => {
    fc.assert(
      fc.property(fc.oneof(fc.constant(null), fc.jsonValue()), (jsonValue) => {
        const input = { ...exampleInput, discount: { ...exampleInput.discount, metafield: jsonValue === null ? null : { jsonValue } } };
        expect(cartLinesDiscountsGenerateRun(input)).toEqual({ operations: [] });
        expect(cartDeliveryOptionsDiscountsGenerateRun(input)).toEqual({ operations: [] });
      }),
    );
  });

  it("produces schema-valid output for any cart and offers", () => {
    fc.assert(
      fc.property(cartAndContextArbitrary, offersArbitrary, ({ cart, context }, offers) => {
        const compiled = compileFunctionConfig(offers, context.shopCurrency);
        if (!compiled.ok) return;
        const input = functionInputFor(cart, context, JSON.parse(compiled.value));
        expect(schemaProblems(cartLinesDiscountsGenerateRun(input), "CartLinesDiscountsGenerateRunResult")).toEqual([]);
        expect(schemaProblems(cartDeliveryOptionsDiscountsGenerateRun(input), "CartDeliveryOptionsDiscountsGenerateRunResult")).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  describe("bundled, in QuickJS", () => {
    let lines: FunctionBundle;
    let delivery: FunctionBundle;
    beforeAll(async () => {
      lines = await bundleFunction("cart.lines.discounts.generate.run");
      delivery = await bundleFunction("cart.delivery-options.discounts.generate.run");
    });

    it("stays under the 64 KB bundle target", () => {
      expect(lines.bytes).toBeLessThan(64 * 1024);
      expect(delivery.bytes).toBeLessThan(64 * 1024);
    });

    it("returns exactly what the Function returns in Node, for the example and for generated carts", async () => {
      expect((await runInQuickJs(lines.code, exampleInput)).output).toEqual(cartLinesDiscountsGenerateRun(exampleInput));
      expect((await runInQuickJs(delivery.code, exampleInput)).output).toEqual(cartDeliveryOptionsDiscountsGenerateRun(exampleInput));
      const samples = fc.sample(fc.tuple(cartAndContextArbitrary, offersArbitrary), { numRuns: 25, seed: 42 });
      for (const [{ cart, context }, offers] of samples) {
        const compiled = compileFunctionConfig(offers, context.shopCurrency);
        if (!compiled.ok) continue;
        const input = functionInputFor(cart, context, JSON.parse(compiled.value));
        expect((await runInQuickJs(lines.code, input)).output).toEqual(JSON.parse(JSON.stringify(cartLinesDiscountsGenerateRun(input))));
      }
    });

    it("grants nothing on broken configuration instead of failing", async () => {
      const broken = { ...exampleInput, discount: { ...exampleInput.discount, metafield: { jsonValue: { v: 1, c: "USD", o: [{ k: "nonsense" }] } } } };
      expect((await runInQuickJs(lines.code, broken)).output).toEqual({ operations: [] });
    });
  });
});
