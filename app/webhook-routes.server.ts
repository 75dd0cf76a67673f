// Shopify's webhooks straight to their route's action, without Remix's request handling (see webhookRoutes).
import type { ActionFunction } from "@remix-run/node";
import type { Request as ExpressRequest, RequestHandler } from "express";

/** What webhookRoutes reads of a Remix build's route (whose types claim every module has a component). */
type BuildRoute = { parentId?: string; path?: string; index?: boolean; module: { action?: ActionFunction; loader?: unknown; default?: unknown } };

/**
 * The webhook routes of a build: static paths under /webhooks/ whose module only has an action, by URL path. Shopify
 * posts one webhook per order event, the bulk of the app's traffic, and for these Remix's request handling (matching
 * the URL against every route twice, web-stream request and response bodies) costs more than the action itself.
 */
export function webhookRoutes(build: { routes: Record<string, BuildRoute> }): Map<string, ActionFunction> {
  const routes = new Map<string, ActionFunction>();
  for (const route of Object.values(build.routes)) {
    const { action, loader, default: component } = route.module;
    if (!action || loader || component || route.index) continue;
    const segments: string[] = [];
    for (let current: BuildRoute | undefined = route; current; current = current.parentId ? build.routes[current.parentId] : undefined) {
      if (current.path) segments.unshift(current.path);
    }
    const path = `/${segments.join("/")}`;
    if (path.startsWith("/webhooks/") && !/[:*?]/.test(path)) routes.set(path, action);
  }
  return routes;
}

/** Shopify's webhook payloads stay well under this (its own limit for a delivery is a few megabytes). */
export const MAX_WEBHOOK_BYTES = 10 * 1024 * 1024;

/** Calls `action` as Remix's handler would: a thrown Response is the answer too, any other error a logged 500. */
export function webhookHandler(action: ActionFunction): RequestHandler {
  return (req, res, next) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      if (res.headersSent) return;
      size += chunk.length;
      // Anyone can post here: a body bigger than any webhook Shopify sends is refused before it fills memory.
      if (size > MAX_WEBHOOK_BYTES) {
        res.status(413).type("text/plain").end("Payload too large");
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.once("error", next);
    req.once("end", () => {
      answer(action, toFetchRequest(req, Buffer.concat(chunks)))
        .then(async (response) => {
          res.statusMessage = response.statusText;
          res.status(response.status);
          for (const [name, value] of response.headers) res.append(name, value);
          res.end(response.body ? Buffer.from(await response.arrayBuffer()) : undefined);
        })
        .catch(next);
    });
  };
}

async function answer(action: ActionFunction, request: Request): Promise<Response> {
  try {
    const result: unknown = await action({ request, params: {}, context: {} });
    return result instanceof Response ? result : Response.json(result ?? null);
  } catch (error) {
    if (error instanceof Response) return error;
    console.error(error);
    return new Response("Unexpected Server Error", { status: 500, headers: { "Content-Type": "text/plain" } });
  }
}

function toFetchRequest(req: ExpressRequest, body: Uint8Array<ArrayBuffer>): Request {
  const headers = new Headers();
  const raw = req.rawHeaders;
  for (let index = 0; index + 1 < raw.length; index += 2) {
    const [name, value] = [raw[index], raw[index + 1]];
    if (name !== undefined && value !== undefined) headers.append(name, value);
  }
  return new Request(`${req.protocol}://${req.get("host") ?? "localhost"}${req.originalUrl}`, { method: req.method, headers, body });
}
