import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

// `npm test` runs on SQLite; `npm run test:pg` (DATABASE_URL=postgres://…, see scripts/pg-cluster.mjs)
// runs the same files on PostgreSQL, each test on a copy of a template database made once here.
// The same test as db/engine.ts engineOf, which the config cannot import without a warning.
const postgres = /^postgres(ql)?:/i.test(process.env.DATABASE_URL ?? "");

export default defineConfig({
  resolve: {
    alias: {
      "@": fileURLToPath(new URL("./", import.meta.url)),
      // The real package throws outside React Server Components; tests run the server code directly.
      "server-only": fileURLToPath(new URL("./tests/helpers/server-only.ts", import.meta.url)),
    },
  },
  test: {
    include: ["tests/unit/**/*.test.ts", "tests/integration/**/*.test.ts"],
    setupFiles: ["tests/helpers/setup.ts"],
    globalSetup: postgres ? ["tests/helpers/pg-global-setup.ts"] : [],
    // Each test's pool: 2 workers × a few connections, well under the test cluster's max_connections.
    env: postgres ? { KEEPER_PG_POOL: process.env.KEEPER_PG_POOL ?? "4" } : {},
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    // next-auth imports "next/server" without the extension, which only a bundler resolves;
    // inlined, Vite resolves it, so tests can drive Auth.js's real handlers (tests/integration/sso.test.ts).
    server: { deps: { inline: ["next-auth"] } },
  },
});
