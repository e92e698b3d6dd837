import { execFileSync } from "node:child_process";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { TEST_IDP_CLIENT, testIdpPort } from "./test-idp.mjs";
import { PASSWORD } from "./helpers";

// Single sign-on for real: the production build against the OpenID provider serve.mjs started on
// loopback (tests/e2e/test-idp.mjs). Every test runs in a fresh browser context, so a fresh IdP session.

const IDP = `http://127.0.0.1:${testIdpPort(Number(process.env.E2E_PORT || 3200))}`;

function db(readonly = true) {
  return new Database("data/e2e.db", { readonly });
}

function lastSsoAudit(): { outcome: string; detail: Record<string, unknown> } {
  const conn = db();
  const row = conn.prepare("select outcome, detail from audit_log where action = 'auth.sign_in' and detail like '%oidc%' order by id desc limit 1").get() as { outcome: string; detail: string };
  conn.close();
  return { outcome: row.outcome, detail: JSON.parse(row.detail) };
}

/** Clicks "Sign in with Test IdP" and signs in at the provider as `login`. */
async function ssoSignIn(page: Page, login: string): Promise<void> {
  await page.goto("/login");
  await page.getByRole("button", { name: `Sign in with ${TEST_IDP_CLIENT.name}` }).click();
  await page.waitForURL(`${IDP}/interaction/**`);
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill("any password");
  await page.getByRole("button", { name: "Sign-in" }).click();
}

test("the login page offers single sign-on first, and Auth.js lists the provider", async ({ page, request }) => {
  await page.goto("/login");
  await expect(page.getByRole("button").first()).toHaveText(`Sign in with ${TEST_IDP_CLIENT.name}`);
  // Password sign-in stays (KEEPER_SSO_ONLY is not set here).
  await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
  const providers = await (await request.get("/api/auth/providers")).json();
  expect(providers.oidc).toMatchObject({ id: "oidc", name: TEST_IDP_CLIENT.name, type: "oidc" });
});

test("signs in with the authorization code flow, matching the verified email ignoring case; a changed email still finds the person", async ({ page, browser }) => {
  await ssoSignIn(page, "ava");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByText("Ava Thompson").first()).toBeVisible();
  expect(lastSsoAudit()).toMatchObject({ outcome: "ok", detail: { method: "oidc", sub: "idp-ava-7f3c" } });
  const conn = db();
  expect(conn.prepare("select oidc_subject from employees where email = 'ava@demo.keeper.test'").get()).toEqual({ oidc_subject: "idp-ava-7f3c" });
  conn.close();

  // IT changed her address at the provider: the stored `sub` still finds Ava.
  const context = await browser.newContext();
  const renamed = await context.newPage();
  await ssoSignIn(renamed, "ava-renamed");
  await expect(renamed.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(renamed.getByText("Ava Thompson").first()).toBeVisible();
  await context.close();
});

test("refuses an identity with no Keeper account, with a clear page and an audit entry", async ({ page }) => {
  await ssoSignIn(page, "stranger");
  await expect(page).toHaveURL(/\/login\/error\?reason=unknown/);
  await expect(page.getByRole("heading", { name: "There is no Keeper account for you" })).toBeVisible();
  expect(lastSsoAudit()).toMatchObject({ outcome: "denied", detail: { reason: "unknown" } });
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("refuses a person IT deactivated through SCIM, and ends the session they already had", async ({ page, browser, request }) => {
  // An existing password session of Liam's.
  const liamContext = await browser.newContext();
  const liamPage = await liamContext.newPage();
  await liamPage.goto("/login");
  await liamPage.getByLabel("Email").fill("liam@demo.keeper.test");
  await liamPage.getByLabel("Password").fill(PASSWORD);
  await liamPage.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(liamPage.getByRole("button", { name: "Sign out" })).toBeVisible();

  const token = execFileSync(process.execPath, ["bin/keeper", "token", "create", "--scope", "scim", "--name", "e2e idp"], { env: { ...process.env, DATABASE_URL: "file:./data/e2e.db" }, encoding: "utf8" }).trim();
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const found = await (await request.get(`/scim/v2/Users?filter=${encodeURIComponent('userName eq "liam@demo.keeper.test"')}`, { headers })).json();
  const liamId = found.Resources[0].id;
  const patch = (active: boolean) => request.patch(`/scim/v2/Users/${liamId}`, { headers, data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active } }] } });
  expect((await patch(false)).status()).toBe(200);
  try {
    await liamPage.reload();
    await expect(liamPage).toHaveURL(/\/login/);
    await liamContext.close();

    await ssoSignIn(page, "liam");
    await expect(page).toHaveURL(/\/login\/error\?reason=inactive/);
    await expect(page.getByRole("heading", { name: "Your Keeper account is deactivated" })).toBeVisible();
    expect(lastSsoAudit()).toMatchObject({ outcome: "denied", detail: { reason: "inactive" } });
  } finally {
    // Other specs sign in as Liam.
    expect((await patch(true)).status()).toBe(200);
  }
});

test("refuses a callback whose state was tampered with", async ({ page }) => {
  await page.route("**/api/auth/callback/oidc?**", (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("state", `${url.searchParams.get("state")}x`);
    return route.continue({ url: url.toString() });
  });
  await ssoSignIn(page, "ava");
  await expect(page).toHaveURL(/\/login\/error/);
  await expect(page.getByRole("heading", { name: "Single sign-on could not be completed" })).toBeVisible();
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("refuses an ID token whose nonce is not the one Keeper sent", async ({ page }) => {
  await page.route(`${IDP}/auth?**`, (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("nonce", "a-nonce-keeper-never-issued");
    return route.continue({ url: url.toString() });
  });
  await ssoSignIn(page, "ava");
  await expect(page).toHaveURL(/\/login\/error/);
  await expect(page.getByRole("heading", { name: "Single sign-on could not be completed" })).toBeVisible();
  expect(lastSsoAudit()).toMatchObject({ outcome: "failed", detail: { reason: "callback_not_verified" } });
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("refuses an expired ID token", async ({ page }) => {
  await ssoSignIn(page, "noah-expired");
  await expect(page).toHaveURL(/\/login\/error/);
  await expect(page.getByRole("heading", { name: "Single sign-on could not be completed" })).toBeVisible();
  expect(lastSsoAudit()).toMatchObject({ outcome: "failed", detail: { reason: "callback_not_verified" } });
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
