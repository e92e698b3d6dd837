import { expect, request as playwrightRequest, test, type APIRequestContext } from "@playwright/test";
import { API_CASES, LOGINS, PAGE_CASES, ROLES, SCIM_CASES, type AccessRole, type HttpCase, type Ids } from "../access/inventory";
import { one } from "./db";
import { PASSWORD } from "./helpers";

// Every page and API route, for every role, over HTTP against the production server:
// allowed roles get 200, everyone else 404, anonymous visitors the login page (pages) or 401 (API).

let ids: Ids;
const contexts = new Map<AccessRole, APIRequestContext>();

async function signedIn(baseURL: string, role: AccessRole): Promise<APIRequestContext> {
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = await (await context.get("/api/auth/csrf")).json();
  const res = await context.post("/api/auth/callback/credentials", {
    form: { csrfToken, email: `${LOGINS[role]}@demo.keeper.test`, password: PASSWORD },
    maxRedirects: 0,
  });
  expect(res.status(), `sign in as ${role}`).toBe(302);
  return context;
}

test.beforeAll(async ({ baseURL }) => {
  for (const role of ROLES) contexts.set(role, await signedIn(baseURL!, role));
  const hr = contexts.get("hr")!;
  const created = await hr.post("/api/imports/csat?source=csv", {
    data: "response_id,agent_email,rating,scale_max,responded_at\n",
    headers: { "content-type": "application/octet-stream", "x-file-name": "matrix.csv" },
  });
  expect(created.status()).toBe(200);
  const id = async (sql: string, params: unknown[] = []) => (await one<{ id: number }>(sql, params)).id;
  const ava = await id("select id from employees where email = 'ava@demo.keeper.test'");
  ids = {
    ava,
    avaQ3Review: await id(
      "select r.id as id from reviews r join cycles c on c.id = r.cycle_id where c.key = '2026-Q3' and r.employee_id = ?",
      [ava],
    ),
    portlandTeam: await id("select id from teams where name = 'Team Portland'"),
    latestImport: (await created.json()).importId,
  };
});

test.afterAll(async () => {
  for (const c of contexts.values()) await c.dispose();
});

async function send(context: APIRequestContext, c: HttpCase) {
  return c.method === "GET"
    ? context.get(c.path(ids), { maxRedirects: 0 })
    : context.post(c.path(ids), { data: c.body, headers: { "content-type": c.contentType ?? "application/json" }, maxRedirects: 0 });
}

for (const c of [...PAGE_CASES, ...API_CASES]) {
  const isApi = c.file.startsWith("app/api/");
  test(`${c.method} ${c.file}`, async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const anon = await send(anonymous, c);
    if (isApi) expect(anon.status(), "anonymous").toBe(401);
    else {
      expect(anon.status(), "anonymous").toBe(307);
      expect(anon.headers()["location"]).toContain("/login");
    }
    await anonymous.dispose();

    const outcomes = [];
    for (const role of ROLES) {
      const res = await send(contexts.get(role)!, c);
      outcomes.push({ role, status: res.status() === 422 ? 200 : res.status() });
    }
    expect(outcomes).toEqual(ROLES.map((role) => ({ role, status: c.allow.includes(role) ? 200 : 404 })));
  });
}

// The main navigation is a hint from the same policy as the pages: it never offers a page the role
// would get a 404 for, and the admin (not HR: docs/decisions/0012-admins-are-not-hr.md) is offered
// the audit log, tokens and outbox but nothing of the people side.
test("the main navigation offers each role only pages it may open", async () => {
  const pathOf = (c: HttpCase) => c.path(ids).split("?")[0];
  for (const role of ROLES) {
    const html = await (await contexts.get(role)!.get("/")).text();
    const nav = html.match(/<nav aria-label="Main"[\s\S]*?<\/nav>/)?.[0] ?? "";
    const hrefs = [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]).filter((h) => h !== "/");
    expect(hrefs.length, `${role} has a navigation`).toBeGreaterThan(0);
    for (const href of hrefs) {
      const page = PAGE_CASES.find((c) => pathOf(c) === href);
      expect(page, `${role}: ${href} is in the access inventory`).toBeDefined();
      expect(page!.allow, `${role} is offered ${href}`).toContain(role);
    }
    if (role === "admin") {
      expect(hrefs).toEqual(expect.arrayContaining(["/hr/audit", "/admin/tokens", "/admin/outbox"]));
      expect(hrefs.filter((h) => h.startsWith("/talent") || h === "/hr/cycles" || h === "/hr/import")).toEqual([]);
    }
  }
});
// Provisioning takes a scim token only: no session, whatever its role, opens it.
for (const c of SCIM_CASES) {
  test(`${c.method} ${c.file} (sessions never open SCIM)`, async ({ baseURL }) => {
    const anonymous = await playwrightRequest.newContext({ baseURL });
    const statuses = [(await send(anonymous, c)).status()];
    await anonymous.dispose();
    for (const role of ROLES) {
      const res = await send(contexts.get(role)!, c);
      expect(res.headers()["content-type"]).toContain("application/scim+json");
      statuses.push(res.status());
    }
    expect(statuses).toEqual([401, ...ROLES.map(() => 401)]);
  });
}
