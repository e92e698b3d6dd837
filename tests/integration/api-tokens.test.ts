import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { apiTokens, auditLog, employees } from "@/db/schema";
import { json, withViewer } from "@/lib/api/respond";
import { createApiToken, listApiTokens, revokeApiToken } from "@/lib/dal/api-tokens";
import { apiViewer } from "@/lib/dal/api-viewer";
import { getViewer } from "@/lib/dal/session";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs, useBearer } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

async function newToken(scope: "read" | "import" | "scim", expiresInDays = 30): Promise<string> {
  signInAs(idOf(ctx.db, "admin"));
  const created = await createApiToken({ name: `ci ${scope}`, scope, expiresInDays });
  if (!created.ok) throw new Error(created.message);
  return created.token;
}

const API = "http://localhost/api/v1/me";
const ok = (url = API) => withViewer(new Request(url), async (v) => json({ id: v.id, via: v.via }));

describe("API tokens", () => {
  it("are shown once, stored only as a hash, and authenticate as their admin creator", async () => {
    const token = await newToken("read");
    expect(token).toMatch(/^kpr_[A-Za-z0-9_-]{40,}$/);
    const stored = await ctx.db.select().from(apiTokens);
    expect(stored).toHaveLength(1);
    expect(JSON.stringify(stored)).not.toContain(token);
    useBearer(token);
    const viewer = await apiViewer(new Request(API));
    expect(viewer).toMatchObject({ id: idOf(ctx.db, "admin"), via: "token", tokenScope: "read" });
    expect((await ctx.db.select().from(apiTokens))[0]!.lastUsedAt).not.toBeNull();
    expect((await ok()).status).toBe(200);
  });

  it("reject unknown tokens with 401 and a wrong scope with 403", async () => {
    useBearer("kpr_not-a-real-token");
    expect((await ok()).status).toBe(401);
    const importToken = await newToken("import");
    useBearer(importToken);
    expect((await ok()).status).toBe(403);
    expect((await withViewer(new Request(API), async () => json({}), "import")).status).toBe(200);
  });

  it("stop working when revoked or expired, or when the creator is deactivated", async () => {
    const revoked = await newToken("read");
    const id = (await ctx.db.select().from(apiTokens))[0]!.id;
    expect((await revokeApiToken({ id })).ok).toBe(true);
    useBearer(revoked);
    expect(await apiViewer(new Request(API))).toBeNull();

    const expiring = await newToken("read", 1);
    await ctx.db
      .update(apiTokens)
      .set({ expiresAt: Date.now() - 1 })
      .where(eq(apiTokens.name, "ci read"));
    useBearer(expiring);
    expect(await apiViewer(new Request(API))).toBeNull();

    const live = await newToken("read", 5);
    await ctx.db
      .update(employees)
      .set({ active: false })
      .where(eq(employees.id, idOf(ctx.db, "admin")));
    useBearer(live);
    expect(await apiViewer(new Request(API))).toBeNull();
  });

  it("open only /api/v1, never pages, server actions or other routes, and never with the scim scope", async () => {
    const token = await newToken("read");
    useBearer(token);
    // Pages and server actions read the session cookie only.
    expect(await getViewer()).toBeNull();
    expect(await apiViewer(new Request("http://localhost/api/imports/csat"))).toBeNull();
    expect(await apiViewer(new Request("http://localhost/api/v1x/me"))).toBeNull();
    expect(await apiViewer(new Request("http://localhost/scim/v2/Users"))).toBeNull();
    expect((await ok("http://localhost/talent")).status).toBe(401);
    expect((await ok()).status).toBe(200);
    // The route handler's data-access calls see the token's viewer while it runs.
    const inner = await withViewer(new Request(API), async () => json({ id: (await getViewer())?.id }));
    expect(await inner.json()).toEqual({ id: idOf(ctx.db, "admin") });
    expect(await getViewer()).toBeNull();

    const scim = await newToken("scim");
    useBearer(scim);
    expect((await ok()).status).toBe(401);
    expect((await ctx.db.select().from(apiTokens).where(eq(apiTokens.scope, "scim")))[0]!.lastUsedAt).toBeNull();
  });

  it("can be created, listed and revoked by HR and admins only, and each step is audited", async () => {
    signInAs(idOf(ctx.db, "mia"));
    expect((await createApiToken({ name: "x", scope: "read", expiresInDays: 1 })).ok).toBe(false);
    expect(await listApiTokens()).toBeNull();
    await newToken("read");
    expect((await listApiTokens())!.tokens).toHaveLength(1);
    const actions = (await ctx.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["access.denied", "api_token.create"]));
  });

  it("made by HR act as HR (people data); HR sees and revokes only its own and never makes scim tokens", async () => {
    const adminToken = await newToken("read");
    const adminTokenId = (await ctx.db.select().from(apiTokens))[0]!.id;
    signInAs(idOf(ctx.db, "hr"));
    const listed = await listApiTokens();
    expect(listed).toMatchObject({ tokens: [], scopes: ["read", "import"] });
    const scim = await createApiToken({ name: "idp", scope: "scim", expiresInDays: 30 });
    expect(scim).toMatchObject({ ok: false, fieldErrors: { scope: expect.stringMatching(/admins/) } });
    const created = await createApiToken({ name: "hris nightly", scope: "read", expiresInDays: 30 });
    if (!created.ok) throw new Error(created.message);
    expect((await listApiTokens())!.tokens.map((t) => t.name)).toEqual(["hris nightly"]);
    expect((await revokeApiToken({ id: adminTokenId })).ok).toBe(false);

    // The HR token reads what HR reads; the admin's reads no people data (admins are not HR).
    useBearer(created.token);
    const asHr = await apiViewer(new Request(API));
    expect(asHr).toMatchObject({ id: idOf(ctx.db, "hr"), isHr: true, via: "token" });
    useBearer(adminToken);
    expect(await apiViewer(new Request(API))).toMatchObject({ id: idOf(ctx.db, "admin"), isHr: false });

    // An HR token dies when its owner stops being HR.
    await ctx.db
      .update(employees)
      .set({ role: "agent" })
      .where(eq(employees.id, idOf(ctx.db, "hr")));
    useBearer(created.token);
    expect(await apiViewer(new Request(API))).toBeNull();

    signInAs(idOf(ctx.db, "admin"));
    expect((await listApiTokens())!.tokens.map((t) => t.name).sort()).toEqual(["ci read", "hris nightly"]);
  });

  it("validate the form", async () => {
    signInAs(idOf(ctx.db, "admin"));
    const result = await createApiToken({ name: " ", scope: "write", expiresInDays: 999 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(Object.keys(result.fieldErrors ?? {}).sort()).toEqual(["expiresInDays", "name", "scope"]);
  });
});
