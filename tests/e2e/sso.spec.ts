import { execFileSync } from "node:child_process";
import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from "@playwright/test";
import { TEST_IDP_CLIENT, testIdpPort } from "./test-idp.mjs";
import { E2E_DATABASE_URL, one } from "./db";
import { expectAccessible, PASSWORD } from "./helpers";

// Single sign-on for real: the production build against the OpenID provider serve.mjs started on
// loopback (tests/e2e/test-idp.mjs). Every test runs in a fresh browser context, so a fresh IdP session.

const IDP = `http://127.0.0.1:${testIdpPort(Number(process.env.E2E_PORT || 3200))}`;

/** The newest single sign-on audit entry (detail is JSON text on SQLite, jsonb on PostgreSQL: read as text on both). */
async function lastSsoAudit(): Promise<{ outcome: string; detail: Record<string, unknown> }> {
  const row = await one<{ outcome: string; detail: string }>(
    "select outcome, cast(detail as text) as detail from audit_log where action = 'auth.sign_in' and cast(detail as text) like '%oidc%' order by id desc limit 1",
  );
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
  await expectAccessible(page);
  const providers = await (await request.get("/api/auth/providers")).json();
  expect(providers.oidc).toMatchObject({ id: "oidc", name: TEST_IDP_CLIENT.name, type: "oidc" });
});

test("signs in with the authorization code flow, matching the verified email ignoring case; a changed email still finds the person", async ({
  page,
  browser,
}) => {
  await ssoSignIn(page, "ava");
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(page.getByText("Ava Thompson").first()).toBeVisible();
  expect(await lastSsoAudit()).toMatchObject({ outcome: "ok", detail: { method: "oidc", sub: "ava" } });
  expect(await one("select oidc_subject from employees where email = 'ava@demo.keeper.test'")).toEqual({ oidc_subject: "ava" });

  // IT changes her address at the provider: the stored `sub` still finds Ava.
  expect((await fetch(`${IDP}/__test/change-email?login=ava&email=ava.thompson%40new-domain.test`, { method: "POST" })).status).toBe(204);
  const context = await browser.newContext();
  const renamed = await context.newPage();
  await ssoSignIn(renamed, "ava");
  await expect(renamed.getByRole("button", { name: "Sign out" })).toBeVisible();
  await expect(renamed.getByText("Ava Thompson").first()).toBeVisible();
  await context.close();
  expect(await lastSsoAudit()).toMatchObject({ outcome: "ok", detail: { sub: "ava" } });
  await fetch(`${IDP}/__test/change-email?login=ava&email=Ava%40demo.keeper.test`, { method: "POST" });
});

test("refuses an identity with no Keeper account, with a clear page and an audit entry", async ({ page }) => {
  await ssoSignIn(page, "stranger");
  await expect(page).toHaveURL(/\/login\/error\?reason=unknown/);
  await expect(page.getByRole("heading", { name: "There is no Keeper account for you" })).toBeVisible();
  await expectAccessible(page);
  expect(await lastSsoAudit()).toMatchObject({ outcome: "denied", detail: { reason: "unknown" } });
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

  const token = execFileSync(process.execPath, ["bin/keeper", "token", "create", "--scope", "scim", "--name", "e2e idp"], {
    env: { ...process.env, DATABASE_URL: E2E_DATABASE_URL },
    encoding: "utf8",
  }).trim();
  const headers = { authorization: `Bearer ${token}`, "content-type": "application/scim+json" };
  const found = await (
    await request.get(`/scim/v2/Users?filter=${encodeURIComponent('userName eq "liam@demo.keeper.test"')}`, { headers })
  ).json();
  const liamId = found.Resources[0].id;
  const patch = (active: boolean) =>
    request.patch(`/scim/v2/Users/${liamId}`, {
      headers,
      data: { schemas: ["urn:ietf:params:scim:api:messages:2.0:PatchOp"], Operations: [{ op: "replace", value: { active } }] },
    });
  expect((await patch(false)).status()).toBe(200);
  try {
    await liamPage.reload();
    await expect(liamPage).toHaveURL(/\/login/);
    await liamContext.close();

    await ssoSignIn(page, "liam");
    await expect(page).toHaveURL(/\/login\/error\?reason=inactive/);
    await expect(page.getByRole("heading", { name: "Your Keeper account is deactivated" })).toBeVisible();
    expect(await lastSsoAudit()).toMatchObject({ outcome: "denied", detail: { reason: "inactive" } });
  } finally {
    // Other specs sign in as Liam.
    expect((await patch(true)).status()).toBe(200);
  }
});

