import {
  deliveryOperations,
  evaluateFunctionInput,
  type DeliveryResult,
  type FunctionInput,
} from "../../../app/domain/engine/function-io";
import type { CartDeliveryOptionsDiscountsGenerateRunResult, DeliveryOptionsInputQuery } from "../generated/api";

// Compile-time guarantees: the input query provides what the engine reads, and the output is what Shopify accepts.
type Holds<Condition extends true> = Condition;
type InputQueryFitsEngine = Holds<DeliveryOptionsInputQuery extends FunctionInput ? true : false>;
type OutputFitsShopify = Holds<DeliveryResult extends CartDeliveryOptionsDiscountsGenerateRunResult ? true : false>;

/** Shipping discounts: free shipping where an offer grants it, on every delivery group. */
export function cartDeliveryOptionsDiscountsGenerateRun(input: FunctionInput): DeliveryResult {
  return deliveryOperations(evaluateFunctionInput(input), input.discount.discountClasses);
}
