import { defineConfig } from "vitest/config";
import { fileURLToPath } from "node:url";

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
    environment: "node",
    pool: "forks",
    testTimeout: 30_000,
    // next-auth imports "next/server" without the extension, which only a bundler resolves;
    // inlined, Vite resolves it, so tests can drive Auth.js's real handlers (tests/integration/sso.test.ts).
    server: { deps: { inline: ["next-auth"] } },
  },
});
