import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

test("every response carries a request id, and the audit log records it", async ({ page, request }) => {
  const login = await request.get("/login");
  expect(login.headers()["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
  const quoted = await request.get("/login", { headers: { "x-request-id": "lb-e2e-000001" } });
  expect(quoted.headers()["x-request-id"]).toBe("lb-e2e-000001");

  // Ava asks for HR's audit page: denied, and the denial is written with this request's id.
  await signIn(page, "ava");
  const denied = await page.request.get("/hr/audit", { headers: { "x-request-id": "e2e-denied-000001" } });
  expect(denied.status()).toBe(404);
  await page.context().clearCookies();
  await signIn(page, "hr");
  await page.goto("/hr/audit");
  await page.getByLabel("Person, target or request id").fill("e2e-denied-000001");
  await page.getByRole("button", { name: "Apply" }).click();
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("access.denied");
  await expect(rows.nth(1)).toContainText("request e2e-denied-000001");
});

test("the health check and the API description answer without credentials", async ({ request }) => {
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok", database: "ok", migrations: { current: true } });
  const doc = await request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  const body = await doc.json();
  expect(body.openapi).toBe("3.1.0");
  expect(Object.keys(body.paths)).toEqual(expect.arrayContaining(["/api/v1/reviews", "/api/v1/talent"]));
  // Nothing else opened up: the API itself still wants credentials.
  expect((await request.get("/api/v1/reviews?cycle=2026-Q3")).status()).toBe(401);
});

test("API lists come in pages that a client follows to the end", async ({ page }) => {
  await signIn(page, "hr");
  const seen: number[] = [];
  let next: string | null = "/api/v1/reviews?cycle=2026-Q3&limit=10";
  while (next) {
    const res = await page.request.get(next);
    expect(res.status()).toBe(200);
    const body = (await res.json()) as { reviews: { id: number }[]; next: string | null };
    expect(body.reviews.length).toBeLessThanOrEqual(10);
    seen.push(...body.reviews.map((r) => r.id));
    next = body.next;
  }
  expect(seen.length).toBeGreaterThan(10);
  expect(new Set(seen).size).toBe(seen.length);
});
