import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { writeTx, type Db } from "@/db/client";
import { exec, row, rows } from "@/db/raw";
import { AgentMap } from "./agent-map";
import { buildReport, insertImportRow, saveImportReport } from "./import-record";
import { ResponseMerge, STORED_COLUMNS, type StagedRow, type StoredRow } from "./response-merge";
import { RollupDeltas } from "./rollup-deltas";
import type { CsatImportReport, WriteStep } from "./run-import";
import type { StagedFile } from "./stage-file";
import { STAGE_COLUMNS, type StageTable } from "./stage-store";
import type { CsatSource } from "./types";

/**
 * The write step on PostgreSQL (docs/decisions/0002, 0022). The staging file stays a private
 * SQLite file on both engines (scratch, not the system of record); here it is read through a
 * read-only connection of its own and its rows go into csat_responses in chunks, one unnest
 * statement per chunk and column list, inside one SERIALIZABLE writeTx. Each row is decided by
 * ResponseMerge, exactly as SQLite's slow path decides it (response-writer.ts), so counts,
 * rollups and reports are the same; the SQLite twin is write-import.sqlite.ts.
 *
 * writeTx may run the callback again after a serialization failure: everything it builds (the
 * agent map, the merge, the rollup deltas) is made inside it, and it only reads the staging file.
 * Indexes are not dropped for a big import, as SQLite does: on PostgreSQL, DROP INDEX would lock
 * csat_responses against every reader until the import commits.
 */
export async function writeImportPg(w: WriteStep): Promise<CsatImportReport> {
  const stage = new Database(w.stagePath, { readonly: true });
  try {
    return await writeTx(async (db) => {
      try {
        return await writeIn(db, stage, w);
      } catch (error) {
        throw databaseError(error);
      }
    });
  } finally {
    stage.close();
  }
}

/**
 * drizzle wraps a failed statement in an error whose message holds the whole statement and its
 * parameters: for a bulk chunk, thousands of rows of CSAT comments. The import fails with the
 * server's own error instead (its code still tells writeTx whether to retry).
 */
function databaseError(error: unknown): unknown {
  const cause = (error as { query?: unknown; cause?: unknown }).cause;
  return typeof (error as { query?: unknown }).query === "string" && cause instanceof Error ? cause : error;
}

async function writeIn(db: Db, stage: Database.Database, w: WriteStep): Promise<CsatImportReport> {
  const { options, files, now } = w;
  const staged = files.filter((f): f is StagedFile => f.ok);
  const importId =
    options.appendTo?.importId ??
    (await insertImportRow(db, options.actorId ?? null, options.via, files.map((f) => f.name).join(", "), w.sourcesLabel, now));
  const merge = new ResponseMerge(importId, await AgentMap.read(db), new RollupDeltas());
  for (const file of staged) await mergeFilePg(db, stage, merge, file.table, file.source);
  w.step("insert");
  w.step("indexes");
  await applyRollupsPg(db, merge.rollups);
  const report = buildReport(importId, files, merge);
  await saveImportReport(db, report, Boolean(options.appendTo));
  await options.appendTo?.inTx?.(db, report);
  return report;
}

/** Rows per statement: 5,000 rows of 12 columns is one round trip of a few hundred KB. */
const CHUNK = 5_000;

/** One text[]/int[]/bigint[] parameter (node-postgres sends a JS array as an array literal). */
const array = (values: unknown[], type: "text" | "integer" | "bigint") => sql`${sql.param(values)}::${sql.raw(type)}[]`;

type Write = { row: StagedRow; employeeId: number | null };

/**
 * One staged file: first the records it holds once, in file order (a chunk's stored versions are
 * read in one query when the source has any), then the records it repeats, in file order, each
 * version decided against the one before (as SQLite's slow path does, and in the same order, so
 * new ids are given out in the same order on both engines).
 */
async function mergeFilePg(db: Db, stage: Database.Database, merge: ResponseMerge, table: StageTable, source: CsatSource): Promise<void> {
  const anyStored = (await row(db, sql`SELECT 1 AS one FROM csat_responses WHERE source = ${source} LIMIT 1`)) !== undefined;
  const repeatedIds = `SELECT source_record_id FROM ${table.name}_repeated`;
  const pages = (filter: string) => pagesOf(stage, table, table.repeated > 0 ? filter : "");

  for (const chunk of pages(`AND source_record_id NOT IN (${repeatedIds})`)) {
    const stored = anyStored
      ? await storedVersions(
          db,
          source,
          chunk.map((r) => r[0]),
        )
      : new Map<string, StoredRow>();
    const inserts: Write[] = [];
    const updates: Write[] = [];
    for (const r of chunk) {
      const employeeId = merge.agents.employeeFor(source, r[1]);
      const action = merge.apply(source, r, stored.get(r[0]), employeeId);
      if (action === "insert") inserts.push({ row: r, employeeId });
      else if (action === "update") updates.push({ row: r, employeeId });
    }
    await insertRows(db, source, merge.importId, inserts);
    await updateRows(db, source, merge.importId, updates);
  }
  if (table.repeated === 0) return;

  // The current version of every repeated record seen so far (undefined: not stored).
  const current = new Map<string, StoredRow | undefined>();
  for (const chunk of pages(`AND source_record_id IN (${repeatedIds})`)) {
    const unseen = [...new Set(chunk.map((r) => r[0]).filter((id) => !current.has(id)))];
    const stored = anyStored && unseen.length > 0 ? await storedVersions(db, source, unseen) : new Map<string, StoredRow>();
    for (const id of unseen) current.set(id, stored.get(id));
    // The last version of each record this chunk changes, and whether it is new to the table.
    const pending = new Map<string, Write & { insert: boolean }>();
    for (const r of chunk) {
      const id = r[0];
      const employeeId = merge.agents.employeeFor(source, r[1]);
      const action = merge.apply(source, r, current.get(id), employeeId);
      if (action === "unchanged") continue;
      pending.set(id, { row: r, employeeId, insert: pending.get(id)?.insert ?? action === "insert" });
      current.set(id, ResponseMerge.storedFrom(r, employeeId));
    }
    const writes = [...pending.values()];
    await insertRows(
      db,
      source,
      merge.importId,
      writes.filter((p) => p.insert),
    );
    await updateRows(
      db,
      source,
      merge.importId,
      writes.filter((p) => !p.insert),
    );
  }
}

