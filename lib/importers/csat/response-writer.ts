import type { Database, Statement } from "better-sqlite3";
import type { AgentMap } from "./agent-map";
import type { RollupDeltas } from "./rollup-deltas";
import type { CsatSource } from "./types";

/** A staged response in STAGE_COLUMNS order (see stage-rows.cjs). */
export type StagedRow = [
  sourceRecordId: string,
  agentExternalId: string,
  ratedAt: number,
  quarter: string,
  satisfied: 0 | 1,
  rawValue: string,
  scale: string,
  channel: string | null,
  comment: string | null,
  ticketRef: string | null,
  updatedAt: number,
];

type StoredRow = {
  id: number;
  agent_external_id: string;
  employee_id: number | null;
  rated_at: number;
  quarter: string;
  satisfied: number;
  raw_value: string;
  scale: string;
  channel: string | null;
  comment: string | null;
  ticket_ref: string | null;
  updated_at: number;
};

export type ImportCounts = { imported: number; updated: number; unchanged: number };

/**
 * Applies responses one at a time, for the rows the bulk path cannot take: records already
 * stored, and records a file repeats. `(source, source_record_id)` stays unique; a stored record
 * is replaced only when the incoming updated_at is newer or equal and something differs.
 * Every change is mirrored into the rollup deltas. Runs inside the caller's transaction.
 */
export class ResponseWriter {
  readonly counts: ImportCounts = { imported: 0, updated: 0, unchanged: 0 };
  /** Responses whose agent id names no employee, by source and id. */
  readonly unmatched = new Map<CsatSource, Map<string, number>>();
  private readonly select: Statement;
  private readonly insert: Statement;
  private readonly update: Statement;

  constructor(
    client: Database,
    private readonly importId: number,
    readonly agents: AgentMap,
    readonly rollups: RollupDeltas,
  ) {
    this.select = client.prepare(
      `SELECT id, agent_external_id, employee_id, rated_at, quarter, satisfied, raw_value, scale, channel, comment,
       ticket_ref, updated_at FROM csat_responses WHERE source = ? AND source_record_id = ?`,
    );
    this.insert = client.prepare(
      `INSERT INTO csat_responses (source, source_record_id, agent_external_id, employee_id, rated_at, quarter, satisfied,
       raw_value, scale, channel, comment, ticket_ref, updated_at, import_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.update = client.prepare(
      `UPDATE csat_responses SET agent_external_id = ?, employee_id = ?, rated_at = ?, quarter = ?, satisfied = ?,
       raw_value = ?, scale = ?, channel = ?, comment = ?, ticket_ref = ?, updated_at = ?, import_id = ? WHERE id = ?`,
    );
  }

  countUnmatched(source: CsatSource, agent: string, responses: number): void {
    let counts = this.unmatched.get(source);
    if (!counts) this.unmatched.set(source, (counts = new Map()));
    counts.set(agent, (counts.get(agent) ?? 0) + responses);
  }

  write(source: CsatSource, row: StagedRow): void {
    const [recordId, agent, ratedAt, quarter, satisfied, rawValue, scale, channel, comment, ticketRef, updatedAt] = row;
    const employeeId = this.agents.employeeFor(source, agent);
    if (employeeId === null) this.countUnmatched(source, agent, 1);
    const stored = this.select.get(source, recordId) as StoredRow | undefined;
    if (!stored) {
      this.insert.run(
        source,
        recordId,
        agent,
        employeeId,
        ratedAt,
        quarter,
        satisfied,
        rawValue,
        scale,
        channel,
        comment,
        ticketRef,
        updatedAt,
        this.importId,
      );
      this.counts.imported++;
      if (employeeId !== null) this.rollups.add(employeeId, quarter, 1, satisfied);
      return;
    }
    const same =
      stored.agent_external_id === agent &&
      stored.employee_id === employeeId &&
      stored.rated_at === ratedAt &&
      stored.satisfied === satisfied &&
      stored.raw_value === rawValue &&
      stored.scale === scale &&
      stored.channel === channel &&
      stored.comment === comment &&
      stored.ticket_ref === ticketRef &&
      stored.updated_at === updatedAt;
    // An older version never overwrites a newer one (e.g. Zendesk bad → good, files in any order).
    if (same || updatedAt < stored.updated_at) {
      this.counts.unchanged++;
      return;
    }
    this.update.run(
      agent,
      employeeId,
      ratedAt,
      quarter,
      satisfied,
      rawValue,
      scale,
      channel,
      comment,
      ticketRef,
      updatedAt,
      this.importId,
      stored.id,
    );
    this.counts.updated++;
    if (stored.employee_id !== null) this.rollups.add(stored.employee_id, stored.quarter, -1, -stored.satisfied);
    if (employeeId !== null) this.rollups.add(employeeId, quarter, 1, satisfied);
  }
}