/**
 * The code flow over HTTP, as the browser would run it, stopping at the provider's redirect back
 * to Keeper (a redirect the browser follows cannot be intercepted): returns that callback URL.
 */
async function codeFlowUntilCallback(http: APIRequestContext, login: string): Promise<URL> {
  const location = (res: { headers(): Record<string, string> }, base: string) => new URL(res.headers()["location"], base);
  const { csrfToken } = await (await http.get("/api/auth/csrf")).json();
  const start = await http.post("/api/auth/signin/oidc", { form: { csrfToken, callbackUrl: "/" }, maxRedirects: 0 });
  expect(start.status()).toBe(302);
  let at = location(start, IDP);
  expect(at.origin + at.pathname).toBe(`${IDP}/auth`);
  expect(at.searchParams.get("code_challenge_method")).toBe("S256");
  expect(at.searchParams.get("state")).toBeTruthy();
  expect(at.searchParams.get("nonce")).toBeTruthy();
  at = location(await http.get(at.toString(), { maxRedirects: 0 }), IDP);
  at = location(await http.post(at.toString(), { form: { prompt: "login", login, password: "any password" }, maxRedirects: 0 }), IDP);
  const back = location(await http.get(at.toString(), { maxRedirects: 0 }), IDP);
  expect(back.pathname).toBe("/api/auth/callback/oidc");
  return back;
}

test("refuses a callback whose state was tampered with", async ({ baseURL }) => {
  const http = await playwrightRequest.newContext({ baseURL });
  const callback = await codeFlowUntilCallback(http, "ava");
  callback.searchParams.set("state", `${callback.searchParams.get("state")}x`);
  const res = await http.get(callback.toString(), { maxRedirects: 0 });
  expect(res.headers()["location"]).toContain("/login/error");
  expect(res.headers()["set-cookie"] ?? "").not.toContain("authjs.session-token=e");
  expect(await lastSsoAudit()).toMatchObject({
    outcome: "failed",
    detail: { reason: "callback_not_verified", message: expect.stringMatching(/state/i) },
  });
  expect((await http.get("/api/v1/me")).status()).toBe(401);
  await http.dispose();
});

test("the untampered callback of the same HTTP flow signs in, so the refusals above are the checks' doing", async ({ baseURL }) => {
  const http = await playwrightRequest.newContext({ baseURL });
  const callback = await codeFlowUntilCallback(http, "ava");
  const res = await http.get(callback.toString(), { maxRedirects: 0 });
  expect(res.status()).toBe(302);
  expect((await http.get("/api/v1/me")).status()).toBe(200);
  await http.dispose();
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
  expect(await lastSsoAudit()).toMatchObject({
    outcome: "failed",
    detail: { reason: "callback_not_verified", message: expect.stringMatching(/nonce/i) },
  });
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});

test("refuses an expired ID token", async ({ page }) => {
  await ssoSignIn(page, "noah-expired");
  await expect(page).toHaveURL(/\/login\/error/);
  await expect(page.getByRole("heading", { name: "Single sign-on could not be completed" })).toBeVisible();
  expect(await lastSsoAudit()).toMatchObject({
    outcome: "failed",
    detail: { reason: "callback_not_verified", message: expect.stringMatching(/exp/i) },
  });
  await page.goto("/");
  await expect(page).toHaveURL(/\/login/);
});
