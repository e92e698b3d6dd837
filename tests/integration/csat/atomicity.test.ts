import { describe, expect, it } from "vitest";
import { sqliteClient } from "@/db/client";
import { useFreshDb } from "@/tests/helpers/db";
import { indexesToDefer } from "@/lib/importers/csat/bulk-indexes";
import { importCsat } from "@/lib/importers/csat/run-import";
import {
  addBoomTrigger,
  all,
  count,
  dropBoomTrigger,
  expectRollupsConsistent,
  fixture,
  importSampleOrg,
  importText,
  isPg,
  NOW,
} from "./helpers";

const ctx = useFreshDb();

const snapshot = async () => ({
  responses: await all(ctx.db, "SELECT * FROM csat_responses ORDER BY id"),
  rollups: await all(ctx.db, "SELECT * FROM csat_rollups ORDER BY 1, 2"),
  imports: await all(ctx.db, "SELECT * FROM csat_imports ORDER BY id"),
});
const indexes = () =>
  isPg(ctx.db)
    ? all(ctx.db, "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename = 'csat_responses' ORDER BY indexname")
    : all(ctx.db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'csat_responses' ORDER BY name");
/** SQLite only: the file is intact after an import that dropped and rebuilt indexes. */
const expectIntact = () => {
  if (!isPg(ctx.db)) expect(sqliteClient(ctx.db).pragma("integrity_check", { simple: true })).toBe("ok");
};

function bigCsv(rows: number, lastId = `r${rows}`): string {
  const lines = ["response_id,agent_email,rating,scale_max,responded_at"];
  for (let i = 1; i <= rows; i++) {
    const agent = ["kim", "raj", "ghost"][i % 3];
    const day = 1 + (i % 180);
    const at = new Date(Date.UTC(2026, 0, day, i % 24)).toISOString();
    lines.push(`${i === rows ? lastId : `r${i}`},${agent}@sample.keeper.test,${1 + (i % 5)},5,${at}`);
  }
  return lines.join("\n");
}

describe("an import is one transaction", () => {
  it("leaves nothing behind when it fails while reading (a throwing onProgress)", async () => {
    await importSampleOrg();
    await importText("zendesk.json", fixture("zendesk.json"));
    const before = await snapshot();
    const failing = importCsat({
      inputs: [
        { name: "chatwoot.json", text: fixture("chatwoot.json") },
        { name: "generic.csv", text: fixture("generic.csv") },
      ],
      via: "cli",
      now: NOW,
      onProgress: (rows) => {
        if (rows >= 3) throw new Error("crash while reading");
      },
    });
    await expect(failing).rejects.toThrow("crash while reading");
    expect(await snapshot()).toEqual(before);
  });

  it("leaves nothing behind when the database write fails half-way, earlier files included", async () => {
    await importSampleOrg();
    await importText("zendesk.json", fixture("zendesk.json"));
    const before = await snapshot();
    await addBoomTrigger(ctx.db);
    const boom = fixture("generic.csv").replace("c-3", "boom");
    const failing = importCsat({
      inputs: [
        { name: "chatwoot.json", text: fixture("chatwoot.json") },
        { name: "freshdesk.json", text: fixture("freshdesk.json") },
        { name: "boom.csv", text: boom },
      ],
      via: "cli",
      now: NOW,
    });
    await expect(failing).rejects.toThrow("disk on fire");
    expect(await snapshot()).toEqual(before);
    // The connection is usable afterwards: the staging file was detached.
    await dropBoomTrigger(ctx.db);
    expect(await importText("chatwoot.json", fixture("chatwoot.json"))).toMatchObject({ imported: 2 });
    await expectRollupsConsistent(ctx.db);
  });

  it("bulk-loads a large import with its indexes rebuilt identically", { timeout: 120_000 }, async () => {
    await importSampleOrg();
    const definitions = await indexes();
    const report = await importText("big.csv", bigCsv(120_000));
    expect(report).toMatchObject({ rowsRead: 120_000, imported: 120_000, rejectedCount: 0 });
    expect(report.unmatched).toEqual([{ source: "csv", externalId: "ghost@sample.keeper.test", count: 40_000 }]);
    expect(await indexes()).toEqual(definitions);
    expectIntact();
    await expectRollupsConsistent(ctx.db);
    expect(await importText("big.csv", bigCsv(120_000))).toMatchObject({ imported: 0, unchanged: 120_000 });
  });

  it("defers the partial agent index only for a large unmatched import, and rematches through it", { timeout: 120_000 }, async () => {
    // Deferring indexes is SQLite's (write-import.sqlite.ts); PostgreSQL keeps them, and the rest holds on both.
    const client = isPg(ctx.db) ? null : sqliteClient(ctx.db);
    if (client) {
      expect(indexesToDefer(client, { rows: 99_999, unmatched: 99_999 })).toEqual([]);
      expect(indexesToDefer(client, { rows: 150_000, unmatched: 0 })).toEqual(["csat_responses_employee_quarter_idx"]);
    }
    const definitions = await indexes();
    // Before the org chart: every agent is unknown, so every row enters the partial index.
    expect(await importText("big.csv", bigCsv(120_000))).toMatchObject({
      imported: 120_000,
      unmatched: expect.arrayContaining([{ source: "csv", externalId: "kim@sample.keeper.test", count: 40_000 }]),
    });
    expect(await indexes()).toEqual(definitions);
    expectIntact();
    if (client) {
      expect(indexesToDefer(client, { rows: 130_000, unmatched: 130_000 })).toEqual([
        "csat_responses_employee_quarter_idx",
        "csat_responses_agent_external_idx",
      ]);
      expect(indexesToDefer(client, { rows: 110_000, unmatched: 110_000 })).toEqual([]);
    }
    await importSampleOrg();
    expect(await count(ctx.db, "csat_responses")).toBe(120_000);
    expect(await all(ctx.db, "SELECT count(*) AS n FROM csat_responses WHERE employee_id IS NULL")).toEqual([{ n: 40_000 }]);
    await expectRollupsConsistent(ctx.db);
  });

  it("restores the indexes when a bulk load fails", { timeout: 120_000 }, async () => {
    await importSampleOrg();
    const definitions = await indexes();
    await addBoomTrigger(ctx.db);
    await expect(importText("big.csv", bigCsv(110_000, "boom"))).rejects.toThrow("disk on fire");
    expect(await indexes()).toEqual(definitions);
    expect(await count(ctx.db, "csat_responses")).toBe(0);
    expect(await count(ctx.db, "csat_imports")).toBe(0);
  });
});
