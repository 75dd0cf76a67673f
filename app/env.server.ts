import { z } from "zod";

/** The offline demo shop that `npm run demo` seeds and signs in as. */
export const DEMO_SHOP = "pairwise-demo.myshopify.com";

const booleanFlag = z
  .enum(["true", "false", "1", "0", ""])
  .optional()
  .transform((value) => value === "true" || value === "1");

const databaseUrl = z
  .string()
  .refine((value) => /^(postgres|postgresql):\/\//.test(value) || value.startsWith("pglite:"), {
    message: 'must be a postgresql:// URL or "pglite:<directory>" (or "pglite:memory") for the embedded database',
  });

const rawEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PAIRWISE_DEMO: booleanFlag,
  HOST: z.string().min(1).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATABASE_URL: databaseUrl.optional(),
  SHOPIFY_API_KEY: z.string().min(1).optional(),
  SHOPIFY_API_SECRET: z.string().min(1).optional(),
  SHOPIFY_APP_URL: z.url({ protocol: /^https?$/ }).optional(),
  SCOPES: z.string().min(1).optional(),
  SHOP_CUSTOM_DOMAIN: z.string().min(1).optional(),
  IN_PROCESS_WORKERS: z.enum(["true", "false", "1", "0"]).optional(),
});

export type Env = {
  nodeEnv: "development" | "production" | "test";
  demoMode: boolean;
  host: string;
  port: number;
  databaseUrl: string;
  /** Whether the web process also runs the background jobs (always with the embedded database: one process owns it). */
  inProcessWorkers: boolean;
  shopify: {
    apiKey: string;
    apiSecretKey: string;
    appUrl: string;
    scopes: string[];
    customShopDomains: string[];
  };
};

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((problem) => `  - ${problem}`).join("\n")}`);
    this.name = "EnvError";
  }
}

function envErrorFrom(error: z.ZodError): EnvError {
  return new EnvError(error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`));
}

/** Demo credentials: demo mode only listens on loopback, so these never guard anything reachable from outside. */
const DEMO_SHOPIFY = {
  apiKey: "pairwise-demo-api-key",
  apiSecretKey: "pairwise-demo-api-secret",
};

/** The access scopes the demo shop has granted: those shopify.app.toml asks for. */
export const DEMO_SCOPES = "read_products,read_inventory,read_orders,read_customers,write_discounts,read_discounts,write_app_proxy";

/**
 * Parses the environment once at start-up. Outside demo mode the Shopify credentials are required; in production the
 * database must be named explicitly, so a misconfigured deployment never silently writes to an embedded file.
 */
export function parseEnv(source: Record<string, string | undefined>): Env {
  const parsed = rawEnvSchema.safeParse(source);
  if (!parsed.success) throw envErrorFrom(parsed.error);
  const raw = parsed.data;
  const problems: string[] = [];
  const requireVar = <K extends keyof typeof raw>(name: K, why: string) => {
    if (raw[name] === undefined) problems.push(`${String(name)} is missing (${why})`);
    return raw[name];
  };

  if (!raw.PAIRWISE_DEMO) {
    requireVar("SHOPIFY_API_KEY", "the app's client id from the Partner Dashboard");
    requireVar("SHOPIFY_API_SECRET", "the app's client secret");
    requireVar("SHOPIFY_APP_URL", "the public https URL the app is served at");
    requireVar("SCOPES", "comma-separated access scopes, as in shopify.app.toml");
    if (raw.NODE_ENV === "production") requireVar("DATABASE_URL", "the production PostgreSQL URL");
  }
  if (problems.length > 0) throw new EnvError(problems);

  const host = raw.HOST ?? (raw.PAIRWISE_DEMO ? "127.0.0.1" : "0.0.0.0");
  const databaseUrl = defaultedDatabaseUrl(raw);
  return {
    nodeEnv: raw.NODE_ENV,
    demoMode: raw.PAIRWISE_DEMO,
    host,
    port: raw.PORT,
    databaseUrl,
    inProcessWorkers: raw.IN_PROCESS_WORKERS === undefined ? databaseUrl.startsWith("pglite:") && raw.NODE_ENV !== "test" : raw.IN_PROCESS_WORKERS === "true" || raw.IN_PROCESS_WORKERS === "1",
    shopify: {
      apiKey: raw.SHOPIFY_API_KEY ?? DEMO_SHOPIFY.apiKey,
      apiSecretKey: raw.SHOPIFY_API_SECRET ?? DEMO_SHOPIFY.apiSecretKey,
      appUrl: raw.SHOPIFY_APP_URL ?? `http://localhost:${raw.PORT}`,
      scopes: (raw.SCOPES ?? DEMO_SCOPES).split(",").map((scope) => scope.trim()).filter(Boolean),
      customShopDomains: raw.SHOP_CUSTOM_DOMAIN ? [raw.SHOP_CUSTOM_DOMAIN] : [],
    },
  };
}

function defaultedDatabaseUrl(raw: { DATABASE_URL?: string; PAIRWISE_DEMO: boolean }): string {
  return raw.DATABASE_URL ?? (raw.PAIRWISE_DEMO ? "pglite:.data/demo" : "pglite:.data/dev");
}

/** Only the database URL, for commands such as migrations that never talk to Shopify. */
export function parseDatabaseUrl(source: Record<string, string | undefined>): string {
  const parsed = rawEnvSchema.pick({ DATABASE_URL: true, PAIRWISE_DEMO: true }).safeParse(source);
  if (!parsed.success) throw envErrorFrom(parsed.error);
  return defaultedDatabaseUrl(parsed.data);
}

let cached: Env | undefined;

/** The validated environment of this process. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost", "::1", "[::1]"]);

export function isLoopbackHost(hostname: string): boolean {
  return LOOPBACK_HOSTS.has(hostname) || /^127(\.\d{1,3}){3}$/.test(hostname);
}
