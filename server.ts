// The production and demo HTTP server: Express serving the Remix build. Refuses to start on a bad environment.
import cluster, { type Worker } from "node:cluster";
import type { Server } from "node:http";
import { availableParallelism } from "node:os";
import { createRequestHandler } from "@remix-run/express";
import type { ServerBuild } from "@remix-run/node";
import compression from "compression";
import express from "express";
import { env, EnvError, isLoopbackHost, type Env } from "./app/env.server";
import { webConcurrency } from "./app/web-concurrency.server";
import { webhookHandler, webhookRoutes } from "./app/webhook-routes.server";

export async function startServer(): Promise<Server> {
  const config = env();
  if (config.demoMode && !isLoopbackHost(config.host)) {
    throw new EnvError([`HOST=${config.host}: demo mode signs in without OAuth, so it only listens on a loopback address`]);
  }
  const buildPath = new URL("./build/server/index.js", import.meta.url).href;
  const build = (await import(buildPath)) as ServerBuild;

  const app = express();
  app.disable("x-powered-by");
  for (const [path, action] of webhookRoutes(build)) app.post(path, webhookHandler(action));
  // Pages, assets and JSON compressed, as Shopify's CDN serves storefronts (webhook answers are too small to bother).
  app.use(compression());
  app.use("/assets", express.static("build/client/assets", { immutable: true, maxAge: "1y" }));
  app.use(express.static("build/client", { maxAge: "1h" }));
  app.all("*", createRequestHandler({ build, mode: config.nodeEnv }));

  return new Promise((resolve) => {
    const server = app.listen(config.port, config.host, () => {
      // A cluster's primary says so once every worker listens.
      if (cluster.isPrimary) console.log(`Pairwise listening on http://${config.host}:${config.port}`);
      resolve(server);
    });
  });
}

/** Runs `count` workers that share the port; SIGTERM or SIGINT stops them all, each finishing its requests first. */
function runCluster(config: Env, count: number) {
  const served = new WeakSet<Worker>();
  let alive = 0;
  let stopping = false;
  let started = 0;
  cluster.on("listening", (worker) => {
    served.add(worker);
    started += 1;
    // Announced once all listen, so that clients (and the bench) spread their connections over every worker.
    if (started === count) console.log(`Pairwise listening on http://${config.host}:${config.port} (${count} processes)`);
  });
  cluster.on("exit", (worker, code, signal) => {
    alive -= 1;
    if (stopping) {
      if (alive === 0) process.exit(0);
      return;
    }
    console.error(`[server] worker ${worker.process.pid} exited (${signal ?? code})`);
    // One that never listened failed to start (its error is above): starting it again would fail again.
    if (!served.has(worker)) process.exit(1);
    fork();
  });
  const fork = () => {
    alive += 1;
    cluster.fork();
  };
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
  };
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
  for (let index = 0; index < count; index += 1) fork();
}

function serve() {
  startServer()
    .then((server) => {
      // Finish requests in flight, then exit (deploys and scaling down send SIGTERM; a worker whose primary is gone
      // gets no more connections).
      let stopping = false;
      const stop = () => {
        // A cluster worker in a terminal gets Ctrl-C's SIGINT and then its primary's SIGTERM: close once.
        if (stopping) return;
        stopping = true;
        server.close(() => process.exit(0));
      };
      process.on("SIGTERM", stop);
      process.on("SIGINT", stop);
      if (cluster.isWorker) process.once("disconnect", stop);
    })
    .catch((error: unknown) => {
      console.error(error instanceof EnvError ? error.message : error);
      process.exit(1);
    });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (cluster.isWorker) {
    serve();
  } else {
    try {
      const config = env();
      const count = webConcurrency(config, process.env.WEB_CONCURRENCY, availableParallelism());
      if (count > 1) runCluster(config, count);
      else serve();
    } catch (error) {
      console.error(error instanceof EnvError ? error.message : error);
      process.exit(1);
    }
  }
}
