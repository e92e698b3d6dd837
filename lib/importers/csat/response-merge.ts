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

/** A stored csat_responses row, as both write paths read it (snake_case columns, flags 0/1). */
export type StoredRow = {
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

/** The columns of StoredRow, for the SELECTs of both engines. */
export const STORED_COLUMNS =
  "agent_external_id, employee_id, rated_at, quarter, satisfied, raw_value, scale, channel, comment, ticket_ref, updated_at";

export type ImportCounts = { imported: number; updated: number; unchanged: number };

export type MergeAction = "insert" | "update" | "unchanged";

/**
 * The engine-neutral half of an import's write: what an incoming response does to the stored one,
 * and what that does to the counts, the rollup deltas and the unmatched agents. The SQLite writer
 * (response-writer.ts) and the PostgreSQL merge (write-import.pg.ts) do the reading and writing.
 *
 * `(source, source_record_id)` stays unique; a stored record is replaced only when the incoming
 * updated_at is newer or equal and something differs.
 */
export class ResponseMerge {
  readonly counts: ImportCounts = { imported: 0, updated: 0, unchanged: 0 };
  /** Responses whose agent id names no employee, by source and id. */
  readonly unmatched = new Map<CsatSource, Map<string, number>>();

  constructor(
    readonly importId: number,
    readonly agents: AgentMap,
    readonly rollups: RollupDeltas,
  ) {}

  countUnmatched(source: CsatSource, agent: string, responses: number): void {
    let counts = this.unmatched.get(source);
    if (!counts) this.unmatched.set(source, (counts = new Map()));
    counts.set(agent, (counts.get(agent) ?? 0) + responses);
  }

  /** Decides one response against its stored version (undefined: none), counting it. */
  apply(source: CsatSource, row: StagedRow, stored: StoredRow | undefined, employeeId: number | null): MergeAction {
    const [, agent, ratedAt, quarter, satisfied, rawValue, scale, channel, comment, ticketRef, updatedAt] = row;
    if (employeeId === null) this.countUnmatched(source, agent, 1);
    if (!stored) {
      this.counts.imported++;
      if (employeeId !== null) this.rollups.add(employeeId, quarter, 1, satisfied);
      return "insert";
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
      return "unchanged";
    }
    this.counts.updated++;
    if (stored.employee_id !== null) this.rollups.add(stored.employee_id, stored.quarter, -1, -stored.satisfied);
    if (employeeId !== null) this.rollups.add(employeeId, quarter, 1, satisfied);
    return "update";
  }

  /** The row as it is stored after `apply` inserted or updated it. */
  static storedFrom(row: StagedRow, employeeId: number | null): StoredRow {
    const [, agent, ratedAt, quarter, satisfied, rawValue, scale, channel, comment, ticketRef, updatedAt] = row;
    return {
      agent_external_id: agent,
      employee_id: employeeId,
      rated_at: ratedAt,
      quarter,
      satisfied,
      raw_value: rawValue,
      scale,
      channel,
      comment,
      ticket_ref: ticketRef,
      updated_at: updatedAt,
    };
  }

  /** Unmatched agents, most responses first, as the report lists them. */
  unmatchedList(): { source: CsatSource; externalId: string; count: number }[] {
    return [...this.unmatched]
      .flatMap(([source, ids]) => [...ids].map(([externalId, count]) => ({ source, externalId, count })))
      .sort((a, b) => b.count - a.count || a.source.localeCompare(b.source) || a.externalId.localeCompare(b.externalId));
  }
}
