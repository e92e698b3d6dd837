import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import Database from "better-sqlite3";
import pg from "pg";
import { ENGINE } from "@/db/engine";
import { syncConnection } from "@/lib/connectors/sync";
import { saveReviewDraft } from "@/lib/dal/review-write";
import { useFreshDb } from "../../helpers/db";
import { idOf, seedDemoFast } from "../../helpers/demo";
import { signInAs } from "../../helpers/session";
import { makeRatings } from "../../fakes/helpdesk/dataset";
import { startFakeHelpdesk, type FakeHelpdesk } from "../../fakes/helpdesk/server";
import { connect, FAST_HTTP, mapFakeAgents, storedFakeRatings, VENDORS } from "./helpers";

vi.mock("@/lib/auth/session-source", () => import("../../helpers/session"));

const ctx = useFreshDb();
let fake: FakeHelpdesk;
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  fake = await startFakeHelpdesk({ ratings: makeRatings(40), pageSize: 4 });
});
afterEach(async () => {
  await fake.close();
});

async function otherConnection(url: string): Promise<{ write: (statement: string) => Promise<void>; close: () => Promise<void> }> {
  if (ENGINE === "postgres") {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("SET lock_timeout = 200");
    return {
      write: async (statement) => {
        await client.query("BEGIN");
        await client.query(statement);
        await client.query("COMMIT");
      },
      close: () => client.end(),
    };
  }
  const other = new Database(url.replace(/^file:/, ""));
  other.pragma("busy_timeout = 200");
  return {
    write: async (statement) => {
      other.prepare("BEGIN IMMEDIATE").run();
      other.prepare(statement).run();
      other.prepare("COMMIT").run();
    },
    close: async () => void other.close(),
  };
}

describe("a sync holds the write lock only page by page", () => {
  for (const vendor of VENDORS) {
    it(`${vendor}: a manager's draft saves keep succeeding while it runs, in this process and from another connection`, async () => {
      if (vendor === "freshdesk") fake.ratings = makeRatings(250);
      await mapFakeAgents(ctx.db, vendor);
      const id = await connect(vendor, fake);
      // Each page takes a moment to arrive, as over a real network.
      fake.faults = Array.from({ length: 20 }, () => ({ kind: "slow" as const, ms: 30 }));
      signInAs(idOf(ctx.db, "mia"));
      const ava = idOf(ctx.db, "ava");
      // Another process's connection, with a short busy (SQLite) or lock (PostgreSQL) timeout: it
      // fails if a sync held the lock for long.
      const other = await otherConnection(ctx.url);
      let done = false;
      let version = 0;
      let otherWrites = 0;
      const sync = syncConnection(id, { trigger: "cli", http: FAST_HTTP }).finally(() => {
        done = true;
      });
      while (!done) {
        const saved = await saveReviewDraft({
          cycleKey: "2026-Q4",
          employeeId: ava,
          version,
          keeperAnswer: null,
          keeperReason: `save ${version}`,
          summary: "",
          privateNotes: "",
          traits: [],
        });
        expect(saved).toMatchObject({ ok: true });
        if (saved.ok) version = saved.version;
        await other.write("UPDATE settings SET value = value WHERE key = 'demo_seeded'");
        otherWrites++;
        await new Promise((r) => setTimeout(r, 5));
      }
      await other.close();
      const out = await sync;
      expect(out.status).toBe("ok");
      expect(out.pages).toBeGreaterThan(2);
      expect(version).toBeGreaterThan(3);
      expect(otherWrites).toBeGreaterThan(3);
      expect(await storedFakeRatings(ctx.db, vendor)).toHaveLength(fake.ratings.length);
    });
  }
});
