import {
  cartLinesOperations,
  evaluateFunctionInput,
  type CartLinesResult,
  type FunctionInput,
} from "../../../app/domain/engine/function-io";
import type { CartLinesDiscountsGenerateRunResult, CartLinesInputQuery } from "../generated/api";

// Compile-time guarantees: the input query provides what the engine reads, and the output is what Shopify accepts.
type Holds<Condition extends true> = Condition;
type InputQueryFitsEngine = Holds<CartLinesInputQuery extends FunctionInput ? true : false>;
type OutputFitsShopify = Holds<CartLinesResult extends CartLinesDiscountsGenerateRunResult ? true : false>;

/** Product and order discounts: exactly what the engine computes for this cart, or none when unsure. */
export function cartLinesDiscountsGenerateRun(input: FunctionInput): CartLinesResult {
  return cartLinesOperations(evaluateFunctionInput(input), input.discount.discountClasses);
}
