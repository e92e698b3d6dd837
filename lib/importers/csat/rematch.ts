import { sql } from "drizzle-orm";
import { getDb, writeTx, type Db } from "@/db/client";
import { exec, rows } from "@/db/raw";
import { AgentMap } from "./agent-map";

export type AgentKey = { source: string; externalId: string };
/** A helpdesk id an org import moved from one employee to another. */
export type MovedAgent = AgentKey & { from: number };
export type RematchResult = { matched: number; employeesRebuilt: number };

/** Recomputes an employee's rollups from their stored responses (same text on both engines). */
async function rebuildRollups(db: Db, employeeIds: Iterable<number>): Promise<number> {
  let count = 0;
  for (const id of employeeIds) {
    await exec(db, sql`DELETE FROM csat_rollups WHERE employee_id = ${id}`);
    await exec(
      db,
      sql`INSERT INTO csat_rollups (employee_id, quarter, responses, satisfied)
          SELECT employee_id, quarter, count(*), sum(satisfied) FROM csat_responses WHERE employee_id = ${id} GROUP BY employee_id, quarter`,
    );
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
 * One statement per agent id, not per response: the same SQL on SQLite and PostgreSQL.
 */
export function rematchUnmatched(db: Db = getDb(), moved: MovedAgent[] = []): Promise<RematchResult> {
  return writeTx((tx) => rematchIn(tx, moved), db);
}

async function rematchIn(db: Db, moved: MovedAgent[]): Promise<RematchResult> {
  const agents = await AgentMap.read(db);
  const keys = new Map<string, AgentKey>();
  const unmatched = await rows<{ source: string; agent: string }>(
    db,
    sql`SELECT DISTINCT source, agent_external_id AS agent FROM csat_responses WHERE employee_id IS NULL`,
  );
  for (const { source, agent } of unmatched) keys.set(keyOf(source, agent), { source, externalId: agent });
  const previous = new Map<string, Set<number>>();
  for (const key of moved) {
    const externalId = key.source === "csv" ? key.externalId.toLowerCase() : key.externalId;
    const k = keyOf(key.source, externalId);
    let owners = previous.get(k);
    if (!owners) previous.set(k, (owners = new Set()));
    owners.add(key.from);
    if (key.source === "csv") {
      const [owner] = await rows<{ id: number }>(db, sql`SELECT id FROM employees WHERE lower(email) = ${externalId}`);
      if (owner !== undefined) owners.add(owner.id);
    }
    keys.set(k, { source: key.source, externalId });
  }

  const touched = new Set<number>();
  let matched = 0;
  for (const [key, { source, externalId }] of keys) {
    // Nobody to point at: leave the responses as they are rather than guess or unassign.
    const employeeId = agents.employeeFor(source, externalId);
    if (employeeId === null) continue;
    let changes = await exec(
      db,
      sql`UPDATE csat_responses SET employee_id = ${employeeId}
          WHERE source = ${source} AND agent_external_id = ${externalId} AND employee_id IS NULL`,
    );
    for (const old of previous.get(key) ?? []) {
      if (old === employeeId) continue;
      const moves = await exec(
        db,
        sql`UPDATE csat_responses SET employee_id = ${employeeId}
            WHERE employee_id = ${old} AND source = ${source} AND agent_external_id = ${externalId}`,
      );
      if (moves > 0) touched.add(old);
      changes += moves;
    }
    if (changes > 0) {
      touched.add(employeeId);
      matched += changes;
    }
  }
  return { matched, employeesRebuilt: await rebuildRollups(db, touched) };
}
