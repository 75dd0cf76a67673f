// The browser suite's one demo server: `npm run demo` built, seeded and started once for every browser test file
// (two builds into the same directory at once would race, and each start costs a minute).
import type { TestProject } from "vitest/node";
import { startDemoServer } from "./demo-server";

declare module "vitest" {
  export interface ProvidedContext {
    demoBaseUrl: string;
    /** What the demo printed while starting. */
    demoStartOutput: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startDemoServer();
  project.provide("demoBaseUrl", server.baseUrl);
  project.provide("demoStartOutput", server.output());
  return () => server.stop();
}
