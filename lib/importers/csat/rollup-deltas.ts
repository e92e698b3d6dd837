import type { Database } from "better-sqlite3";

/**
 * Changes to csat_rollups gathered while responses are written, applied once at the end of the
 * same transaction: one upsert per (employee, quarter) touched instead of one per response.
 */
export class RollupDeltas {
  private readonly byEmployee = new Map<number, Map<string, { responses: number; satisfied: number }>>();

  add(employeeId: number, quarter: string, responses: number, satisfied: number): void {
    let quarters = this.byEmployee.get(employeeId);
    if (!quarters) this.byEmployee.set(employeeId, (quarters = new Map()));
    const delta = quarters.get(quarter);
    if (delta) {
      delta.responses += responses;
      delta.satisfied += satisfied;
    } else {
      quarters.set(quarter, { responses, satisfied });
    }
  }

  /** Every non-zero delta: [employeeId, quarter, responses, satisfied]. */
  *entries(): IterableIterator<[number, string, number, number]> {
    for (const [employeeId, quarters] of this.byEmployee) {
      for (const [quarter, { responses, satisfied }] of quarters) {
        if (responses === 0 && satisfied === 0) continue;
        yield [employeeId, quarter, responses, satisfied];
      }
    }
  }

  /** SQLite: applies in the caller's transaction (PostgreSQL: applyRollupsPg in write-import.pg.ts). A rollup left with no responses is deleted, so the
   *  table always equals a GROUP BY over the matched responses. */
  apply(client: Database): void {
    const upsert = client.prepare(
      `INSERT INTO csat_rollups (employee_id, quarter, responses, satisfied) VALUES (?, ?, ?, ?)
       ON CONFLICT (employee_id, quarter) DO UPDATE SET
         responses = responses + excluded.responses, satisfied = satisfied + excluded.satisfied`,
    );
    const prune = client.prepare("DELETE FROM csat_rollups WHERE employee_id = ? AND quarter = ? AND responses <= 0");
    for (const [employeeId, quarter, responses, satisfied] of this.entries()) {
      upsert.run(employeeId, quarter, responses, satisfied);
      if (responses < 0) prune.run(employeeId, quarter);
    }
  }
}
