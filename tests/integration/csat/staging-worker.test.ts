import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { freshDb } from "@/tests/helpers/db";
import { importCsat, type CsatImportReport, type ImportCsatOptions } from "@/lib/importers/csat/run-import";
import type { CsatInput } from "@/lib/importers/csat/input";
import { all, expectRollupsConsistent, fixture, importSampleOrg, NOW } from "./helpers";

/** A generic CSV with repeated ids, rejected rows, unknown agents, quoted line breaks and non-ASCII text. */
function csv(rows: number, prefix = "w"): string {
  const lines = ["\ufeffresponse_id,agent_email,rating,scale_max,responded_at,comment,updated_at"];
  for (let i = 1; i <= rows; i++) {
    const id = i % 10 === 0 ? `${prefix}${i - 5}` : `${prefix}${i}`;
    const agent = ["kim", "raj", "ghost", "Kim"][i % 4];
    const at = new Date(Date.UTC(2026, 2, 20 + (i % 30), i % 24)).toISOString();
    const comment = ["", "Très bien 👍", '"two\nlines"', "ok"][i % 4];
    const rating = i % 37 === 0 ? "eleven" : String(1 + (i % 5));
    lines.push(`${id},${agent}@sample.keeper.test,${rating},5,${at},${comment},${new Date(Date.parse(at) + (i % 3) * 1000).toISOString()}`);
  }
  return lines.join("\r\n");
}

const dirs: string[] = [];
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
function workerScript(body: string): string {
  const dir = mkdtempSync(join(tmpdir(), "keeper-worker-test-"));
  dirs.push(dir);
  const path = join(dir, "worker.cjs");
  writeFileSync(path, `const { parentPort } = require("node:worker_threads");\n${body}`);
  return path;
}

type Outcome = { report: Omit<CsatImportReport, "importId">; responses: unknown[]; rollups: unknown[]; worker: boolean };

/** Runs the same imports on a fresh database and returns everything they left. */
async function run(batches: CsatInput[][], options: Partial<ImportCsatOptions>): Promise<Outcome> {
  const db = await freshDb();
  try {
    await importSampleOrg();
    let worker = false;
    let report!: CsatImportReport;
    for (const inputs of batches) {
      report = await importCsat({ inputs, via: "cli", now: NOW, ...options, onStep: (step) => (worker ||= step === "worker") });
    }
    await expectRollupsConsistent(db.db);
    const { importId: _, ...rest } = report;
    return {
      report: rest,
      responses: await all(db.db, "SELECT * FROM csat_responses ORDER BY id"),
      rollups: await all(db.db, "SELECT * FROM csat_rollups ORDER BY 1, 2"),
      worker,
    };
  } finally {
    await db.dispose();
  }
}

const files = (): CsatInput[] => [
  { name: "zendesk.json", text: fixture("zendesk.json") },
  { name: "big.csv", text: csv(3000) },
  { name: "generic.csv", text: fixture("generic.csv") },
  { name: "bad.csv", text: "response_id,agent_email\n" },
  { name: "more.csv", text: csv(700, "m") },
];

describe("the staging worker", () => {
  it("stores exactly what staging in this thread stores, first import and re-import alike", { timeout: 60_000 }, async () => {
    const inThread = await run([files(), files()], { staging: { workerPath: null } });
    expect(inThread.worker).toBe(false);
    expect(inThread.report).toMatchObject({
      unchanged: inThread.report.rowsRead - inThread.report.notResponses - inThread.report.rejectedCount,
    });
    for (const batchRows of [2000, 64, 3]) {
      const worker = await run([files(), files()], { staging: { batchRows } });
      expect(worker).toEqual({ ...inThread, worker: true });
    }
    const first = await run([files()], { staging: { workerPath: null } });
    expect(first.report).toMatchObject({ rowsRead: 3707, rejectedCount: 99, fileErrors: [{ file: "bad.csv" }] });
    expect(await run([files()], { staging: { batchRows: 5 } })).toEqual({ ...first, worker: true });
  });

  it("drops a file that turns out malformed half-way, as staging in this thread does", { timeout: 30_000 }, async () => {
    const broken = csv(3000).replace("\r\nw1501,", '\r\nw1501,"never closed');
    const inputs = () => [
      { name: "broken.csv", text: broken },
      { name: "good.csv", text: csv(2500, "g") },
    ];
    const inThread = await run([inputs()], { staging: { workerPath: null } });
    expect(inThread.report.fileErrors).toEqual([{ file: "broken.csv", reason: expect.stringMatching(/on line \d+/) }]);
    expect(await run([inputs()], { staging: { batchRows: 100 } })).toEqual({ ...inThread, worker: true });
  });

  it("stays out of small imports", async () => {
    expect((await run([[{ name: "small.csv", text: csv(1999) }]], {})).worker).toBe(false);
    expect((await run([[{ name: "small.csv", text: csv(2100) }]], {})).worker).toBe(true);
  });

  it("is not needed: when it cannot start, the import stages in this thread", { timeout: 30_000 }, async () => {
    const expected = await run([files()], { staging: { workerPath: null } });
    for (const workerPath of [
      join(tmpdir(), "no-such-worker.cjs"),
      workerScript("throw new Error('cannot load');"),
      workerScript("process.exit(3);"),
    ]) {
      expect(await run([files()], { staging: { batchRows: 50, workerPath } })).toEqual(expected);
    }
  });

  it("fails the import, leaving nothing behind, when it fails after taking over", { timeout: 30_000 }, async () => {
    const db = await freshDb();
    try {
      await importSampleOrg();
      await importCsat({ inputs: [{ name: "zendesk.json", text: fixture("zendesk.json") }], via: "cli", now: NOW });
      const snapshot = async () => [
        await all(db.db, "SELECT * FROM csat_responses"),
        await all(db.db, "SELECT * FROM csat_rollups"),
        await all(db.db, "SELECT * FROM csat_imports"),
      ];
      const before = await snapshot();
      const failing = workerScript(`parentPort.postMessage({ op: "ready" });
        parentPort.on("message", (m) => { if (m.op === "rows") parentPort.postMessage({ op: "error", name: "SqliteError", message: "disk I/O error", code: "SQLITE_IOERR" }); });`);
      const dying = workerScript(`parentPort.postMessage({ op: "ready" }); parentPort.on("message", () => process.exit(1));`);
      const inputs = () => [{ name: "big.csv", text: csv(3000) }];
      await expect(importCsat({ inputs: inputs(), via: "cli", now: NOW, staging: { batchRows: 10, workerPath: failing } })).rejects.toThrow(
        "disk I/O error",
      );
      await expect(importCsat({ inputs: inputs(), via: "cli", now: NOW, staging: { batchRows: 10, workerPath: dying } })).rejects.toThrow(
        /staging worker stopped/,
      );
      const progress = importCsat({
        inputs: inputs(),
        via: "cli",
        now: NOW,
        staging: { batchRows: 10 },
        onProgress: () => {
          throw new Error("crash while the worker writes");
        },
      });
      await expect(progress).rejects.toThrow("crash while the worker writes");
      expect(await snapshot()).toEqual(before);
      // The connection is still usable.
      expect(await importCsat({ inputs: inputs(), via: "cli", now: NOW, staging: { batchRows: 10 } })).toMatchObject({ rowsRead: 3000 });
      await expectRollupsConsistent(db.db);
    } finally {
      await db.dispose();
    }
  });
});
