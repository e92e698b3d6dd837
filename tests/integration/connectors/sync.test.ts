import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { csatImports, csatResponses, helpdeskSyncRuns, notifications } from "@/db/schema";
import { syncConnection } from "@/lib/connectors/sync";
import { freshDb, useFreshDb } from "../../helpers/db";
import { idOf, seedDemoFast } from "../../helpers/demo";
import { makeRatings } from "../../fakes/helpdesk/dataset";
import { startFakeHelpdesk, type FakeHelpdesk } from "../../fakes/helpdesk/server";
import { connect, connectionRow, FAST_HTTP, figures, mapFakeAgents, storedFakeRatings, VENDORS } from "./helpers";

const ctx = useFreshDb();
let fake: FakeHelpdesk;
const NOW = Date.now();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  fake = await startFakeHelpdesk({ ratings: makeRatings(23, NOW), pageSize: 4 });
});
afterEach(async () => {
  await fake.close();
});

const sync = (id: number, extra: Parameters<typeof syncConnection>[1] extends infer O ? Partial<O> : never = {}) =>
  syncConnection(id, { trigger: "cli", http: FAST_HTTP, ...extra });

for (const vendor of VENDORS) {
  describe(`${vendor} connector`, () => {
    /** Freshdesk pages are 100 long: give it enough ratings for three pages. */
    const big = vendor === "freshdesk";
    beforeEach(async () => {
      if (big) fake.ratings = makeRatings(230, NOW);
      await mapFakeAgents(ctx.db, vendor);
    });

    it("a first sync reads every page through the importer and reports it in the import history", async () => {
      const id = await connect(vendor, fake);
      const out = await sync(id);
      expect(out).toMatchObject({ status: "ok", error: null, imported: fake.ratings.length, updated: 0, unmatched: 1 });
      expect(out.pages).toBeGreaterThan(2);
      const stored = await storedFakeRatings(ctx.db, vendor);
      expect(stored).toHaveLength(fake.ratings.length);
      const ava = idOf(ctx.db, "ava");
      const avaRatings = fake.ratings.filter((r) => r.agentId === 9001);
      expect(stored.filter((r) => r.employeeId === ava)).toHaveLength(avaRatings.length);
      expect(stored.filter((r) => r.employeeId === ava && r.satisfied)).toHaveLength(avaRatings.filter((r) => r.good).length);
      const history = (await ctx.db.select().from(csatImports).where(eq(csatImports.id, out.importId!)))[0]!;
      expect(history).toMatchObject({ via: "sync", source: vendor, imported: fake.ratings.length, rejected: 0 });
      expect((history.report as { unmatched: { externalId: string; count: number }[] }).unmatched).toEqual([
        { source: vendor, externalId: "9003", count: fake.ratings.filter((r) => r.agentId === 9003).length },
      ]);
      const conn = await connectionRow(ctx.db, id);
      expect(conn).toMatchObject({ status: "ok", resume: null, leaseUntil: null, lastError: null });
      expect(conn.cursorSince).toBeGreaterThan(0);
      expect(conn.nextRunAt).toBeGreaterThan(Date.now() + 59 * 60_000);
    });

    it("an incremental sync picks up a changed rating (bad → good) and a new one, and leaves the rest unchanged", async () => {
      // A recent rating, bad at first: customers change their minds within days.
      const bad = fake.ratings.at(-1)!;
      Object.assign(bad, { good: false, agentId: 9001 });
      const id = await connect(vendor, fake);
      await sync(id);
      bad.good = true;
      bad.updatedAt = Date.now();
      fake.ratings.push({
        id: 99_999,
        agentId: 9001,
        good: true,
        createdAt: Date.now() - 60_000,
        updatedAt: Date.now() - 60_000,
        comment: null,
      });
      fake.served = [];
      const out = await sync(id);
      expect(out).toMatchObject({ status: "ok", imported: 1, updated: 1 });
      const row = (
        await ctx.db
          .select()
          .from(csatResponses)
          .where(and(eq(csatResponses.source, vendor), eq(csatResponses.sourceRecordId, String(bad.id))))
      )[0]!;
      expect(row.satisfied).toBe(true);
      // Incremental: only the lookback window is read again, not the whole history.
      if (!big) expect(fake.served.length).toBeLessThan(5);
      // The same rating from a file is the same response: importing it again changes nothing.
      expect(await storedFakeRatings(ctx.db, vendor)).toHaveLength(fake.ratings.length);
    });

    it("a sync that crashes after page 2 loses nothing: the next one finishes with the figures of a clean run", async () => {
      const id = await connect(vendor, fake);
      fake.dropFromPage = 3;
      const failed = await sync(id);
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(/network error|gave up/);
      expect(failed.pages).toBe(2);
      const conn = await connectionRow(ctx.db, id);
      expect(conn.resume).not.toBeNull();
      expect(conn.cursorSince).toBeNull();
      fake.dropFromPage = null;
      const resumed = await sync(id);
      expect(resumed.status).toBe("ok");
      // Pages 1 and 2 are not read again.
      expect(resumed.imported + failed.imported).toBe(fake.ratings.length);
      const afterCrash = await figures(ctx.db, vendor);

      // The same helpdesk synced once, without a crash, into a database of its own.
      const clean = await freshDb();
      try {
        await seedDemoFast(clean.db);
        await mapFakeAgents(clean.db, vendor);
        const cleanRun = await sync(await connect(vendor, fake));
        expect(cleanRun.status).toBe("ok");
        expect(await figures(clean.db, vendor)).toEqual(afterCrash);
      } finally {
        await clean.dispose();
        // freshDb replaced the process database; put the test's back for its afterEach.
        (await import("@/db/client")).setDb(ctx.db);
      }
    });

    it("a 401 marks the connection as needing new credentials, tells HR once, and keeps the cursor", async () => {
      const id = await connect(vendor, fake);
      await sync(id);
      const cursor = (await connectionRow(ctx.db, id)).cursorSince;
      fake.token = "revoked";
      const out = await sync(id);
      expect(out.status).toBe("needs_credentials");
      expect(await connectionRow(ctx.db, id)).toMatchObject({ status: "needs_credentials", cursorSince: cursor });
      await sync(id);
      const hr = idOf(ctx.db, "hr");
      const told = await ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, hr), eq(notifications.kind, "connection_credentials")));
      expect(told).toHaveLength(1);
      expect(told[0].link).toBe("/hr/connections");
      expect(JSON.stringify(told)).not.toContain("fake-token");
    });
  });
}

