import { engineOfDb, getDb, type Db } from "@/db/client";
import { resolveMaxBytes, type CsatInput } from "./input";
import { stageFile, type FailedFile, type StagedFile } from "./stage-file";
import { StageStore } from "./stage-store";
import { writeImportPg } from "./write-import.pg";
import { writeImportSqlite } from "./write-import.sqlite";
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
  appendTo?: { importId: number; inTx?: (db: Db, report: CsatImportReport) => Promise<void> | void };
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

/** What the write step of either engine (write-import.sqlite.ts, write-import.pg.ts) is given. */
export type WriteStep = {
  stagePath: string;
  files: (StagedFile | FailedFile)[];
  options: ImportCsatOptions;
  now: number;
  step: (name: ImportStep) => void;
  /** csat_imports.source of a new import: the files' sources, or "none". */
  sourcesLabel: string;
};

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
 * 2. write: one transaction moves the responses in, adjusts the rollups and records the import,
 *    so a failure anywhere leaves nothing of the import behind. SQLite attaches the staging file
 *    and moves new rows with INSERT … SELECT (write-import.sqlite.ts); PostgreSQL reads the
 *    staging file and writes in unnest batches (write-import.pg.ts). Both decide each row with
 *    ResponseMerge (response-merge.ts) and report with buildReport (import-record.ts).
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
    const sources = [...new Set(files.flatMap((f) => (f.ok ? [f.source] : [])))];
    const write = engineOfDb(getDb()) === "postgres" ? writeImportPg : writeImportSqlite;
    const report = await write({ stagePath: stage.path, files, options, now, step, sourcesLabel: sources.join(",") || "none" });
    step("commit");
    return report;
  } finally {
    await stage.dispose();
  }
}
