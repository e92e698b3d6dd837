import { sqliteClient } from "@/db/client";
import type { Database } from "better-sqlite3";
import { getDb, writeTx } from "@/db/client";
import { AgentMap } from "./agent-map";
import { dropIndexes, indexesToDefer, recreateIndexes, type Incoming } from "./bulk-indexes";
import { resolveMaxBytes, type CsatInput } from "./input";
import { mergeStagedFile, stageAgentMap, STAGE_SCHEMA } from "./merge-file";
import { insertImportRow, saveImportReport } from "./import-record";
import { ResponseWriter } from "./response-writer";
import { RollupDeltas } from "./rollup-deltas";
import { REJECTED_DETAIL_LIMIT, stageFile, type FailedFile, type StagedFile } from "./stage-file";
import { STAGE_CACHE_KIB, StageStore } from "./stage-store";
import { CSAT_SOURCES, type CsatSource, type CsatSourceOption, type Rejection } from "./types";

export type ImportCsatOptions = {
  inputs: CsatInput[];
  /** Default `auto`: each file's source is detected (and reported). */
  source?: CsatSourceOption;
  via: "cli" | "upload" | "api" | "sync";
  actorId?: number | null;
  /**
   * Helpdesk syncs (lib/connectors/sync.ts): add this page to an existing csat_imports row instead
   * of making one, and run `inTx` inside the same transaction, so a connector's cursor moves
   * exactly when the page's records commit.
   */
  appendTo?: { importId: number; inTx?: (client: Database, report: CsatImportReport) => void };
  /** Per-file size limit; default env CSAT_MAX_BYTES, else 200 MB for the CLI, 50 MB otherwise. */
  maxBytes?: number;
  /** Called with the rows read so far while files are read. Throwing aborts the import. */
  onProgress?: (rowsRead: number) => void;
  /** "Now" for the in-the-future check; tests pin it. */
  now?: number;
  /** Staging knobs for tests: rows per batch (a file's first full batch starts the worker), the worker file (null: none). */
  staging?: { batchRows?: number; workerPath?: string | null };
  /** How long each step took, in ms, for the bench: read (with staging), worker (when it took over), insert, indexes, commit. */
  onStep?: (step: ImportStep, ms: number) => void;
};

export type ImportStep = "read" | "worker" | "insert" | "indexes" | "commit";

export type CsatImportFile = {
  name: string;
  /** Null when the file failed before its source was known. */
  source: CsatSource | null;
  /** True when `--source auto` chose the source. */
  detected: boolean;
  rowsRead: number;
  error?: string;
};

export type UnmatchedAgent = { source: CsatSource; externalId: string; count: number };

export type CsatImportReport = {
  importId: number;
  files: CsatImportFile[];
  rowsRead: number;
  imported: number;
  updated: number;
  unchanged: number;
  notResponses: number;
  /** The first REJECTED_DETAIL_LIMIT rejected rows; `rejectedCount` is exact. */
  rejected: Rejection[];
  rejectedCount: number;
  /** Files refused as a whole (not UTF-8, empty, too large, unknown shape); none of their rows went in. */
  fileErrors: { file: string; reason: string }[];
  unmatched: UnmatchedAgent[];
};

/**
 * Imports CSAT exports in two steps (docs/decisions/0002-csat-import-transaction.md):
 * 1. read: each file is streamed, parsed and validated into a private staging SQLite file,
 *    holding no lock on the database, so the event loop stays free and nothing waits on us;
 * 2. write: one synchronous BEGIN IMMEDIATE transaction moves the responses in, adjusts the
 *    rollups and records the import, so a failure anywhere leaves nothing of the import behind.
 */
