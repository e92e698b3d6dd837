import type { Database } from "better-sqlite3";
import { getDb, type Db } from "@/db/client";
import { AgentMap } from "./agent-map";

export type AgentKey = { source: string; externalId: string };
export type RematchResult = { matched: number; employeesRebuilt: number };

/** Recomputes an employee's rollups from their stored responses. */
function rebuildRollups(client: Database, employeeIds: Iterable<number>): number {
  const clear = client.prepare("DELETE FROM csat_rollups WHERE employee_id = ?");
  const fill = client.prepare(
    `INSERT INTO csat_rollups (employee_id, quarter, responses, satisfied)
     SELECT employee_id, quarter, count(*), sum(satisfied) FROM csat_responses WHERE employee_id = ? GROUP BY quarter`,
  );
  let count = 0;
  for (const id of employeeIds) {
    clear.run(id);
    fill.run(id);
    count++;
  }
  return count;
}

/**
 * After an org import: points stored responses at the employee their agent id now names, and
 * rebuilds the rollups of every employee who gained or lost responses. Covers responses that were
 * unmatched when imported, plus those of `changedAgents` (identities the org import moved to
 * another employee). Runs inside the caller's transaction, or its own when there is none.
 */
export function rematchUnmatched(db: Db = getDb(), changedAgents: AgentKey[] = []): RematchResult {
  const client = db.$client;
  return client
    .transaction((): RematchResult => {
      const agents = AgentMap.load(client);
      const keys = new Map<string, AgentKey>();
      const unmatched = client
        .prepare("SELECT DISTINCT source, agent_external_id FROM csat_responses WHERE employee_id IS NULL")
        .raw()
        .all() as [string, string][];
      for (const [source, externalId] of unmatched) keys.set(`${source}\u0000${externalId}`, { source, externalId });
      for (const key of changedAgents) {
        const externalId = key.source === "csv" ? key.externalId.toLowerCase() : key.externalId;
        keys.set(`${key.source}\u0000${externalId}`, { source: key.source, externalId });
      }

      const previous = client
        .prepare("SELECT DISTINCT employee_id FROM csat_responses WHERE source = ? AND agent_external_id = ? AND employee_id IS NOT ?")
        .pluck();
      const repoint = client.prepare(
        "UPDATE csat_responses SET employee_id = ? WHERE source = ? AND agent_external_id = ? AND employee_id IS NOT ?",
      );
      const touched = new Set<number>();
      let matched = 0;
      for (const { source, externalId } of keys.values()) {
        // Nobody to point at: leave the responses as they are rather than guess or unassign.
        const employeeId = agents.employeeFor(source, externalId);
        if (employeeId === null) continue;
        for (const old of previous.all(source, externalId, employeeId) as (number | null)[]) {
          if (old !== null) touched.add(old);
        }
        const { changes } = repoint.run(employeeId, source, externalId, employeeId);
        if (changes > 0) {
          touched.add(employeeId);
          matched += changes;
        }
      }
      return { matched, employeesRebuilt: rebuildRollups(client, touched) };
    })
    .immediate();
}
