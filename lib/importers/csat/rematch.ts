import { sqliteClient } from "@/db/client";
import type { Database } from "better-sqlite3";
import { getDb, type Db } from "@/db/client";
import { AgentMap } from "./agent-map";

export type AgentKey = { source: string; externalId: string };
/** A helpdesk id an org import moved from one employee to another. */
export type MovedAgent = AgentKey & { from: number };
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

const keyOf = (source: string, externalId: string) => `${source}\u0000${externalId}`;

/**
 * After an org import: points stored responses at the employee their agent id now names, and
 * rebuilds the rollups of every employee who gained or lost responses. Covers responses that were
 * unmatched when imported, plus those of `moved` (identities the org import moved to another
 * employee). Runs inside the caller's transaction, or its own when there is none.
 *
 * Unmatched responses are found through the partial index on (source, agent_external_id) WHERE
 * employee_id IS NULL. A moved id's matched responses are found per employee (employee_id
 * index): they can only be credited to its previous owner or, for the generic CSV, to the
 * employee whose email it is (an identity added later overrides the email without rematching).
 */
export function rematchUnmatched(db: Db = getDb(), moved: MovedAgent[] = []): RematchResult {
  const client = sqliteClient(db);
  return client
    .transaction((): RematchResult => {
      const agents = AgentMap.load(client);
      const keys = new Map<string, AgentKey>();
      const unmatched = client
        .prepare("SELECT DISTINCT source, agent_external_id FROM csat_responses WHERE employee_id IS NULL")
        .raw()
        .all() as [string, string][];
      for (const [source, externalId] of unmatched) keys.set(keyOf(source, externalId), { source, externalId });
      const previous = new Map<string, Set<number>>();
      const emailOwner = client.prepare("SELECT id FROM employees WHERE lower(email) = ?").pluck();
      for (const key of moved) {
        const externalId = key.source === "csv" ? key.externalId.toLowerCase() : key.externalId;
        const k = keyOf(key.source, externalId);
        let owners = previous.get(k);
        if (!owners) previous.set(k, (owners = new Set()));
        owners.add(key.from);
        if (key.source === "csv") {
          const owner = emailOwner.get(externalId) as number | undefined;
          if (owner !== undefined) owners.add(owner);
        }
        keys.set(k, { source: key.source, externalId });
      }

      const matchUnmatched = client.prepare(
        "UPDATE csat_responses SET employee_id = ? WHERE source = ? AND agent_external_id = ? AND employee_id IS NULL",
      );
      const moveFrom = client.prepare(
        "UPDATE csat_responses SET employee_id = ? WHERE employee_id = ? AND source = ? AND agent_external_id = ?",
      );
      const touched = new Set<number>();
      let matched = 0;
      for (const [key, { source, externalId }] of keys) {
        // Nobody to point at: leave the responses as they are rather than guess or unassign.
        const employeeId = agents.employeeFor(source, externalId);
        if (employeeId === null) continue;
        let changes = matchUnmatched.run(employeeId, source, externalId).changes;
        for (const old of previous.get(key) ?? []) {
          if (old === employeeId) continue;
          const moves = moveFrom.run(employeeId, old, source, externalId).changes;
          if (moves > 0) touched.add(old);
          changes += moves;
        }
        if (changes > 0) {
          touched.add(employeeId);
          matched += changes;
        }
      }
      return { matched, employeesRebuilt: rebuildRollups(client, touched) };
    })
    .immediate();
}
