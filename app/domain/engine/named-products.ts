import type { EngineOffer } from "./types";

/** The products an offer names by id (bundle items, suggestions, gifts, "get" products), in no particular order. */
export function productIdsNamedBy(offers: readonly EngineOffer[]): Set<string> {
  const ids = new Set<string>();
  const visit = (value: unknown) => {
    if (Array.isArray(value)) {
      value.forEach(visit);
    } else if (value && typeof value === "object") {
      for (const [key, inner] of Object.entries(value)) {
        if (key === "productIds" && Array.isArray(inner)) inner.forEach((id) => typeof id === "string" && ids.add(id));
        else if (key === "productId" && typeof inner === "string") ids.add(inner);
        else visit(inner);
      }
    }
  };
  offers.forEach(visit);
  return ids;
}
