import { z } from "zod";
import { ShopDataError, type UserError } from "./port";

/** The shape of `admin.graphql` from @shopify/shopify-app-remix, so adapters and tests share one contract. */
export type AdminGraphqlClient = (
  operation: string,
  options?: { variables?: Record<string, unknown>; tries?: number },
) => Promise<Response>;

export type Sleep = (milliseconds: number) => Promise<void>;

const realSleep: Sleep = (milliseconds) => new Promise((resolve) => setTimeout(resolve, milliseconds));

const graphqlErrorSchema = z.object({
  message: z.string(),
  extensions: z.object({ code: z.string().optional() }).loose().optional(),
});

const throttleStatusSchema = z
  .object({
    extensions: z
      .object({
        cost: z.object({
          requestedQueryCost: z.number(),
          throttleStatus: z.object({ currentlyAvailable: z.number(), restoreRate: z.number().positive() }),
        }),
      })
      .optional(),
  })
  .loose();

const responseBodySchema = z
  .object({ data: z.unknown().optional(), errors: z.array(graphqlErrorSchema).optional() })
  .loose();

/** How the Shopify library reports GraphQL errors: it throws, with the response body on the error. */
const thrownGraphqlErrorSchema = z.object({ body: responseBodySchema }).loose();

const MAX_THROTTLE_RETRIES = 5;

/**
 * Runs one Admin GraphQL operation and parses its `data` with `dataSchema`. Cost throttling (THROTTLED) is retried
 * after the time Shopify's leaky bucket needs to refill; other GraphQL errors become a ShopDataError.
 */
export async function runAdminGraphql<Data>(
  client: AdminGraphqlClient,
  operation: string,
  variables: Record<string, unknown>,
  dataSchema: z.ZodType<Data>,
  sleep: Sleep = realSleep,
): Promise<Data> {
  for (let attempt = 0; ; attempt += 1) {
    const body = await callOnce(client, operation, variables);
    const errors = body.errors ?? [];
    if (errors.some((error) => error.extensions?.code === "THROTTLED") && attempt < MAX_THROTTLE_RETRIES) {
      await sleep(throttleWaitMs(body, attempt));
      continue;
    }
    if (errors.length > 0) {
      throw new ShopDataError(`Shopify rejected the request: ${errors.map((error) => error.message).join("; ")}`);
    }
    const parsed = dataSchema.safeParse(body.data);
    if (!parsed.success) {
      throw new ShopDataError(`Shopify's response did not have the expected shape: ${z.prettifyError(parsed.error)}`);
    }
    return parsed.data;
  }
}

async function callOnce(client: AdminGraphqlClient, operation: string, variables: Record<string, unknown>) {
  try {
    // `tries` makes the client itself retry network failures and HTTP 429/5xx.
    const response = await client(operation, { variables, tries: 3 });
    return responseBodySchema.parse(await response.json());
  } catch (error) {
    const thrown = thrownGraphqlErrorSchema.safeParse(error);
    if (thrown.success) return thrown.data.body;
    throw error;
  }
}

function throttleWaitMs(body: unknown, attempt: number): number {
  const status = throttleStatusSchema.safeParse(body);
  const cost = status.success ? status.data.extensions?.cost : undefined;
  if (!cost) return 1000 * 2 ** attempt;
  const missing = Math.max(0, cost.requestedQueryCost - cost.throttleStatus.currentlyAvailable);
  return Math.ceil((missing / cost.throttleStatus.restoreRate) * 1000) + 50;
}

export const userErrorsSchema = z.array(
  z.object({ field: z.array(z.string()).nullable().optional(), message: z.string() }),
);

/** Raises Shopify's userErrors as a ShopDataError the merchant can read; a mutation is never taken as done without this check. */
export function assertNoUserErrors(action: string, userErrors: z.infer<typeof userErrorsSchema>): void {
  if (userErrors.length === 0) return;
  const errors: UserError[] = userErrors.map((error) => ({ field: error.field ?? null, message: error.message }));
  throw new ShopDataError(`${action}: ${errors.map((error) => error.message).join("; ")}`, errors);
}
