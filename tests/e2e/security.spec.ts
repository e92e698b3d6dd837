import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("pages and the API send the security headers, and signed-in responses are never cached", async ({ page, request }) => {
  const login = await request.get("/login");
  const csp = login.headers()["content-security-policy"] ?? "";
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(login.headers()["x-content-type-options"]).toBe("nosniff");
  expect(login.headers()["referrer-policy"]).toBe("same-origin");
  // A fresh nonce per response.
  const again = await request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(csp);

  await signIn(page, "mia");
  const home = await page.request.get("/");
  expect(home.headers()["cache-control"]).toContain("no-store");
  const api = await page.request.get("/api/v1/me");
  expect(api.headers()["cache-control"]).toContain("no-store");
});

test("x-middleware-subrequest gets no special treatment", async ({ request }) => {
  const headers = { "x-middleware-subrequest": "proxy:proxy:proxy:proxy:proxy" };
  const page = await request.get("/", { headers, maxRedirects: 0 });
  expect(page.status()).toBe(307);
  expect(page.headers()["location"]).toContain("/login");
  const api = await request.get("/api/v1/reviews?cycle=2026-Q3", { headers });
  expect(api.status()).toBe(401);
});

test("an agent's page and its RSC payload never contain private notes", async ({ page }) => {
  await signIn(page, "ava");
  const me = await (await page.request.get("/api/v1/me")).json();
  for (const url of [`/reviews/2026-Q3/${me.id}`, "/"]) {
    const html = await (await page.request.get(url)).text();
    const rsc = await (await page.request.get(url, { headers: { RSC: "1" } })).text();
    for (const body of [html, rsc]) {
      expect(body).not.toContain("Discussed with HR");
      expect(body).not.toContain("Candidate for senior agent");
      expect(body).not.toContain("privateNotes");
    }
  }
  const review = await (await page.request.get(`/api/v1/reviews?cycle=2026-Q3`)).json();
  expect(review.reviews).toHaveLength(1);
  expect(review.reviews[0]).not.toHaveProperty("privateNotes");
});

test("the sign-in endpoint answers 429 after 10 failures for an account", async ({ request }) => {
  // A made-up client address, so the throttle on it cannot affect the other tests.
  const headers = { "x-forwarded-for": "198.51.100.23" };
  const attempt = async () => {
    const { csrfToken } = await (await request.get("/api/auth/csrf")).json();
    return request.post("/api/auth/callback/credentials", {
      headers,
      form: { csrfToken, email: "nobody-here@demo.keeper.test", password: "guess" },
      maxRedirects: 0,
    });
  };
  for (let i = 0; i < 10; i++) expect((await attempt()).status()).not.toBe(429);
  const refused = await attempt();
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  expect((await refused.json()).message).toMatch(/Too many failed sign-in attempts/);
});

test("a 404 for an unknown address runs its scripts under the CSP nonce, with no console errors", async ({ page }) => {
  await signIn(page, "mia");
  const consoleErrors: string[] = [];
  page.on("console", (msg) => {
    if (msg.type() === "error" && !msg.text().includes("404 (Not Found)")) consoleErrors.push(msg.text());
  });
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  const nonce = /'nonce-([^']+)'/.exec(response?.headers()["content-security-policy"] ?? "")?.[1];
  expect(nonce).toBeTruthy();
  const html = await response!.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // Hydrated: the link navigates client-side, which a blocked script would not.
  await page.getByRole("link", { name: "Back to your home page" }).click();
  await expect(page).toHaveURL(/\/$/);
  expect(consoleErrors).toEqual([]);
});
