// The production and demo HTTP server: Express serving the Remix build. Refuses to start on a bad environment.
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import express from "express";
import { env, EnvError, isLoopbackHost } from "./app/env.server";

export async function startServer(): Promise<import("node:http").Server> {
  const config = env();
  if (config.demoMode && !isLoopbackHost(config.host)) {
    throw new EnvError([`HOST=${config.host}: demo mode signs in without OAuth, so it only listens on a loopback address`]);
  }
  const buildPath = new URL("./build/server/index.js", import.meta.url).href;
  const build = (await import(buildPath)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: config.nodeEnv }));

  return new Promise((resolve) => {
    const server = app.listen(config.port, config.host, () => {
      console.log(`Pairwise listening on http://${config.host}:${config.port}`);
      resolve(server);
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer()
    .then((server) => {
      // Finish requests in flight, then exit (deploys and scaling down send SIGTERM).
      const stop = () => server.close(() => process.exit(0));
      process.once("SIGTERM", stop);
      process.once("SIGINT", stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof EnvError ? error.message : error);
      process.exit(1);
    });
}