describe("real-world faults", () => {
  beforeEach(async () => mapFakeAgents(ctx.db, "zendesk"));

  it("retries a 429 after its Retry-After and a 500 with backoff, then completes", async () => {
    const id = await connect("zendesk", fake);
    fake.faults = [{ kind: "429", retryAfter: "2" }, { kind: "500" }];
    const waits: number[] = [];
    const out = await sync(id, {
      http: {
        ...FAST_HTTP,
        backoff: { maxAttempts: 4, baseMs: 1, capMs: 30_000, maxTotalMs: 60_000 },
        sleep: async (ms) => void waits.push(ms),
      },
    });
    expect(out.status).toBe("ok");
    expect(out.imported).toBe(23);
    expect(waits[0]).toBeGreaterThanOrEqual(2000);
    expect(waits[1]).toBeLessThanOrEqual(2);
  });

  it("a page slower than the timeout fails the sync after bounded retries; the next sync completes it", async () => {
    const id = await connect("zendesk", fake);
    await sync(id, {
      afterPage: () =>
        void (fake.faults = [
          { kind: "slow", ms: 800 },
          { kind: "slow", ms: 800 },
        ]),
      http: { ...FAST_HTTP, timeoutMs: 300, backoff: { maxAttempts: 2, baseMs: 1, capMs: 1, maxTotalMs: 5000 } },
    }).then((out) => {
      expect(out.status).toBe("failed");
      expect(out.error).toMatch(/no answer within/);
      expect(out.pages).toBe(1);
    });
    fake.faults = [];
    const out = await sync(id);
    expect(out.status).toBe("ok");
    expect(await storedFakeRatings(ctx.db, "zendesk")).toHaveLength(23);
  });

  it("a process that throws after page 2 leaves a resumable sync; a run left 'running' is marked interrupted", async () => {
    const id = await connect("zendesk", fake);
    const out = await sync(id, {
      afterPage: (page) => {
        if (page === 2) throw new Error("simulated crash");
      },
    });
    expect(out).toMatchObject({ status: "failed", pages: 2, error: "simulated crash" });
    // A hard kill would have left the run 'running' and the lease set; both are recovered.
    await ctx.db.update(helpdeskSyncRuns).set({ status: "running" }).where(eq(helpdeskSyncRuns.id, out.runId!));
    const next = await sync(id);
    expect(next.status).toBe("ok");
    expect(next.imported + out.imported).toBe(23);
    expect((await ctx.db.select().from(helpdeskSyncRuns).where(eq(helpdeskSyncRuns.id, out.runId!)))[0]!.status).toBe("interrupted");
  });

  it("reports rejected records and unmatched agents of a sync in its import history, like a file's", async () => {
    fake.ratings[5].override = { score: "meh" };
    const out = await sync(await connect("zendesk", fake));
    expect(out).toMatchObject({ status: "ok", imported: 22, rejected: 1 });
    const history = (await ctx.db.select().from(csatImports).where(eq(csatImports.id, out.importId!)))[0]!;
    expect(history.rejected).toBe(1);
    expect((history.report as { rejected: { ref: string; reason: string }[] }).rejected).toEqual([
      { file: "zendesk test page 2", ref: `record ${fake.ratings[5].id}`, reason: expect.stringContaining("unknown Zendesk score") },
    ]);
  });

  it("a sync refused before any page leaves no empty import behind, and is not retried on schedule until credentials change", async () => {
    const id = await connect("zendesk", fake);
    fake.token = "revoked";
    const out = await sync(id);
    expect(out).toMatchObject({ status: "needs_credentials", importId: null, pages: 0 });
    expect((await ctx.db.select().from(helpdeskSyncRuns).where(eq(helpdeskSyncRuns.id, out.runId!)))[0]).toMatchObject({
      importId: null,
      status: "needs_credentials",
    });
    expect(await ctx.db.select().from(csatImports).where(eq(csatImports.via, "sync"))).toEqual([]);
    const { dueConnectionIds } = await import("@/lib/connectors/store");
    expect(await dueConnectionIds(Date.now() + 48 * 3_600_000)).toEqual([]);
  });

  it("follows Zendesk's offset pagination (next_page) too", async () => {
    fake.zendeskOffset = true;
    const out = await sync(await connect("zendesk", fake));
    expect(out).toMatchObject({ status: "ok", imported: 23, pages: 6 });
  });

  it("refuses a next page on another site instead of sending the credentials there", async () => {
    const { zendesk } = await import("@/lib/connectors/vendors/zendesk");
    const config = { source: "zendesk" as const, baseUrl: fake.url, accountId: null, credentials: {} };
    expect(() =>
      zendesk.nextPage(config, { meta: { has_more: true }, links: { next: "https://evil.example/api" } }, { method: "GET", url: fake.url }),
    ).toThrow(/another site/);
  });

  it("two syncs of one connection never overlap", async () => {
    const id = await connect("zendesk", fake);
    const [a, b] = await Promise.all([sync(id), sync(id)]);
    expect([a.status, b.status].sort()).toEqual(["busy", "ok"]);
  });
});

vi.setConfig({ testTimeout: 60_000 });
