import type { CartLine, Condition, EngineCart, Selector } from "./types";

export function lineMatches(line: CartLine, selector: Selector): boolean {
  return (
    (selector.variantIds?.includes(line.variantId) ?? false) ||
    (selector.productIds?.includes(line.productId) ?? false) ||
    (selector.collectionIds?.some((id) => line.collectionIds?.includes(id)) ?? false) ||
    (selector.productTags?.some((tag) => line.productTags?.includes(tag)) ?? false) ||
    (line.vendor !== undefined && (selector.vendors?.includes(line.vendor) ?? false)) ||
    (line.productType !== undefined && (selector.productTypes?.includes(line.productType) ?? false))
  );
}

/** What conditions are judged against; amounts already in the cart's currency. */
export type ConditionFacts = {
  cart: EngineCart;
  subtotalMinor: number;
  itemCount: number;
  today: string;
  toCartMinor: (shopMinor: number) => number;
};

/** Day of week (0 = Sunday) of a YYYY-MM-DD date, without any time zone involved. */
export function dayOfWeek(date: string): number {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1)).getUTCDay();
}

export function withinDates(today: string, startsOn?: string, endsOn?: string): boolean {
  // ISO dates compare correctly as strings.
  return (startsOn === undefined || today >= startsOn) && (endsOn === undefined || today <= endsOn);
}

/** Why the condition fails, or null when it holds. */
export function failedCondition(condition: Condition, facts: ConditionFacts): string | null {
  if ("all" in condition) {
    for (const part of condition.all) {
      const failure = failedCondition(part, facts);
      if (failure) return failure;
    }
    return null;
  }
  if ("any" in condition) {
    if (condition.any.length === 0) return null;
    const failures: string[] = [];
    for (const part of condition.any) {
      const failure = failedCondition(part, facts);
      if (!failure) return null;
      failures.push(failure);
    }
    return `none of: ${failures.join("; ")}`;
  }
  if ("not" in condition) {
    return failedCondition(condition.not, facts) === null ? "an excluded condition holds" : null;
  }
  if ("cartHas" in condition) {
    const quantity = facts.cart.lines.reduce(
      (sum, line) => sum + (lineMatches(line, condition.cartHas.selector) ? line.quantity : 0),
      0,
    );
    return quantity >= condition.cartHas.minQuantity
      ? null
      : `the cart has ${quantity} of the required items, needs ${condition.cartHas.minQuantity}`;
  }
  if ("subtotal" in condition) {
    const { minMinor, maxMinor } = condition.subtotal;
    if (minMinor !== undefined && facts.subtotalMinor < facts.toCartMinor(minMinor)) return "the subtotal is below the minimum";
    if (maxMinor !== undefined && facts.subtotalMinor > facts.toCartMinor(maxMinor)) return "the subtotal is above the maximum";
    return null;
  }
  if ("itemCount" in condition) {
    const { min, max } = condition.itemCount;
    if (min !== undefined && facts.itemCount < min) return `the cart has ${facts.itemCount} items, needs at least ${min}`;
    if (max !== undefined && facts.itemCount > max) return `the cart has ${facts.itemCount} items, allows at most ${max}`;
    return null;
  }
  if ("customer" in condition) {
    const customer = facts.cart.customer;
    const orders = customer.orderCount ?? 0;
    const holds = {
      logged_in: customer.loggedIn,
      guest: !customer.loggedIn,
      first_order: customer.loggedIn && orders === 0,
      returning: customer.loggedIn && orders > 0,
    }[condition.customer];
    return holds ? null : `the customer is not ${condition.customer.replace("_", " ")}`;
  }
  if ("customerTag" in condition) {
    return facts.cart.customer.tags?.includes(condition.customerTag) ? null : `the customer is not tagged ${condition.customerTag}`;
  }
  if ("country" in condition) {
    return facts.cart.countryCode && condition.country.includes(facts.cart.countryCode) ? null : "the buyer's country is not included";
  }
  if ("market" in condition) {
    return facts.cart.marketHandle && condition.market.includes(facts.cart.marketHandle) ? null : "the buyer's market is not included";
  }
  if ("currency" in condition) {
    return condition.currency.includes(facts.cart.currency) ? null : `the cart currency ${facts.cart.currency} is not included`;
  }
  const { startsOn, endsOn, daysOfWeek } = condition.schedule;
  if (!withinDates(facts.today, startsOn, endsOn)) return "outside the scheduled dates";
  if (daysOfWeek && !daysOfWeek.includes(dayOfWeek(facts.today))) return "not on a scheduled day of the week";
  return null;
}
