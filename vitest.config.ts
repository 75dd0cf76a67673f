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
          testTimeout: 60_000,
        },
      },
    ],
  },
});
