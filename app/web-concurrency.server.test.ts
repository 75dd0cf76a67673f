import { describe, expect, it } from "vitest";
import { EnvError } from "./env.server";
import { webConcurrency } from "./web-concurrency.server";

const postgres = "postgresql://app@db.internal/pairwise";

describe("webConcurrency", () => {
  it("runs one process per core in production on PostgreSQL, and one otherwise", () => {
    expect(webConcurrency({ nodeEnv: "production", databaseUrl: postgres }, undefined, 4)).toBe(4);
    expect(webConcurrency({ nodeEnv: "development", databaseUrl: postgres }, undefined, 4)).toBe(1);
    expect(webConcurrency({ nodeEnv: "production", databaseUrl: "pglite:.data/demo" }, "", 4)).toBe(1);
  });

  it("takes WEB_CONCURRENCY as given", () => {
    expect(webConcurrency({ nodeEnv: "production", databaseUrl: postgres }, "3", 2)).toBe(3);
    expect(webConcurrency({ nodeEnv: "production", databaseUrl: postgres }, "1", 8)).toBe(1);
    expect(webConcurrency({ nodeEnv: "production", databaseUrl: "pglite:memory" }, "1", 8)).toBe(1);
  });

  it("refuses a count that is not a whole number of processes, and several processes on the embedded database", () => {
    for (const setting of ["0", "-2", "1.5", "many"]) {
      expect(() => webConcurrency({ nodeEnv: "production", databaseUrl: postgres }, setting, 2)).toThrow(EnvError);
    }
    expect(() => webConcurrency({ nodeEnv: "production", databaseUrl: "pglite:.data/dev" }, "2", 2)).toThrow("can only be opened by one process");
  });
});
