import type * as z from "zod/mini";

/** A refusal to send back as is: the status and the reason, in JSON. */
export const jsonError = (status: number, error: string, headers?: HeadersInit) => Response.json({ error }, { status, headers });

/**
 * Reads a storefront request's JSON body, at most `maxBytes`, and validates it; throws a 413 or a 400 Response naming
 * what is wrong, so nothing half-read is ever used.
 */
export async function readJsonBody<T extends z.ZodMiniType>(request: Request, schema: T, maxBytes: number, headers?: HeadersInit): Promise<z.infer<T>> {
  const declared = Number(request.headers.get("Content-Length") ?? "0");
  if (declared > maxBytes) throw jsonError(413, `The body is over ${maxBytes} bytes`, headers);
  const text = await request.text();
  if (new TextEncoder().encode(text).length > maxBytes) throw jsonError(413, `The body is over ${maxBytes} bytes`, headers);
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw jsonError(400, "The body is not JSON", headers);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw jsonError(400, parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "), headers);
  return parsed.data;
}
