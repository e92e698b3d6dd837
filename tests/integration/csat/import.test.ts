import { createReadStream, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { useFreshDb } from "@/tests/helpers/db";
import { importCsat } from "@/lib/importers/csat/run-import";
import { all, count, expectRollupsConsistent, fixture, importSampleOrg, importText, json, NOW, zendeskPage, type Rating } from "./helpers";

const ctx = useFreshDb();
const SOURCES = ["zendesk.json", "freshdesk.json", "intercom.json", "helpscout.json", "chatwoot.json", "generic.csv"];

type Stored = {
  source: string;
  source_record_id: string;
  employee_id: number | null;
  satisfied: number;
  quarter: string;
  import_id: number;
};

describe("importCsat", () => {
  it("imports every fixture, crediting known agents and reporting unknown ones", async () => {
    await importSampleOrg();
    const report = await importCsat({ inputs: SOURCES.map((name) => ({ name, text: fixture(name) })), via: "cli", now: NOW });
    expect(report).toMatchObject({
      rowsRead: 17,
      imported: 15,
      updated: 0,
      unchanged: 0,
      notResponses: 2,
      rejectedCount: 0,
      fileErrors: [],
    });
    expect(report.files.map((f) => [f.name, f.source, f.detected])).toEqual(
      SOURCES.map((name, i) => [name, ["zendesk", "freshdesk", "intercom", "helpscout", "chatwoot", "csv"][i], true]),
    );
    expect(report.unmatched).toEqual([{ source: "zendesk", externalId: "999", count: 1 }]);

    const kim = (await all<{ id: number }>(ctx.db, "SELECT id FROM employees WHERE email = 'kim@sample.keeper.test'"))[0].id;
    const stored = await all<Stored>(ctx.db, "SELECT * FROM csat_responses ORDER BY id");
    expect(stored).toHaveLength(15);
    expect(stored.find((r) => r.source_record_id === "35439")).toMatchObject({ employee_id: null, satisfied: 1 });
    expect(stored.filter((r) => r.employee_id === kim).map((r) => r.source_record_id)).toEqual([
      "35436",
      "9001",
      "147",
      "560001",
      "501",
      "c-1",
    ]);
    expect(await all(ctx.db, "SELECT quarter, responses, satisfied FROM csat_rollups WHERE employee_id = ?", kim)).toEqual([
      { quarter: "2026-Q3", responses: 6, satisfied: 6 },
    ]);
    await expectRollupsConsistent(ctx.db);
  });

  it("records the import with its counts and report", async () => {
    const report = await importText("zendesk.json", fixture("zendesk.json"), { via: "upload", actorId: null });
    const [row] = await all<Record<string, unknown>>(ctx.db, "SELECT * FROM csat_imports");
    expect(row).toMatchObject({
      id: report.importId,
      via: "upload",
      file_name: "zendesk.json",
      source: "zendesk",
      rows_read: 4,
      imported: 3,
      not_responses: 1,
      rejected: 0,
      created_at: NOW,
    });
    expect(json(row.report)).toMatchObject({
      unmatched: [{ externalId: "361" }, { externalId: "362" }, { externalId: "999" }],
      rejected: [],
    });
    expect(await all(ctx.db, "SELECT DISTINCT import_id FROM csat_responses")).toEqual([{ import_id: report.importId }]);
  });

  it("is idempotent: the same files again change nothing", async () => {
    await importSampleOrg();
    const inputs = () => SOURCES.map((name) => ({ name, text: fixture(name) }));
    await importCsat({ inputs: inputs(), via: "cli", now: NOW });
    const before = await all(ctx.db, "SELECT * FROM csat_responses ORDER BY id");
    const rollups = await all(ctx.db, "SELECT * FROM csat_rollups ORDER BY 1, 2");
    const again = await importCsat({ inputs: inputs(), via: "cli", now: NOW });
    expect(again).toMatchObject({ rowsRead: 17, imported: 0, updated: 0, unchanged: 15, notResponses: 2, rejectedCount: 0 });
    expect(await all(ctx.db, "SELECT * FROM csat_responses ORDER BY id")).toEqual(before);
    expect(await all(ctx.db, "SELECT * FROM csat_rollups ORDER BY 1, 2")).toEqual(rollups);
    expect(await count(ctx.db, "csat_imports")).toBe(2);
  });

  describe("a Zendesk rating changed from bad to good", () => {
    const bad: Rating = { id: "77", score: "bad", assignee: 361, created: "2026-07-01T10:00:00Z", updated: "2026-07-01T10:00:00Z" };
    const good: Rating = { ...bad, score: "good", updated: "2026-07-03T09:00:00Z", comment: "Sorted in the end" };
    const stored = () =>
      all<{ satisfied: number; raw_value: string; comment: string | null }>(
        ctx.db,
        "SELECT satisfied, raw_value, comment FROM csat_responses",
      );
    const rollup = () => all(ctx.db, "SELECT responses, satisfied FROM csat_rollups");

    it("keeps the good one when it arrives last", async () => {
      await importSampleOrg();
      expect(await importText("old.json", zendeskPage([bad]))).toMatchObject({ imported: 1 });
      expect(await rollup()).toEqual([{ responses: 1, satisfied: 0 }]);
      expect(await importText("new.json", zendeskPage([good]))).toMatchObject({ imported: 0, updated: 1, unchanged: 0 });
      expect(await stored()).toEqual([{ satisfied: 1, raw_value: "good", comment: "Sorted in the end" }]);
      expect(await rollup()).toEqual([{ responses: 1, satisfied: 1 }]);
    });

    it("keeps the good one when it arrives first", async () => {
      await importSampleOrg();
      await importText("new.json", zendeskPage([good]));
      expect(await importText("old.json", zendeskPage([bad]))).toMatchObject({ imported: 0, updated: 0, unchanged: 1 });
      expect(await stored()).toEqual([{ satisfied: 1, raw_value: "good", comment: "Sorted in the end" }]);
      expect(await rollup()).toEqual([{ responses: 1, satisfied: 1 }]);
    });

    it("keeps the newest when both versions sit in one file, in either order", async () => {
      await importSampleOrg();
      expect(await importText("both.json", zendeskPage([good, bad]))).toMatchObject({ imported: 1, updated: 0, unchanged: 1 });
      expect(await stored()).toEqual([{ satisfied: 1, raw_value: "good", comment: "Sorted in the end" }]);
      const second = zendeskPage([
        { ...bad, id: "78" },
        { ...good, id: "78" },
      ]);
      expect(await importText("both2.json", second)).toMatchObject({ imported: 1, updated: 1, unchanged: 0 });
      expect(await all(ctx.db, "SELECT satisfied FROM csat_responses WHERE source_record_id = '78'")).toEqual([{ satisfied: 1 }]);
      await expectRollupsConsistent(ctx.db);
    });
  });

  it("moves a response between quarters and agents, dropping emptied rollups", async () => {
    await importSampleOrg();
    const first: Rating = { id: "5", score: "good", assignee: 361, created: "2026-06-30T23:00:00Z", updated: "2026-07-01T00:00:00Z" };
    await importText("a.json", zendeskPage([first]));
    expect(await all(ctx.db, "SELECT quarter, responses, satisfied FROM csat_rollups")).toEqual([
      { quarter: "2026-Q2", responses: 1, satisfied: 1 },
    ]);
    const moved: Rating = { ...first, assignee: 362, score: "bad", created: "2026-07-01T01:00:00Z", updated: "2026-07-02T00:00:00Z" };
    expect(await importText("b.json", zendeskPage([moved]))).toMatchObject({ updated: 1 });
    const raj = (await all<{ id: number }>(ctx.db, "SELECT id FROM employees WHERE email = 'raj@sample.keeper.test'"))[0].id;
    expect(await all(ctx.db, "SELECT employee_id, quarter, responses, satisfied FROM csat_rollups")).toEqual([
      { employee_id: raj, quarter: "2026-Q3", responses: 1, satisfied: 0 },
    ]);
    await expectRollupsConsistent(ctx.db);
  });

  it("stores unmatched agents' responses and credits them after an org import", async () => {
    const report = await importText("zendesk.json", fixture("zendesk.json"));
    expect(report.unmatched.map((u) => u.externalId)).toEqual(["361", "362", "999"]);
    expect(await count(ctx.db, "csat_rollups")).toBe(0);
    expect(await all(ctx.db, "SELECT count(*) AS n FROM csat_responses WHERE employee_id IS NULL")).toEqual([{ n: 3 }]);
    await importSampleOrg();
    expect(await all(ctx.db, "SELECT agent_external_id FROM csat_responses WHERE employee_id IS NULL")).toEqual([
      { agent_external_id: "999" },
    ]);
    expect(await all(ctx.db, "SELECT sum(responses) AS r FROM csat_rollups")).toEqual([{ r: 2 }]);
    await expectRollupsConsistent(ctx.db);
  });

  it("reads a stream, and keeps at most 1000 rejected rows in the stored report", async () => {
    const dir = mkdtempSync(join(tmpdir(), "csat-stream-"));
    try {
      const path = join(dir, "bad.csv");
      const rows = Array.from({ length: 1500 }, (_, i) => `r${i},a@x.test,9,5,2026-08-01T00:00:00Z`);
      writeFileSync(
        path,
        ["response_id,agent_email,rating,scale_max,responded_at", "ok,a@x.test,5,5,2026-08-01T00:00:00Z", ...rows].join("\n"),
      );
      const report = await importCsat({ inputs: [{ name: "bad.csv", stream: createReadStream(path) }], via: "cli", now: NOW });
      expect(report).toMatchObject({ rowsRead: 1501, imported: 1, rejectedCount: 1500 });
      expect(report.rejected).toHaveLength(1000);
      expect(report.rejected[0]).toEqual({ file: "bad.csv", ref: "line 3", reason: "rating 9 is outside the 1-5 scale" });
      const stored = json<{ rejected: unknown[]; rejectedCount: number }>(
        (await all<{ report: unknown }>(ctx.db, "SELECT report FROM csat_imports"))[0].report,
      );
      expect(stored.rejected).toHaveLength(1000);
      expect(stored.rejectedCount).toBe(1500);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("skips a broken file, imports the others and reports why", async () => {
    const report = await importCsat({
      inputs: [
        { name: "empty.csv", text: "" },
        { name: "chatwoot.json", text: fixture("chatwoot.json") },
      ],
      via: "cli",
      now: NOW,
    });
    expect(report.fileErrors).toEqual([{ file: "empty.csv", reason: "is empty" }]);
    expect(report).toMatchObject({ imported: 2, rowsRead: 2 });
    expect(report.files[0]).toMatchObject({ name: "empty.csv", error: "is empty", rowsRead: 0 });
  });
});
