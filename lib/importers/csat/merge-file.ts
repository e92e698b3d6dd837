import type { Database } from "better-sqlite3";
import type { AgentMap } from "./agent-map";
import type { ResponseWriter, StagedRow } from "./response-writer";
import { STAGE_COLUMNS, type StageTable } from "./stage-store";
import type { CsatSource } from "./types";

/** The schema name the staging file is attached under for the write step. */
export const STAGE_SCHEMA = "stage";
const SLOW_PAGE = 1000;

/** Fills stage.agents with this import's sources' agent → employee map, for joins. */
export function stageAgentMap(client: Database, agents: AgentMap, sources: CsatSource[]): void {
  client.exec(
    `CREATE TABLE IF NOT EXISTS ${STAGE_SCHEMA}.agents (source TEXT, external_id TEXT, employee_id INTEGER, PRIMARY KEY (source, external_id)) WITHOUT ROWID`,
  );
  const insert = client.prepare(`INSERT OR REPLACE INTO ${STAGE_SCHEMA}.agents VALUES (?, ?, ?)`);
  for (const source of sources) {
    for (const [externalId, employeeId] of agents.entries(source)) insert.run(source, externalId, employeeId);
  }
}

/**
 * Marks rows that cannot go in with the bulk INSERT: records already stored, and records the file
 * repeats (their versions must be compared in file order). Returns whether any row could be slow;
 * a source's first import, with no repeats, skips the pass altogether.
 */
function markSlowRows(client: Database, table: StageTable, source: CsatSource): boolean {
  const stored = client.prepare("SELECT 1 FROM main.csat_responses WHERE source = ? LIMIT 1").get(source) !== undefined;
  if (!stored && table.repeated === 0) return false;
  const rows = `${STAGE_SCHEMA}.${table.name}`;
  client
    .prepare(
      `UPDATE ${rows} SET slow = 1 WHERE source_record_id IN (SELECT source_record_id FROM ${rows}_repeated)
       OR EXISTS (SELECT 1 FROM main.csat_responses r WHERE r.source = ? AND r.source_record_id = ${table.name}.source_record_id)`,
    )
    .run(source);
  return true;
}

/** New, unrepeated records: one INSERT … SELECT, entirely inside SQLite, in file order. */
function insertBulkRows(client: Database, table: StageTable, source: CsatSource, importId: number): number {
  return client
    .prepare(
      `INSERT INTO main.csat_responses (source, source_record_id, agent_external_id, employee_id, rated_at, quarter, satisfied,
       raw_value, scale, channel, comment, ticket_ref, updated_at, import_id)
       SELECT ?, s.source_record_id, s.agent_external_id, a.employee_id, s.rated_at, s.quarter, s.satisfied, s.raw_value,
       s.scale, s.channel, s.comment, s.ticket_ref, s.updated_at, ? FROM ${STAGE_SCHEMA}.${table.name} s
       LEFT JOIN ${STAGE_SCHEMA}.agents a ON a.source = ? AND a.external_id = s.agent_external_id
       WHERE s.slow = 0 ORDER BY s.seq`,
    )
    .run(source, importId, source).changes;
}

/** Slow rows one by one, in file order; each is taken out of the tally, which is left for the bulk rows. */
function applySlowRows(client: Database, writer: ResponseWriter, table: StageTable, source: CsatSource): void {
  const page = client
    .prepare(`SELECT seq, ${STAGE_COLUMNS} FROM ${STAGE_SCHEMA}.${table.name} WHERE slow = 1 AND seq > ? ORDER BY seq LIMIT ${SLOW_PAGE}`)
    .raw();
  for (let rows = page.all(0) as [number, ...StagedRow][]; rows.length > 0; rows = page.all(rows[rows.length - 1][0]) as typeof rows) {
    for (const [, ...row] of rows) {
      writer.write(source, row as StagedRow);
      const totals = table.tally.get(row[1])!.get(row[3])!;
      totals.responses--;
      totals.satisfied -= row[4];
    }
  }
}

/** The bulk rows' rollup deltas and unmatched agents, from the tally counted while staging. */
function creditBulkRows(writer: ResponseWriter, table: StageTable, source: CsatSource): void {
  for (const [agent, quarters] of table.tally) {
    const employeeId = writer.agents.employeeFor(source, agent);
    for (const [quarter, { responses, satisfied }] of quarters) {
      if (responses === 0) continue;
      if (employeeId === null) writer.countUnmatched(source, agent, responses);
      else writer.rollups.add(employeeId, quarter, responses, satisfied);
    }
  }
}

/** Writes one staged file into csat_responses, inside the caller's transaction. */
export function mergeStagedFile(client: Database, writer: ResponseWriter, table: StageTable, source: CsatSource, importId: number): void {
  const slow = markSlowRows(client, table, source);
  writer.counts.imported += insertBulkRows(client, table, source, importId);
  if (slow) applySlowRows(client, writer, table, source);
  creditBulkRows(writer, table, source);
}
