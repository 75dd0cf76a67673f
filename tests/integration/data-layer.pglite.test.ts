import { describe } from "vitest";
import { dataLayerSuite } from "../data-layer/data-layer.suite";

describe("data layer on the embedded database (PGlite)", () => {
  dataLayerSuite(() => "pglite:memory");
});
