import Database from "better-sqlite3";
import { mkdtempSync, readdirSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { quarterOf } from "@/lib/domain/quarter";
import type { CsatRecord } from "./types";

/** Columns of a staged response; the file's source is implied by its table. */
export const STAGE_COLUMNS =
  "source_record_id, agent_external_id, rated_at, quarter, satisfied, raw_value, scale, channel, comment, ticket_ref, updated_at";
const STAGE_PARAMS = STAGE_COLUMNS.split(",").length;
const PREFIX = "keeper-csat-";
/** Older than any import could run: a directory left by a process killed mid-import. */
const ORPHAN_AGE_MS = 6 * 3_600_000;

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

/** Page cache of the staging connection, in KiB as SQLite's negative cache_size means. */
export const STAGE_CACHE_KIB = -4096;
/** Rows per INSERT: binding many rows per statement step is what makes staging cheap. */
const INSERT_ROWS = 100;

/**
 * A private SQLite file that holds parsed responses between the async read and the synchronous
 * write (docs/decisions/0002-csat-import-transaction.md). One table per input file. Nothing else
 * opens it, so it needs no journal, and its transaction may stay open across awaits.
 */
export class StageStore {
  readonly path: string;
  private readonly dir: string;
  private db: Database.Database | null;

  constructor() {
    removeOrphans();
    this.dir = mkdtempSync(join(tmpdir(), PREFIX));
    this.path = join(this.dir, "stage.db");
    this.db = new Database(this.path);
    this.db.pragma("journal_mode = OFF");
    this.db.pragma("synchronous = OFF");
    // Staging only appends: a small cache is enough and keeps a big import's memory down.
    this.db.pragma(`cache_size = ${STAGE_CACHE_KIB}`);
    this.db.exec("BEGIN");
  }

  table(index: number): StageTable {
    if (!this.db) throw new Error("StageStore is closed");
    return new StageTable(this.db, `rows_${index}`);
  }

  /** Commits and closes the staging connection so the file can be attached to the main one. */
  close(): void {
    if (!this.db) return;
    if (this.db.inTransaction) this.db.exec("COMMIT");
    this.db.close();
    this.db = null;
  }

  dispose(): void {
    if (this.db?.open) this.db.close();
    this.db = null;
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** FNV-1a folded to 30 bits, so V8 stores it as a small integer rather than a boxed number. */
function idHash(id: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < id.length; i++) hash = Math.imul(hash ^ id.charCodeAt(i), 0x01000193);
  return (hash >>> 2) & 0x3fffffff;
}

/** Responses and satisfied responses per agent and quarter. */
export type AgentTally = Map<string, Map<string, { responses: number; satisfied: number }>>;

/** One file's staged responses, the record ids the file holds more than once, and per-agent totals. */
export class StageTable {
  count = 0;
  /** Counted while staging so the write step needs no GROUP BY over millions of rows. */
  readonly tally: AgentTally = new Map();
  private readonly pending: unknown[] = new Array(INSERT_ROWS * STAGE_PARAMS);
  private filled = 0;
  /** Hashes of the ids seen so far: a third of the memory of the ids themselves. */
  private readonly seen = new Set<number>();
  /** Ids seen twice or more (or sharing a hash): their rows are applied one by one, in file order. */
  readonly repeated = new Set<string>();
  private readonly insertMany: Database.Statement;
  private readonly insertOne: Database.Statement;

  constructor(
    private readonly db: Database.Database,
    readonly name: string,
  ) {
    db.exec(
      `CREATE TABLE ${name} (seq INTEGER PRIMARY KEY, source_record_id TEXT NOT NULL, agent_external_id TEXT NOT NULL,
       rated_at INTEGER NOT NULL, quarter TEXT NOT NULL, satisfied INTEGER NOT NULL, raw_value TEXT NOT NULL,
       scale TEXT NOT NULL, channel TEXT, comment TEXT, ticket_ref TEXT, updated_at INTEGER NOT NULL,
       slow INTEGER NOT NULL DEFAULT 0)`,
    );
    const row = `(${new Array(STAGE_PARAMS).fill("?").join(", ")})`;
    this.insertMany = db.prepare(`INSERT INTO ${name} (${STAGE_COLUMNS}) VALUES ${new Array(INSERT_ROWS).fill(row).join(", ")}`);
    this.insertOne = db.prepare(`INSERT INTO ${name} (${STAGE_COLUMNS}) VALUES ${row}`);
  }

  push(r: CsatRecord): void {
    // A hash collision only sends a row down the (correct, slower) one-by-one path.
    const hash = idHash(r.sourceRecordId);
    if (this.seen.has(hash)) this.repeated.add(r.sourceRecordId);
    else this.seen.add(hash);
    const quarter = quarterOf(r.ratedAt);
    const satisfied = r.satisfied ? 1 : 0;
    this.count++;
    this.countFor(r.agentExternalId, quarter, satisfied);
    // One reused parameter array per batch: no per-row garbage on a million-row file.
    const p = this.pending;
    let at = this.filled;
    p[at++] = r.sourceRecordId;
    p[at++] = r.agentExternalId;
    p[at++] = r.ratedAt;
    p[at++] = quarter;
    p[at++] = satisfied;
    p[at++] = r.rawValue;
    p[at++] = r.scale;
    p[at++] = r.channel;
    p[at++] = r.comment;
    p[at++] = r.ticketRef;
    p[at++] = r.updatedAt;
    this.filled = at;
    if (at === p.length) {
      this.insertMany.run(p);
      this.filled = 0;
    }
  }

  private countFor(agent: string, quarter: string, satisfied: number): void {
    let quarters = this.tally.get(agent);
    if (!quarters) this.tally.set(agent, (quarters = new Map()));
    const totals = quarters.get(quarter);
    if (totals) {
      totals.responses++;
      totals.satisfied += satisfied;
    } else {
      quarters.set(quarter, { responses: 1, satisfied });
    }
  }

  /** Writes what is buffered and frees the id set; the table is then ready to be merged. */
  finish(): void {
    for (let at = 0; at < this.filled; at += STAGE_PARAMS) {
      this.insertOne.run(this.pending.slice(at, at + STAGE_PARAMS));
    }
    this.filled = 0;
    this.seen.clear();
    this.db.exec(`CREATE TABLE ${this.name}_repeated (source_record_id TEXT PRIMARY KEY)`);
    const insert = this.db.prepare(`INSERT INTO ${this.name}_repeated VALUES (?)`);
    for (const id of this.repeated) insert.run(id);
  }
}