/** The staged rows of a table in file order, CHUNK at a time (paged by seq, so no cursor stays open across awaits). */
function* pagesOf(stage: Database.Database, table: StageTable, filter: string): Generator<StagedRow[]> {
  const page = stage.prepare(`SELECT seq, ${STAGE_COLUMNS} FROM ${table.name} WHERE seq > ? ${filter} ORDER BY seq LIMIT ${CHUNK}`).raw();
  for (let after = 0; ;) {
    const got = page.all(after) as [number, ...StagedRow][];
    if (got.length === 0) return;
    after = got[got.length - 1][0];
    yield got.map(([, ...r]) => r as StagedRow);
  }
}

async function storedVersions(db: Db, source: CsatSource, ids: string[]): Promise<Map<string, StoredRow>> {
  const found = await rows<StoredRow & { source_record_id: string }>(
    db,
    sql`SELECT source_record_id, ${sql.raw(STORED_COLUMNS)} FROM csat_responses
        WHERE source = ${source} AND source_record_id = ANY(${array(ids, "text")})`,
  );
  return new Map(found.map((r) => [r.source_record_id, r]));
}

/** The staged columns as unnest arrays, in STAGE_COLUMNS order with employee_id after the agent. */
function columns(writes: Write[]) {
  const col = (i: number) => writes.map((w) => w.row[i]);
  return sql.join(
    [
      array(col(0), "text"),
      array(col(1), "text"),
      array(
        writes.map((w) => w.employeeId),
        "integer",
      ),
      array(col(2), "bigint"),
      array(col(3), "text"),
      array(col(4), "integer"),
      array(col(5), "text"),
      array(col(6), "text"),
      array(col(7), "text"),
      array(col(8), "text"),
      array(col(9), "text"),
      array(col(10), "bigint"),
    ],
    sql`, `,
  );
}

async function insertRows(db: Db, source: CsatSource, importId: number, writes: Write[]): Promise<void> {
  if (writes.length === 0) return;
  await exec(
    db,
    sql`INSERT INTO csat_responses (source, source_record_id, agent_external_id, employee_id, rated_at, quarter, satisfied,
        raw_value, scale, channel, comment, ticket_ref, updated_at, import_id)
        SELECT ${source}, u.*, ${importId} FROM unnest(${columns(writes)}) AS u`,
  );
}

async function updateRows(db: Db, source: CsatSource, importId: number, writes: Write[]): Promise<void> {
  if (writes.length === 0) return;
  await exec(
    db,
    sql`UPDATE csat_responses r SET agent_external_id = u.agent, employee_id = u.employee, rated_at = u.rated, quarter = u.quarter,
        satisfied = u.satisfied, raw_value = u.raw, scale = u.scale, channel = u.channel, comment = u.comment,
        ticket_ref = u.ticket, updated_at = u.updated, import_id = ${importId}
        FROM unnest(${columns(writes)}) AS u(id, agent, employee, rated, quarter, satisfied, raw, scale, channel, comment, ticket, updated)
        WHERE r.source = ${source} AND r.source_record_id = u.id`,
  );
}

/** RollupDeltas.apply's PostgreSQL twin: one upsert for every (employee, quarter), then the emptied ones deleted. */
export async function applyRollupsPg(db: Db, rollups: RollupDeltas): Promise<void> {
  const deltas = [...rollups.entries()];
  if (deltas.length === 0) return;
  const col = (i: number) => deltas.map((d) => d[i]);
  await exec(
    db,
    sql`INSERT INTO csat_rollups (employee_id, quarter, responses, satisfied)
        SELECT * FROM unnest(${array(col(0), "integer")}, ${array(col(1), "text")}, ${array(col(2), "integer")}, ${array(col(3), "integer")})
        ON CONFLICT (employee_id, quarter) DO UPDATE SET
          responses = csat_rollups.responses + excluded.responses, satisfied = csat_rollups.satisfied + excluded.satisfied`,
  );
  const shrunk = deltas.filter((d) => d[2] < 0);
  if (shrunk.length === 0) return;
  await exec(
    db,
    sql`DELETE FROM csat_rollups WHERE responses <= 0 AND (employee_id, quarter) IN
        (SELECT * FROM unnest(${array(
          shrunk.map((d) => d[0]),
          "integer",
        )}, ${array(
          shrunk.map((d) => d[1]),
          "text",
        )}))`,
  );
}
