import Database from "better-sqlite3";
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker } from "node:worker_threads";
import { StageWriter, type StageBatch, type StageTableTotals } from "./stage-rows.cjs";
import { BATCH_ROWS, StageTable } from "./stage-table";

export { STAGE_COLUMNS } from "./stage-rows.cjs";
export { StageTable } from "./stage-table";

const PREFIX = "keeper-csat-";
/** Older than any import could run: a directory left by a process killed mid-import. */
const ORPHAN_AGE_MS = 6 * 3_600_000;
/** Page cache of a staging connection, in KiB as SQLite's negative cache_size means. */
export const STAGE_CACHE_KIB = -4096;
/** Batches handed to the worker and not yet written: bounds the memory a busy worker can pile up. */
const MAX_IN_FLIGHT = 8;

/** Best effort: a killed import cannot clean up after itself, so the next one does. */
function removeOrphans(): void {
  try {
    for (const name of readdirSync(tmpdir())) {
      if (!name.startsWith(PREFIX)) continue;
      const path = join(tmpdir(), name);
      if (Date.now() - statSync(path).mtimeMs > ORPHAN_AGE_MS) rmSync(path, { recursive: true, force: true });
    }
  } catch {
    // Another process may be cleaning up too; nothing here is worth failing an import for.
  }
}

/**
 * The worker file: next to this module under tsx and vitest; under the project root in the
 * Next.js server, whose bundled code has no real __dirname (the CLI also runs from the root).
 */
function workerFile(): string | null {
  const candidates = [join(process.cwd(), "lib", "importers", "csat", "stage-worker.cjs")];
  if (typeof __dirname === "string") candidates.unshift(join(__dirname, "stage-worker.cjs"));
  return candidates.find((path) => existsSync(path)) ?? null;
}

type Op = { op: "table"; name: string; exists?: boolean } | { op: "rows"; batch: StageBatch } | { op: "finish"; name: string };
type Reply = {
  op: "ready" | "ack" | "closed" | "finished" | "error";
  name?: string;
  totals?: StageTableTotals;
  message?: string;
  code?: string;
};

export type StageStoreOptions = {
  /** Rows per batch; a file's first full batch starts the worker (tests lower it). */
  batchRows?: number;
  /** The worker file (tests point it elsewhere); null keeps every write in this thread. */
  workerPath?: string | null;
  /** Called when the worker thread takes over the writes. */
  onWorker?: () => void;
};

/**
 * A private SQLite file that holds parsed responses between the async read and the synchronous
 * write (docs/decisions/0002-csat-import-transaction.md), one table per input file. Nothing else
 * opens it, so it needs no journal and its transaction may stay open across awaits.
 *
 * A file that fills a batch hands the writes to a worker thread (decision 0008), so parsing and
 * SQLite run on two cores; smaller ones are written here, sparing the ~50 ms a worker takes to
 * start. Either way each table is written, and its totals counted, by one StageWriter.
 */
export class StageStore {
  readonly path: string;
  readonly batchRows: number;
  private readonly dir: string;
  private db: Database.Database | null = null;
  private inline: StageWriter | null = null;
  private state: "inline" | "starting" | "active" | "closed" = "inline";
  private worker: Worker | null = null;
  private startup: Promise<void> | null = null;
  private workerTried: boolean;
  /** Ops waiting for the worker to start; replayed here if it cannot. */
  private queue: Op[] = [];
  private readonly tables = new Map<string, StageTable>();
  private inFlight = 0;
  private wake: (() => void) | null = null;
  private failure: Error | null = null;

  constructor(private readonly options: StageStoreOptions = {}) {
    removeOrphans();
    this.batchRows = options.batchRows ?? BATCH_ROWS;
    this.workerTried = options.workerPath === null;
    this.dir = mkdtempSync(join(tmpdir(), PREFIX));
    this.path = join(this.dir, "stage.db");
    this.openInline();
  }

  table(index: number): StageTable {
    const table = new StageTable(this, `rows_${index}`);
    this.tables.set(table.name, table);
    this.route({ op: "table", name: table.name });
    return table;
  }

  write(batch: StageBatch): void {
    if (this.failure) throw this.failure;
    if (this.state === "inline" && !this.workerTried && batch.rows === this.batchRows) this.startWorker();
    this.route({ op: "rows", batch });
  }

  finish(table: StageTable): void {
    this.route({ op: "finish", name: table.name });
  }

  /** Awaited between chunks of input: waits while the worker is starting or behind. */
  async ready(): Promise<void> {
    if (this.state === "starting" && this.queue.length >= MAX_IN_FLIGHT) await this.startup;
    while (this.inFlight >= MAX_IN_FLIGHT && !this.failure) await this.nextReply();
    if (this.failure) throw this.failure;
  }

