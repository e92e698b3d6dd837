import { describe, expect, it } from "vitest";
import { useFreshDb } from "@/tests/helpers/db";
import { indexesToDefer } from "@/lib/importers/csat/bulk-indexes";
import { importCsat } from "@/lib/importers/csat/run-import";
import { all, count, expectRollupsConsistent, fixture, importSampleOrg, importText, NOW } from "./helpers";

const ctx = useFreshDb();

const snapshot = () => ({
  responses: all(ctx.db, "SELECT * FROM csat_responses ORDER BY id"),
  rollups: all(ctx.db, "SELECT * FROM csat_rollups ORDER BY 1, 2"),
  imports: all(ctx.db, "SELECT * FROM csat_imports ORDER BY id"),
});
const indexes = () => all(ctx.db, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'csat_responses' ORDER BY name");

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
    const before = snapshot();
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
    expect(snapshot()).toEqual(before);
  });

  it("leaves nothing behind when the database write fails half-way, earlier files included", async () => {
    await importSampleOrg();
    await importText("zendesk.json", fixture("zendesk.json"));
    const before = snapshot();
    ctx.db.$client.exec(
      `CREATE TRIGGER boom BEFORE INSERT ON csat_responses WHEN NEW.source_record_id = 'boom'
       BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
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
    expect(snapshot()).toEqual(before);
    // The connection is usable afterwards: the staging file was detached.
    ctx.db.$client.exec("DROP TRIGGER boom");
    expect(await importText("chatwoot.json", fixture("chatwoot.json"))).toMatchObject({ imported: 2 });
    expectRollupsConsistent(ctx.db);
  });

  it("bulk-loads a large import with its indexes rebuilt identically", { timeout: 120_000 }, async () => {
    await importSampleOrg();
    const definitions = indexes();
    const report = await importText("big.csv", bigCsv(120_000));
    expect(report).toMatchObject({ rowsRead: 120_000, imported: 120_000, rejectedCount: 0 });
    expect(report.unmatched).toEqual([{ source: "csv", externalId: "ghost@sample.keeper.test", count: 40_000 }]);
    expect(indexes()).toEqual(definitions);
    expect(ctx.db.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    expectRollupsConsistent(ctx.db);
    expect(await importText("big.csv", bigCsv(120_000))).toMatchObject({ imported: 0, unchanged: 120_000 });
  });

  it("defers the partial agent index only for a large unmatched import, and rematches through it", { timeout: 120_000 }, async () => {
    const client = ctx.db.$client;
    expect(indexesToDefer(client, { rows: 99_999, unmatched: 99_999 })).toEqual([]);
    expect(indexesToDefer(client, { rows: 150_000, unmatched: 0 })).toEqual(["csat_responses_employee_quarter_idx"]);
    const definitions = indexes();
    // Before the org chart: every agent is unknown, so every row enters the partial index.
    expect(await importText("big.csv", bigCsv(120_000))).toMatchObject({
      imported: 120_000,
      unmatched: expect.arrayContaining([{ source: "csv", externalId: "kim@sample.keeper.test", count: 40_000 }]),
    });
    expect(indexes()).toEqual(definitions);
    expect(client.pragma("integrity_check", { simple: true })).toBe("ok");
    expect(indexesToDefer(client, { rows: 130_000, unmatched: 130_000 })).toEqual([
      "csat_responses_employee_quarter_idx",
      "csat_responses_agent_external_idx",
    ]);
    expect(indexesToDefer(client, { rows: 110_000, unmatched: 110_000 })).toEqual([]);
    await importSampleOrg();
    expect(count(ctx.db, "csat_responses")).toBe(120_000);
    expect(all(ctx.db, "SELECT count(*) AS n FROM csat_responses WHERE employee_id IS NULL")).toEqual([{ n: 40_000 }]);
    expectRollupsConsistent(ctx.db);
  });

  it("restores the indexes when a bulk load fails", { timeout: 120_000 }, async () => {
    await importSampleOrg();
    const definitions = indexes();
    ctx.db.$client.exec(
      `CREATE TRIGGER boom BEFORE INSERT ON csat_responses WHEN NEW.source_record_id = 'boom'
       BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
    await expect(importText("big.csv", bigCsv(110_000, "boom"))).rejects.toThrow("disk on fire");
    expect(indexes()).toEqual(definitions);
    expect(count(ctx.db, "csat_responses")).toBe(0);
    expect(count(ctx.db, "csat_imports")).toBe(0);
  });
});
