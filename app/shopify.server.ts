import "@shopify/shopify-app-remix/adapters/node";
import {
  ApiVersion,
  AppDistribution,
  shopifyApp,
} from "@shopify/shopify-app-remix/server";
import { PrismaSessionStorage } from "@shopify/shopify-app-session-storage-prisma";
import { prisma } from "./db.server";
import { env } from "./env.server";
import { recordShopInstalled } from "./services/shop-lifecycle.server";

/** The Admin API version every request, webhook subscription and extension of this app uses. */
export const API_VERSION = ApiVersion.October26;

const config = env();

const shopify = shopifyApp({
  apiKey: config.shopify.apiKey,
  apiSecretKey: config.shopify.apiSecretKey,
  appUrl: config.shopify.appUrl,
  scopes: config.shopify.scopes,
  apiVersion: API_VERSION,
  authPathPrefix: "/auth",
  sessionStorage: new PrismaSessionStorage(prisma),
  distribution: AppDistribution.AppStore,
  hooks: {
    afterAuth: async ({ session }) => {
      await prisma.$transaction((tx) => recordShopInstalled(tx, session.shop, session.scope));
    },
  },
  future: {
    unstable_newEmbeddedAuthStrategy: true,
    expiringOfflineAccessTokens: true,
  },
  ...(config.shopify.customShopDomains.length > 0
    ? { customShopDomains: config.shopify.customShopDomains }
    : {}),
});

export default shopify;
export const addDocumentResponseHeaders = shopify.addDocumentResponseHeaders;
export const authenticate = shopify.authenticate;
export const unauthenticated = shopify.unauthenticated;
export const login = shopify.login;
export const sessionStorage = shopify.sessionStorage;
