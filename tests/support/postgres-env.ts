// Environment for the postgres project: every test file gets its own fresh database on the real server.
import { afterAll } from "vitest";
import { createScratchDatabase } from "./postgres";

const scratch = await createScratchDatabase();
process.env.NODE_ENV = "test";
process.env.DATABASE_URL = scratch.url;
afterAll(async () => {
  await globalThis.pairwiseDatabase?.close();
  await scratch.drop();
});
