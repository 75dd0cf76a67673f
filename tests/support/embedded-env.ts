// Environment for the unit and integration projects: Shopify test credentials and an in-memory embedded database.
import { API_KEY, API_SECRET_KEY, APP_URL } from "@shopify/shopify-api/test-helpers";

process.env.NODE_ENV = "test";
process.env.PAIRWISE_DEMO = "false";
process.env.SHOPIFY_API_KEY = API_KEY;
process.env.SHOPIFY_API_SECRET = API_SECRET_KEY;
process.env.SHOPIFY_APP_URL = APP_URL;
process.env.SCOPES = "read_products,read_orders,write_discounts";
process.env.DATABASE_URL = "pglite:memory";
