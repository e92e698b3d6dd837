import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, helpdeskConnections } from "@/db/schema";
import { listConnections, removeConnection, saveConnection, startSync, syncProgress, testConnection } from "@/lib/dal/connections";
import { useFreshDb } from "../../helpers/db";
import { idOf, seedDemoFast } from "../../helpers/demo";
import { signInAs } from "../../helpers/session";
import { makeRatings } from "../../fakes/helpdesk/dataset";
import { FAKE_CREDENTIALS, startFakeHelpdesk, type FakeHelpdesk } from "../../fakes/helpdesk/server";
import { mapFakeAgents, storedFakeRatings } from "./helpers";

vi.mock("@/lib/auth/session-source", () => import("../../helpers/session"));

const ctx = useFreshDb();
let fake: FakeHelpdesk;
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  fake = await startFakeHelpdesk({ ratings: makeRatings(9), pageSize: 4 });
  signInAs(idOf(ctx.db, "hr"));
});
afterEach(async () => {
  await fake.close();
});

const zendesk = () => ({
  name: "Acme Zendesk",
  source: "zendesk",
  baseUrl: fake.url,
  email: FAKE_CREDENTIALS.email,
  token: FAKE_CREDENTIALS.token,
  intervalMinutes: "60",
});

describe("helpdesk connections for HR", () => {
  it("stores credentials encrypted and never returns them, only a hint", async () => {
    const saved = await saveConnection(zendesk());
    expect(saved.ok).toBe(true);
    const row = (await ctx.db.select().from(helpdeskConnections))[0]!;
    expect(row.credentials).not.toContain(FAKE_CREDENTIALS.token);
    expect(row.credentials).not.toContain(FAKE_CREDENTIALS.email);
    const list = await listConnections();
    expect(JSON.stringify(list)).not.toContain(FAKE_CREDENTIALS.token);
    expect(JSON.stringify(list)).not.toContain(row.credentials);
    expect(list![0].credentialHint).toBe(`${FAKE_CREDENTIALS.email}, token ending …abcd`);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "connection.create"));
    expect(JSON.stringify(audit)).not.toContain(FAKE_CREDENTIALS.token);
  });

  it("explains what is missing or wrong, field by field", async () => {
    const bad = await saveConnection({ ...zendesk(), baseUrl: "http://acme.zendesk.com", token: "" });
    expect(bad).toMatchObject({ ok: false, fieldErrors: { baseUrl: expect.stringMatching(/https/) } });
    const noToken = await saveConnection({ ...zendesk(), token: "" });
    expect(noToken).toMatchObject({ ok: false, fieldErrors: { token: expect.stringMatching(/API token/) } });
    const chatwoot = await saveConnection({ name: "cw", source: "chatwoot", baseUrl: fake.url, token: "t" });
    expect(chatwoot).toMatchObject({ ok: false, fieldErrors: { token: expect.stringMatching(/account id/) } });
    await saveConnection(zendesk());
    expect(await saveConnection(zendesk())).toMatchObject({ ok: false, fieldErrors: { name: expect.stringMatching(/exists/) } });
  });

  it("edits keep the stored credentials unless new ones are given, which clear 'needs new credentials'", async () => {
    const saved = await saveConnection(zendesk());
    const id = saved.ok ? saved.id : 0;
    await ctx.db.update(helpdeskConnections).set({ status: "needs_credentials" }).where(eq(helpdeskConnections.id, id));
    expect(await saveConnection({ ...zendesk(), id: String(id), token: "", email: "", intervalMinutes: "15" })).toMatchObject({ ok: true });
    expect((await ctx.db.select().from(helpdeskConnections))[0]).toMatchObject({ intervalMinutes: 15, status: "needs_credentials" });
    expect((await testConnection({ id })).ok).toBe(true);
    expect(await saveConnection({ ...zendesk(), id: String(id), token: "new-token-000000000000wxyz" })).toMatchObject({ ok: true });
    expect((await ctx.db.select().from(helpdeskConnections))[0]).toMatchObject({
      status: "new",
      credentialHint: `${FAKE_CREDENTIALS.email}, token ending …wxyz`,
    });
    expect((await testConnection({ id })).message).toMatch(/refused the credentials \(HTTP 401\)/);
    // A new email alone keeps the stored token.
    expect(await saveConnection({ ...zendesk(), id: String(id), token: "", email: "other@acme.test" })).toMatchObject({ ok: true });
    expect((await ctx.db.select().from(helpdeskConnections))[0]!.credentialHint).toBe("other@acme.test, token ending …wxyz");
  });

  it("Sync now runs in the background and reports progress until it ends", async () => {
    await mapFakeAgents(ctx.db, "zendesk");
    const saved = await saveConnection(zendesk());
    const id = saved.ok ? saved.id : 0;
    expect(await startSync({ id })).toMatchObject({ ok: true });
    let progress = await syncProgress({ id });
    for (let i = 0; i < 100 && progress?.running; i++) {
      await new Promise((r) => setTimeout(r, 50));
      progress = await syncProgress({ id });
    }
    expect(progress).toMatchObject({ running: false, status: "ok", pages: 3, records: 9 });
    expect(await storedFakeRatings(ctx.db, "zendesk")).toHaveLength(9);
  });

  it("removing a connection keeps the CSAT it brought in", async () => {
    await mapFakeAgents(ctx.db, "zendesk");
    const saved = await saveConnection(zendesk());
    const id = saved.ok ? saved.id : 0;
    await startSync({ id });
    for (let i = 0; i < 100 && (await syncProgress({ id }))?.running; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await removeConnection({ id })).toMatchObject({ ok: true });
    expect(await listConnections()).toEqual([]);
    expect(await storedFakeRatings(ctx.db, "zendesk")).toHaveLength(9);
  });

  it("is for HR sessions only: others get nothing and are audited", async () => {
    await saveConnection(zendesk());
    signInAs(idOf(ctx.db, "mia"));
    expect(await listConnections()).toBeNull();
    expect(await saveConnection(zendesk())).toMatchObject({ ok: false });
    expect(await syncProgress({ id: 1 })).toBeNull();
    expect((await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).length).toBeGreaterThanOrEqual(3);
  });
});

describe("a changed KEEPER_SECRET_KEY", () => {
  it("asks for the credentials again instead of failing", async () => {
    const saved = await saveConnection(zendesk());
    const id = saved.ok ? saved.id : 0;
    const before = process.env.KEEPER_SECRET_KEY;
    process.env.KEEPER_SECRET_KEY = Buffer.alloc(32, 9).toString("base64");
    try {
      expect(await saveConnection({ ...zendesk(), id: String(id), token: "", email: "" })).toMatchObject({
        ok: false,
        fieldErrors: { token: expect.stringMatching(/another KEEPER_SECRET_KEY/) },
      });
      expect(await testConnection({ id })).toMatchObject({ ok: false, message: expect.stringMatching(/another KEEPER_SECRET_KEY/) });
      expect(await saveConnection({ ...zendesk(), id: String(id) })).toMatchObject({ ok: true });
      expect((await testConnection({ id })).ok).toBe(true);
    } finally {
      if (before === undefined) delete process.env.KEEPER_SECRET_KEY;
      else process.env.KEEPER_SECRET_KEY = before;
    }
  });
});
