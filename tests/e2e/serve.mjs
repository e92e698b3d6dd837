// Starts the production build on a fresh, seeded demo database for the browser tests, with a real
// OpenID provider on loopback for the single sign-on tests (tests/e2e/test-idp.mjs).
import { execFileSync, spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { startTestIdp, testIdpPort, TEST_IDP_CLIENT } from "./test-idp.mjs";

for (const suffix of ["", "-wal", "-shm"]) rmSync(`data/e2e.db${suffix}`, { force: true });
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
