import { describe } from "vitest";
import { dataLayerSuite } from "../data-layer/data-layer.suite";

describe("data layer on PostgreSQL", () => {
  // postgres-env.ts created a fresh database on the real server for this file.
  dataLayerSuite(() => process.env.DATABASE_URL ?? "");
});
