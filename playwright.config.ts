import { defineConfig } from "@playwright/test";
import { e2eDatabaseUrl } from "./tests/e2e/database-url.mjs";

const PORT = Number(process.env.E2E_PORT || 3200);
const baseURL = `http://127.0.0.1:${PORT}`;

export default defineConfig({
  testDir: "tests/e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      // Debian's Chromium: Playwright never downloads a browser here.
      executablePath: process.env.CHROMIUM_PATH || "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [{ name: "chromium", use: { browserName: "chromium" } }],
  webServer: {
    // A fresh demo database for every run, served by the production build (`npm run build` first).
    command: "node tests/e2e/serve.mjs",
    url: `${baseURL}/login`,
    reuseExistingServer: false,
    timeout: 120_000,
    env: {
      PORT: String(PORT),
      // SQLite's data/e2e.db, or PostgreSQL with E2E_DATABASE_URL or a postgres:// DATABASE_URL
      // (`npm run test:e2e:pg`); the specs read the same database through tests/e2e/db.ts.
      DATABASE_URL: e2eDatabaseUrl(),
      AUTH_SECRET: "e2e-only-secret-0123456789abcdef0123456789",
      KEEPER_SECRET_KEY: "ZTJlLW9ubHkta2VlcGVyLXNlY3JldC1rZXktMDAwMDA=",
      KEEPER_SYNC_EVERY_MINUTES: "off",
    },
  },
});
