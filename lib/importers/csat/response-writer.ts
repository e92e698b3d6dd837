import type { Database, Statement } from "better-sqlite3";
import type { AgentMap } from "./agent-map";
import { ResponseMerge, STORED_COLUMNS, type StagedRow, type StoredRow } from "./response-merge";
import type { RollupDeltas } from "./rollup-deltas";
import type { CsatSource } from "./types";

export type { ImportCounts, StagedRow } from "./response-merge";

/**
 * SQLite: applies responses one at a time, for the rows the bulk path cannot take: records already
 * stored, and records a file repeats. The decision and its counts are ResponseMerge's (shared
 * with PostgreSQL); this class only reads and writes, with prepared statements, inside the
 * caller's transaction.
 */
export class ResponseWriter extends ResponseMerge {
  private readonly select: Statement;
  private readonly insert: Statement;
  private readonly update: Statement;

  constructor(client: Database, importId: number, agents: AgentMap, rollups: RollupDeltas) {
    super(importId, agents, rollups);
    this.select = client.prepare(`SELECT id, ${STORED_COLUMNS} FROM csat_responses WHERE source = ? AND source_record_id = ?`);
    this.insert = client.prepare(
      `INSERT INTO csat_responses (source, source_record_id, agent_external_id, employee_id, rated_at, quarter, satisfied,
       raw_value, scale, channel, comment, ticket_ref, updated_at, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.update = client.prepare(
      `UPDATE csat_responses SET agent_external_id = ?, employee_id = ?, rated_at = ?, quarter = ?, satisfied = ?,
       raw_value = ?, scale = ?, channel = ?, comment = ?, ticket_ref = ?, updated_at = ?, import_id = ? WHERE id = ?`,
    );
  }

  write(source: CsatSource, row: StagedRow): void {
    const [recordId, ...values] = row;
    const employeeId = this.agents.employeeFor(source, values[0]);
    const stored = this.select.get(source, recordId) as (StoredRow & { id: number }) | undefined;
    const action = this.apply(source, row, stored, employeeId);
    const [agent, ...rest] = values;
    if (action === "insert") this.insert.run(source, recordId, agent, employeeId, ...rest, this.importId);
    else if (action === "update") this.update.run(agent, employeeId, ...rest, this.importId, stored!.id);
  }
}