  /** Commits the staged rows (every table's totals are in by then) and closes the file, ready to be attached. */
  async close(): Promise<void> {
    if (this.state === "starting") await this.startup;
    if (this.failure) throw this.failure;
    if (this.state === "active") {
      this.worker!.postMessage({ op: "close" });
      while (this.state === "active" && !this.failure) await this.nextReply();
    } else if (this.db) {
      this.db.exec("COMMIT");
      this.db.close();
      this.db = null;
      this.state = "closed";
    }
    if (this.failure) throw this.failure;
  }

  async dispose(): Promise<void> {
    if (this.db?.open) this.db.close();
    this.db = null;
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
    rmSync(this.dir, { recursive: true, force: true });
  }

  private openInline(): void {
    this.db = new Database(this.path);
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    // Staging only appends: a small cache is enough and keeps a big import's memory down.
    this.db.pragma(`cache_size = ${STAGE_CACHE_KIB}`);
    this.db.exec("BEGIN");
    this.inline = new StageWriter(this.db);
  }

  private route(op: Op): void {
    if (this.state === "inline") this.apply(op);
    else if (this.state === "starting") this.queue.push(op);
    else this.post(op);
  }

  private apply(op: Op): void {
    if (op.op === "table") this.inline!.createTable(op.name, op.exists);
    else if (op.op === "rows") this.inline!.insert(op.batch);
    else this.tables.get(op.name)!.setTotals(this.inline!.finish(op.name));
  }

  private post(op: Op): void {
    if (op.op === "rows") {
      this.inFlight++;
      this.worker!.postMessage(op, [op.batch.lens.buffer as ArrayBuffer, op.batch.nums.buffer as ArrayBuffer]);
    } else {
      this.worker!.postMessage(op);
    }
  }

  /**
   * Called with a table's first full batch, before any of its rows are written: the tables
   * finished so far stay as written here, the open one continues in the worker. Until the worker
   * is ready, ops queue up; if it cannot start, they are written here after all.
   */
  private startWorker(): void {
    this.workerTried = true;
    const file = this.options.workerPath === undefined ? workerFile() : this.options.workerPath;
    if (file === null || !existsSync(file)) return;
    // The worker opens the file only once this thread has committed and closed it.
    this.db!.exec("COMMIT");
    this.db!.close();
    this.db = null;
    this.inline = null;
    const open = [...this.tables.values()].filter((t) => !t.finished).map((t) => t.name);
    this.queue = open.map((name) => ({ op: "table", name, exists: true }));
    this.state = "starting";
    let worker: Worker;
    try {
      // No inherited --import/--require (tsx under the CLI and the bench): the worker is plain
      // CommonJS, and loading a TypeScript loader into it would only slow its start.
      worker = new Worker(file, { execArgv: [], workerData: { path: this.path, cacheKib: STAGE_CACHE_KIB } });
    } catch (err) {
      this.onError(err as Error);
      return;
    }
    this.worker = worker;
    this.startup = new Promise<void>((resolve) => {
      worker.on("message", (reply: Reply) => {
        this.onReply(reply);
        resolve();
      });
      worker.on("error", (err) => {
        this.onError(err);
        resolve();
      });
      worker.on("exit", () => {
        if (this.state === "starting" || this.state === "active") this.onError(new Error("the staging worker stopped unexpectedly"));
        resolve();
      });
    });
  }

  private onReply(reply: Reply): void {
    if (reply.op === "ready") {
      this.state = "active";
      for (const op of this.queue) this.post(op);
      this.queue = [];
      try {
        this.options.onWorker?.();
      } catch (err) {
        // Called from a worker event: the import fails at its next step instead of the process.
        this.failure ??= err as Error;
      }
    } else if (reply.op === "ack") {
      this.inFlight--;
    } else if (reply.op === "finished") {
      this.tables.get(reply.name!)!.setTotals(reply.totals!);
    } else if (reply.op === "closed") {
      this.state = "closed";
    } else {
      this.onError(Object.assign(new Error(reply.message), { name: reply.name ?? "Error", code: reply.code }));
      return;
    }
    this.wake?.();
  }

  /** A worker that fails to start is only not used; once it has taken over, the import fails. */
  private onError(err: Error): void {
    if (this.state === "starting") {
      this.state = "inline";
      const worker = this.worker;
      this.worker = null;
      void worker?.terminate();
      const queued = this.queue;
      this.queue = [];
      // Called from worker events: a failure here must reach the import, not crash the process.
      try {
        this.openInline();
        for (const op of queued) this.apply(op);
      } catch (failure) {
        this.failure ??= failure as Error;
      }
    } else if (this.state === "active") {
      this.failure ??= err;
    }
    this.wake?.();
  }

  private nextReply(): Promise<void> {
    return new Promise<void>((resolve) => (this.wake = resolve));
  }
}
