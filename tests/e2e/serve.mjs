// Starts the production build on a fresh, seeded demo database for the browser tests, with a real
// OpenID provider on loopback for the single sign-on tests (tests/e2e/test-idp.mjs).
// The database is playwright.config.ts's DATABASE_URL (tests/e2e/database-url.mjs): a SQLite file,
// deleted here, or a PostgreSQL database, emptied here (its schemas dropped, so the migrations and
// the demo seed start from nothing, as on a fresh file).
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import pg from "pg";
import { isPostgresUrl, SQLITE_E2E_URL, sqlitePath } from "./database-url.mjs";
import { startTestIdp, testIdpPort, TEST_IDP_CLIENT } from "./test-idp.mjs";

const url = process.env.DATABASE_URL || SQLITE_E2E_URL;
if (isPostgresUrl(url)) {
  // Emptying a PostgreSQL database is only for one made to be thrown away: scripts/pg-cluster.mjs
  // marks its own, and E2E_DATABASE_URL names one on purpose. A DATABASE_URL exported for real
  // work must never be wiped by running the browser tests.
  if (process.env.KEEPER_PG_THROWAWAY !== "1" && !process.env.E2E_DATABASE_URL) {
    console.error(
      "Refusing to empty the PostgreSQL database in DATABASE_URL for the browser tests. Use npm run test:e2e:pg (a throwaway cluster), or set E2E_DATABASE_URL to a database made for them.",
    );
    process.exit(2);
  }
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query("drop schema if exists drizzle cascade; drop schema if exists public cascade; create schema public;");
  } finally {
    await client.end();
  }
} else {
  for (const suffix of ["", "-wal", "-shm"]) rmSync(`${sqlitePath(url)}${suffix}`, { force: true });
}
execFileSync(process.execPath, ["bin/keeper", "demo", "seed"], { stdio: "inherit" });
const appPort = Number(process.env.PORT || 3000);
const idp = await startTestIdp({ port: testIdpPort(appPort), redirectUri: `http://127.0.0.1:${appPort}/api/auth/callback/oidc` });
const env = {
  ...process.env,
  AUTH_OIDC_ISSUER: idp.issuer,
  AUTH_OIDC_CLIENT_ID: TEST_IDP_CLIENT.id,
  AUTH_OIDC_CLIENT_SECRET: TEST_IDP_CLIENT.secret,
  AUTH_OIDC_NAME: TEST_IDP_CLIENT.name,
};
const server = spawn(process.execPath, ["bin/keeper", "start"], { stdio: "inherit", env });
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
