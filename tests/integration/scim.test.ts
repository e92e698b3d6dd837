import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { and, eq, sql } from "drizzle-orm";
import { row as rawRow } from "@/db/raw";
import * as users from "@/app/scim/v2/Users/route";
import * as user from "@/app/scim/v2/Users/[id]/route";
import * as unknown from "@/app/scim/v2/[...unknown]/route";
import { GET as resourceTypes } from "@/app/scim/v2/ResourceTypes/route";
import { GET as schemasRoute } from "@/app/scim/v2/Schemas/route";
import { GET as serviceProviderConfig } from "@/app/scim/v2/ServiceProviderConfig/route";
import { apiTokens, auditLog, csatRollups, employees, reviews, teams } from "@/db/schema";
import { createApiToken } from "@/lib/dal/api-tokens";
import { getViewer } from "@/lib/dal/session";
import { getTalentApiPage } from "@/lib/dal/talent-api";
import { getTalentOverview } from "@/lib/dal/talent-overview";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
const ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";
const PATCH_OP = "urn:ietf:params:scim:api:messages:2.0:PatchOp";
let token: string;

async function newToken(scope: "read" | "import" | "scim"): Promise<string> {
  signInAs(idOf(ctx.db, "admin"));
  const created = await createApiToken({ name: `idp ${scope}`, scope, expiresInDays: 30 });
  if (!created.ok) throw new Error(created.message);
  signInAs(null);
  return created.token;
}

beforeEach(async () => {
  await seedDemoFast(ctx.db);
  token = await newToken("scim");
});

type Handler = (request: NextRequest, context?: { params: Promise<{ id: string }> }) => Promise<Response>;
const handler = (mod: object, method: string) => (mod as Record<string, Handler>)[method];

// The body is whatever the endpoint answered: SCIM documents of several shapes, read field by field.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type ScimBody = any;