export async function importCsat(options: ImportCsatOptions): Promise<CsatImportReport> {
  const source = options.source ?? "auto";
  if (source !== "auto" && !CSAT_SOURCES.includes(source)) throw new TypeError(`Unknown CSAT source: ${String(source)}`);
  if (options.inputs.length === 0) throw new RangeError("importCsat needs at least one input");
  const now = options.now ?? Date.now();
  const maxBytes = resolveMaxBytes(options.via, options.maxBytes);
  const started = performance.now();
  let lap = started;
  const step = (name: ImportStep) => {
    const at = performance.now();
    options.onStep?.(name, at - lap);
    lap = at;
  };
  const stage = new StageStore({ ...options.staging, onWorker: () => options.onStep?.("worker", performance.now() - started) });
  try {
    const files: (StagedFile | FailedFile)[] = [];
    let readBefore = 0;
    for (const [index, input] of options.inputs.entries()) {
      const onProgress = options.onProgress && ((rows: number) => options.onProgress!(readBefore + rows));
      const file = await stageFile(input, stage.table(index), { source, maxBytes, now, onProgress });
      files.push(file);
      if (file.ok) readBefore += file.rowsRead;
    }
    await stage.close();
    step("read");
    // ATTACH and the foreign_keys pragma cannot change inside a transaction; nothing else can
    // run on the connection between these synchronous steps.
    const client = sqliteClient(getDb());
    client.prepare(`ATTACH DATABASE ? AS ${STAGE_SCHEMA}`).run(stage.path);
    const foreignKeys = client.pragma("foreign_keys", { simple: true }) as number;
    try {
      // Staging is scratch: no journal, so COMMIT needs no multi-file super-journal for it.
      client.pragma(`${STAGE_SCHEMA}.journal_mode = OFF`);
      client.pragma(`${STAGE_SCHEMA}.synchronous = OFF`);
      client.pragma(`${STAGE_SCHEMA}.cache_size = ${STAGE_CACHE_KIB}`);
      // Every employee_id and import_id the write stores is read inside its own transaction
      // (AgentMap, the csat_imports row it inserts), so checking each row's two foreign keys
      // proves nothing and costs a sixth of the bulk insert. Tests run foreign_key_check.
      client.pragma("foreign_keys = OFF");
      const report = await writeTx(async (db) => writeImport(sqliteClient(db), files, options, now, step));
      step("commit");
      return report;
    } finally {
      client.pragma(`foreign_keys = ${foreignKeys}`);
      client.exec(`DETACH DATABASE ${STAGE_SCHEMA}`);
    }
  } finally {
    await stage.dispose();
  }
}

/** Rows staged, and how many of them name no employee (from the per-agent tallies). */
function incomingRows(staged: StagedFile[], agents: AgentMap): Incoming {
  let rows = 0;
  let unmatched = 0;
  for (const { table, source } of staged) {
    rows += table.count;
    for (const [agent, quarters] of table.tally) {
      if (agents.employeeFor(source, agent) !== null) continue;
      for (const { responses } of quarters.values()) unmatched += responses;
    }
  }
  return { rows, unmatched };
}

function writeImport(
  client: Database,
  files: (StagedFile | FailedFile)[],
  options: ImportCsatOptions,
  now: number,
  step: (name: ImportStep) => void,
): CsatImportReport {
  const staged = files.filter((f): f is StagedFile => f.ok);
  const sources = [...new Set(staged.map((f) => f.source))];
  const importId =
    options.appendTo?.importId ??
    insertImportRow(client, options.actorId ?? null, options.via, files.map((f) => f.name).join(", "), sources.join(",") || "none", now);
  const agents = AgentMap.load(client);
  stageAgentMap(client, agents, sources);
  const writer = new ResponseWriter(client, importId, agents, new RollupDeltas());
  const deferred = dropIndexes(client, indexesToDefer(client, incomingRows(staged, agents)));
  for (const file of staged) mergeStagedFile(client, writer, file.table, file.source, importId);
  step("insert");
  recreateIndexes(client, deferred);
  step("indexes");
  writer.rollups.apply(client);

  const report: CsatImportReport = {
    importId,
    files: files.map((f) =>
      f.ok
        ? { name: f.name, source: f.source, detected: f.detected, rowsRead: f.rowsRead }
        : { name: f.name, source: f.source, detected: false, rowsRead: 0, error: f.error },
    ),
    rowsRead: staged.reduce((sum, f) => sum + f.rowsRead, 0),
    ...writer.counts,
    notResponses: staged.reduce((sum, f) => sum + f.notResponses, 0),
    rejected: staged.flatMap((f) => f.rejected).slice(0, REJECTED_DETAIL_LIMIT),
    rejectedCount: staged.reduce((sum, f) => sum + f.rejectedCount, 0),
    fileErrors: files.flatMap((f) => (f.ok ? [] : [{ file: f.name, reason: f.error }])),
    unmatched: [...writer.unmatched]
      .flatMap(([source, ids]) => [...ids].map(([externalId, count]) => ({ source, externalId, count })))
      .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.externalId.localeCompare(b.externalId)),
  };
  saveImportReport(client, report, Boolean(options.appendTo));
  options.appendTo?.inTx?.(client, report);
  return report;
}
