import { defineConfig } from "vitest/config";
import tsconfigPaths from "vite-tsconfig-paths";

// Five projects; scripts/test.ts (`npm test`) runs them all, and says so when PostgreSQL or Chromium is missing.
export default defineConfig({
  plugins: [tsconfigPaths()],
  test: {
    pool: "forks",
    testTimeout: 30_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["app/**/*.test.{ts,tsx}", "scripts/**/*.test.ts", "extensions/*/src/**/*.test.ts"],
          setupFiles: ["tests/support/embedded-env.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts"],
          // The app's own database (an in-memory PGlite per test file) is migrated before any app module loads.
          setupFiles: ["tests/support/embedded-env.ts", "tests/support/migrated-app-database.ts"],
        },
      },
      {
        extends: true,
        // The checkout extension in Shopify's tester (jsdom), answered by the app's real routes on an in-memory database.
        esbuild: { jsx: "automatic", jsxImportSource: "preact" },
        test: {
          name: "extensions",
          include: ["extensions/*/tests/**/*.test.{ts,tsx}"],
          environment: "jsdom",
          server: { deps: { inline: ["@shopify/ui-extensions-tester"] } },
          setupFiles: ["tests/support/embedded-env.ts", "tests/support/migrated-app-database.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "postgres",
          include: ["tests/postgres/**/*.test.ts"],
          setupFiles: ["tests/support/postgres-env.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "browser",
          include: ["tests/browser/**/*.test.ts"],
          globalSetup: ["tests/support/demo-global-setup.ts"],
          // One file at a time: they share the demo shop, and the admin's tests publish offers the storefront shows.
          fileParallelism: false,
          testTimeout: 60_000,
          // Last and alone: building and seeding the demo competes for the cores with every other suite otherwise.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