/** One SCIM request, routed to the handler Next would run, as an IdP sends it. */
async function scim(
  method: string,
  path: string,
  body?: unknown,
  bearer: string | null = token,
): Promise<{ status: number; type: string | null; json: ScimBody }> {
  const headers: Record<string, string> = { accept: "application/scim+json" };
  if (bearer) headers.authorization = `Bearer ${bearer}`;
  if (body !== undefined) headers["content-type"] = "application/scim+json";
  const request = new NextRequest(`https://keeper.example.test/scim/v2${path}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const [pathname] = path.split("?");
  const id = /^\/Users\/([^/]+)$/.exec(pathname)?.[1];
  let res: Response;
  if (pathname === "/Users") res = await handler(users, method)(request);
  else if (id !== undefined) res = await handler(user, method)(request, { params: Promise.resolve({ id: decodeURIComponent(id) }) });
  else if (pathname === "/ServiceProviderConfig") res = await serviceProviderConfig(request);
  else if (pathname === "/Schemas") res = await schemasRoute(request);
  else if (pathname === "/ResourceTypes") res = await resourceTypes(request);
  else res = await handler(unknown, method)(request);
  const text = await res.text();
  return { status: res.status, type: res.headers.get("content-type"), json: text ? JSON.parse(text) : null };
}

const row = async (email: string) => (await ctx.db.select().from(employees).where(eq(employees.email, email)))[0];
const talentVersion = async () =>
  (await rawRow<{ version: number }>(ctx.db, sql`select version from data_versions where topic = 'talent'`))!.version;
const audits = async (action: string) => await ctx.db.select().from(auditLog).where(eq(auditLog.action, action));

describe("SCIM authentication", () => {
  it("answers 401 in SCIM's error format without a token, with another scope, a revoked token or a session", async () => {
    for (const bearer of [null, "kpr_nonsense", await newToken("read"), await newToken("import")]) {
      const res = await scim("GET", "/Users", undefined, bearer);
      expect(res.status).toBe(401);
      expect(res.type).toContain("application/scim+json");
      expect(res.json).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "401" });
    }
    // A signed-in admin's browser session is no SCIM credential.
    signInAs(idOf(ctx.db, "admin"));
    expect((await scim("GET", "/Users", undefined, null)).status).toBe(401);
    signInAs(null);
    // The token dies with its owner's admin rights.
    await ctx.db
      .update(employees)
      .set({ role: "hr" })
      .where(eq(employees.id, idOf(ctx.db, "admin")));
    expect((await scim("GET", "/ServiceProviderConfig")).status).toBe(401);
  });

  it("serves the discovery documents and SCIM errors for what it does not implement", async () => {
    const config = await scim("GET", "/ServiceProviderConfig");
    expect(config.json).toMatchObject({ patch: { supported: true }, filter: { supported: true }, bulk: { supported: false } });
    expect((await scim("GET", "/Schemas")).json.Resources.map((s: { id: string }) => s.id)).toEqual([
      "urn:ietf:params:scim:schemas:core:2.0:User",
      ENTERPRISE,
    ]);
    expect((await scim("GET", "/ResourceTypes")).json.Resources[0]).toMatchObject({ id: "User", endpoint: "/Users" });
    const groups = await scim("GET", "/Groups");
    expect(groups).toMatchObject({ status: 404, json: { status: "404" } });
    expect((await scim("GET", '/Users?filter=displayName co "a"')).json).toMatchObject({ status: "400", scimType: "invalidFilter" });
    expect((await scim("GET", "/Users/99999")).json).toMatchObject({ status: "404" });
    const wrongMethod = await scim("POST", `/Users/${idOf(ctx.db, "ava")}`, {});
    expect(wrongMethod).toMatchObject({ status: 405, json: { schemas: ["urn:ietf:params:scim:api:messages:2.0:Error"], status: "405" } });
    expect(wrongMethod.type).toContain("application/scim+json");
    expect((await scim("DELETE", "/Users")).status).toBe(405);
  });
});

describe("Okta's provisioning sequence", () => {
  it("looks the user up by userName, creates them, reads them back, updates the profile and deactivates them", async () => {
    const mia = idOf(ctx.db, "mia");
    // 1. Okta checks whether the user exists (case differs from what it will create).
    const lookup = await scim(
      "GET",
      `/Users?filter=${encodeURIComponent('userName eq "Zoe.Quill@demo.keeper.test"')}&startIndex=1&count=100`,
    );
    expect(lookup.status).toBe(200);
    expect(lookup.json).toMatchObject({ schemas: ["urn:ietf:params:scim:api:messages:2.0:ListResponse"], totalResults: 0, Resources: [] });

    // 2. POST the user as Okta sends it.
    const created = await scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
      userName: "Zoe.Quill@demo.keeper.test",
      name: { givenName: "Zoe", familyName: "Quill" },
      emails: [{ primary: true, value: "Zoe.Quill@demo.keeper.test", type: "work" }],
      displayName: "Zoe Quill",
      title: "Customer Support Agent",
      locale: "en-US",
      externalId: "00u1abcd",
      groups: [],
      password: "ignored-Keeper-never-stores-it",
      active: true,
      [ENTERPRISE]: { department: "Team Portland", manager: { value: String(mia) } },
    });
    expect(created.status).toBe(201);
    expect(created.type).toContain("application/scim+json");
    const id = created.json.id;
    expect(created.json).toMatchObject({
      userName: "zoe.quill@demo.keeper.test",
      displayName: "Zoe Quill",
      active: true,
      [ENTERPRISE]: { department: "Team Portland", manager: { value: String(mia) } },
    });
    const stored = (await row("zoe.quill@demo.keeper.test"))!;
    expect(stored).toMatchObject({
      name: "Zoe Quill",
      title: "Customer Support Agent",
      role: "agent",
      managerId: mia,
      passwordHash: null,
      active: true,
    });
    expect(stored.teamId).toBe((await ctx.db.select().from(teams).where(eq(teams.name, "Team Portland")))[0]!.id);
    expect(await audits("scim.user.create")).toHaveLength(1);

    // The same userName again is a conflict, not a second person.
    expect((await scim("POST", "/Users", { userName: "zoe.quill@demo.keeper.test" })).json).toMatchObject({
      status: "409",
      scimType: "uniqueness",
    });

    // 3. GET by id, and the filter now finds her.
    expect((await scim("GET", `/Users/${id}`)).json).toMatchObject({
      id,
      userName: "zoe.quill@demo.keeper.test",
      meta: { resourceType: "User" },
    });
    expect((await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "zoe.quill@demo.keeper.test"')}`)).json.totalResults).toBe(
      1,
    );

    // 4. PUT with a new title and a new team (created on the fly).
    const version = await talentVersion();
    const put = await scim("PUT", `/Users/${id}`, {
      ...created.json,
      title: "Senior Customer Support Agent",
      [ENTERPRISE]: { department: "Team Seattle", manager: { value: String(mia) } },
    });
    expect(put.status).toBe(200);
    expect((await row("zoe.quill@demo.keeper.test"))!.title).toBe("Senior Customer Support Agent");
    expect((await ctx.db.select().from(teams).where(eq(teams.name, "Team Seattle")))[0]).toBeTruthy();
    expect(await talentVersion()).toBeGreaterThan(version);

    // Re-sending the same user changes nothing: no write, no audit, no version bump.
    const before = {
      row: await row("zoe.quill@demo.keeper.test"),
      version: await talentVersion(),
      audits: (await ctx.db.select().from(auditLog)).length,
    };
    expect((await scim("PUT", `/Users/${id}`, put.json)).status).toBe(200);
    expect(
      (
        await scim("PATCH", `/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: "replace", value: { active: true, title: "Senior Customer Support Agent" } }],
        })
      ).status,
    ).toBe(200);
    expect({
      row: await row("zoe.quill@demo.keeper.test"),
      version: await talentVersion(),
      audits: (await ctx.db.select().from(auditLog)).length,
    }).toEqual(before);

    // 5. Okta deactivates with PATCH replace active false (no path).
    const off = await scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "replace", value: { active: false } }] });
    expect(off.status).toBe(200);
    expect(off.json.active).toBe(false);
    expect((await row("zoe.quill@demo.keeper.test"))!.active).toBe(false);
    expect(await audits("scim.user.deactivate")).toHaveLength(1);
  });
});

describe("Entra ID's provisioning sequence", () => {
  it("filters, creates, then patches with capitalised operations, with and without a path, including the manager", async () => {
    const noah = idOf(ctx.db, "noah");
    const grace = idOf(ctx.db, "grace");
    expect((await scim("GET", `/Users?filter=${encodeURIComponent('userName eq "sam.rivera@demo.keeper.test"')}`)).json.totalResults).toBe(
      0,
    );
    const created = await scim("POST", "/Users", {
      schemas: ["urn:ietf:params:scim:schemas:core:2.0:User", ENTERPRISE],
      externalId: "sam.rivera",
      userName: "sam.rivera@demo.keeper.test",
      active: true,
      displayName: "Sam Rivera",
      emails: [{ primary: true, type: "work", value: "sam.rivera@demo.keeper.test" }],
      meta: { resourceType: "User" },
      name: { formatted: "Sam Rivera", familyName: "Rivera", givenName: "Sam" },
      roles: [],
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    expect(await row("sam.rivera@demo.keeper.test")).toMatchObject({ name: "Sam Rivera", managerId: null, teamId: null });

    // Entra's attribute update: "Replace"/"Add" with a path, the manager as a bare id string.
    const patched = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "title", value: "Customer Support Agent" },
        { op: "Add", path: `${ENTERPRISE}:department`, value: "Team Denver" },
        { op: "Add", path: `${ENTERPRISE}:manager`, value: String(noah) },
        { op: "Replace", path: "name.familyName", value: "Rivera-Lopez" },
      ],
    });
    expect(patched.status).toBe(200);
    expect(await row("sam.rivera@demo.keeper.test")).toMatchObject({
      title: "Customer Support Agent",
      managerId: noah,
      name: "Sam Rivera-Lopez",
    });
    expect(patched.json[ENTERPRISE]).toMatchObject({ department: "Team Denver", manager: { value: String(noah) } });

    // Without a path: attributes by name, the manager as { value }.
    await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", value: { displayName: "Samantha Rivera", [`${ENTERPRISE}:manager`]: { value: String(grace) } } }],
    });
    expect(await row("sam.rivera@demo.keeper.test")).toMatchObject({ name: "Samantha Rivera", managerId: grace });
    // Entra adds the new manager's bare id over the existing one.
    expect(
      (
        await scim("PATCH", `/Users/${id}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: "Add", path: `${ENTERPRISE}:manager`, value: String(noah) }],
        })
      ).status,
    ).toBe(200);
    expect((await row("sam.rivera@demo.keeper.test"))!.managerId).toBe(noah);

    // Removing the manager.
    await scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "Remove", path: `${ENTERPRISE}:manager` }] });
    expect((await row("sam.rivera@demo.keeper.test"))!.managerId).toBeNull();

    // An unknown manager id is a 400, and nothing changes.
    const bad = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: "title", value: "Lead" },
        { op: "Add", path: `${ENTERPRISE}:manager`, value: "987654" },
      ],
    });
    expect(bad.json).toMatchObject({ status: "400", scimType: "invalidValue" });
    expect((await row("sam.rivera@demo.keeper.test"))!.title).toBe("Customer Support Agent");

    // Entra's deactivation: active as the string "False".
    const off = await scim("PATCH", `/Users/${id}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "active", value: "False" }],
    });
    expect(off.json.active).toBe(false);
    const on = await scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP], Operations: [{ op: "Replace", value: { active: "True" } }] });
    expect(on.json.active).toBe(true);
    expect(await audits("scim.user.reactivate")).toHaveLength(1);

    // Malformed PATCH bodies are SCIM 400s.
    expect((await scim("PATCH", `/Users/${id}`, { Operations: [{ op: "explode", path: "title" }] })).json).toMatchObject({ status: "400" });
    expect((await scim("PATCH", `/Users/${id}`, { schemas: [PATCH_OP] })).json).toMatchObject({ status: "400", scimType: "invalidSyntax" });
  });
});

describe("provisioning rules", () => {
  it("refuses a manager that would make a reporting loop, naming it", async () => {
    const director = idOf(ctx.db, "director");
    const mia = idOf(ctx.db, "mia");
    const res = await scim("PATCH", `/Users/${director}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: `${ENTERPRISE}:manager`, value: { value: String(mia) } }],
    });
    expect(res.status).toBe(400);
    expect(res.json.detail).toContain("director@demo.keeper.test → mia@demo.keeper.test");
    expect((await row("director@demo.keeper.test"))!.managerId).toBeNull();
    expect(
      (
        await scim("PATCH", `/Users/${mia}`, {
          schemas: [PATCH_OP],
          Operations: [{ op: "replace", path: `${ENTERPRISE}:manager`, value: String(mia) }],
        })
      ).json.detail,
    ).toContain("mia@demo.keeper.test");
  });

  it("deactivation (PATCH or DELETE) ends sessions and tokens at once and keeps reviews and CSAT", async () => {
    const ava = idOf(ctx.db, "ava");
    const adminId = idOf(ctx.db, "admin");
    signInAs(ava);
    expect(await getViewer()).not.toBeNull();
    const reviewsBefore = (await ctx.db.select().from(reviews).where(eq(reviews.employeeId, ava))).length;
    const csatBefore = (await ctx.db.select().from(csatRollups).where(eq(csatRollups.employeeId, ava))).length;
    expect(reviewsBefore).toBeGreaterThan(0);

    const gone = await scim("DELETE", `/Users/${ava}`);
    expect(gone.status).toBe(204);
    signInAs(ava);
    expect(await getViewer()).toBeNull();
    expect(await ctx.db.select().from(reviews).where(eq(reviews.employeeId, ava))).toHaveLength(reviewsBefore);
    expect(await ctx.db.select().from(csatRollups).where(eq(csatRollups.employeeId, ava))).toHaveLength(csatBefore);
    expect((await audits("scim.user.deactivate"))[0]).toMatchObject({ actorId: adminId, targetId: String(ava) });

    // A second admin's tokens are revoked when IT deactivates them; the SCIM token itself is the first admin's.
    await ctx.db
      .update(employees)
      .set({ role: "admin" })
      .where(eq(employees.id, idOf(ctx.db, "hr")));
    signInAs(idOf(ctx.db, "hr"));
    const hrToken = await createApiToken({ name: "hr read", scope: "read", expiresInDays: 5 });
    expect(hrToken.ok).toBe(true);
    await scim("PATCH", `/Users/${idOf(ctx.db, "hr")}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "replace", path: "active", value: false }],
    });
    expect(
      (
        await ctx.db
          .select()
          .from(apiTokens)
          .where(and(eq(apiTokens.name, "hr read")))
      )[0]!.revokedAt,
    ).not.toBeNull();
  });

  it("is reflected in the memoised talent figures at once, and never rewrites a past cycle", async () => {
    signInAs(idOf(ctx.db, "hr"));
    const overview = async () => {
      const result = await getTalentOverview({ cycle: "2026-Q3" });
      if (!result.ok) throw new Error(result.reason);
      return result.value.teams.map((t) => [t.team, t.headcount]);
    };
    const namesInApi = async () => {
      const page = await getTalentApiPage({ cycle: "2026-Q3" }, { afterTeam: null, limit: 500 });
      if (!page.ok) throw new Error(page.reason);
      return page.value.body.toString("utf8");
    };
    const before = await overview();
    expect(await namesInApi()).toContain("Ava Thompson");
    const ava = idOf(ctx.db, "ava");
    // A rename shows on the memoised talent API at once (the memo follows the employees table).
    const renamed = await scim("PATCH", `/Users/${ava}`, {
      schemas: [PATCH_OP],
      Operations: [{ op: "Replace", path: "displayName", value: "Ava Okafor-Thompson" }],
    });
    expect(renamed.status).toBe(200);
    signInAs(idOf(ctx.db, "hr"));
    expect(await namesInApi()).toContain("Ava Okafor-Thompson");
    // A move changes today's org chart, but the released cycle keeps the teams it recorded.
    const moved = await scim("PATCH", `/Users/${ava}`, {
      schemas: [PATCH_OP],
      Operations: [
        { op: "Replace", path: `${ENTERPRISE}:department`, value: "Team Denver" },
        { op: "Replace", path: `${ENTERPRISE}:manager`, value: String(idOf(ctx.db, "noah")) },
      ],
    });
    expect(moved.status).toBe(200);
    expect((await ctx.db.select({ managerId: employees.managerId }).from(employees).where(eq(employees.id, ava)))[0]!.managerId).toBe(
      idOf(ctx.db, "noah"),
    );
    signInAs(idOf(ctx.db, "hr"));
    expect(await overview()).toEqual(before);
  });

  it("pages the list with startIndex and count", async () => {
    const total = (await ctx.db.select().from(employees)).length;
    const page = await scim("GET", "/Users?startIndex=3&count=2");
    expect(page.json).toMatchObject({ totalResults: total, startIndex: 3, itemsPerPage: 2 });
    const ids = (await ctx.db.select({ id: employees.id }).from(employees).orderBy(employees.id)).map((e) => String(e.id));
    expect(page.json.Resources.map((r: { id: string }) => r.id)).toEqual(ids.slice(2, 4));
    expect((await scim("GET", "/Users?count=0")).json).toMatchObject({ totalResults: total, Resources: [] });
  });
});
