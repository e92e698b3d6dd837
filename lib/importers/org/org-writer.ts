import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { exec, rows } from "@/db/raw";
import type { MovedAgent } from "../csat/rematch";
import type { OrgRow } from "./org-csv";

// The writes of an org import, run inside its transaction once every check has passed. Plain SQL
// through db/raw.ts, the same text on SQLite and PostgreSQL (RETURNING gives the new ids on both).

/** The id of the row an INSERT … RETURNING id made. */
async function insertedId(db: Db, query: ReturnType<typeof sql>): Promise<number> {
  const [made] = await rows<{ id: number }>(db, query);
  return Number(made.id);
}

export type StoredEmployee = {
  id: number;
  email: string;
  name: string;
  title: string;
  team_id: number | null;
  manager_id: number | null;
  role: string;
  hired_at: string | null;
};

/** Inserts missing teams; returns name → id and how many were created. */
export async function ensureTeams(db: Db, orgRows: OrgRow[]): Promise<{ teamId: Map<string, number>; created: number }> {
  const teams = await rows<{ name: string; id: number }>(db, sql`SELECT name, id FROM teams`);
  const teamId = new Map(teams.map((t) => [t.name, t.id]));
  let created = 0;
  for (const team of new Set(orgRows.flatMap((r) => (r.team === null ? [] : [r.team])))) {
    if (teamId.has(team)) continue;
    teamId.set(team, await insertedId(db, sql`INSERT INTO teams (name) VALUES (${team}) RETURNING id`));
    created++;
  }
  return { teamId, created };
}

/**
 * Creates new employees, then sets everyone's fields and manager (a manager may be created by
 * the same file, so managers go in the second pass). Returns ids by email, and the emails of
 * people created or changed. Password hashes and the active flag are the app's: never touched.
 */
export async function upsertEmployees(
  db: Db,
  rows: OrgRow[],
  stored: Map<string, StoredEmployee>,
  teamId: Map<string, number>,
  now: number,
): Promise<{ ids: Map<string, number>; created: number; changed: Set<string> }> {
  const teamOf = (row: OrgRow) => (row.team === null ? null : teamId.get(row.team)!);
  const ids = new Map<string, number>();
  const changed = new Set<string>();
  let created = 0;
  for (const row of rows) {
    const existing = stored.get(row.email);
    if (existing) {
      ids.set(row.email, existing.id);
      continue;
    }
    const id = await insertedId(
      db,
      sql`INSERT INTO employees (email, name, title, team_id, role, hired_at, created_at, updated_at)
          VALUES (${row.email}, ${row.name}, ${row.title}, ${teamOf(row)}, ${row.role}, ${row.hiredAt}, ${now}, ${now}) RETURNING id`,
    );
    ids.set(row.email, id);
    changed.add(row.email);
    created++;
  }
  for (const row of rows) {
    const have = stored.get(row.email);
    const want = {
      name: row.name,
      title: row.title,
      team_id: teamOf(row),
      manager_id: row.managerEmail === null ? null : (ids.get(row.managerEmail) ?? stored.get(row.managerEmail)!.id),
      role: row.role,
      // A blank hired_at leaves the stored date alone.
      hired_at: row.hiredAt ?? have?.hired_at ?? null,
    };
    const current = have ?? { ...want, manager_id: null };
    if ((Object.keys(want) as (keyof typeof want)[]).some((k) => want[k] !== current[k])) {
      await exec(
        db,
        sql`UPDATE employees SET name = ${want.name}, title = ${want.title}, team_id = ${want.team_id}, manager_id = ${want.manager_id},
            role = ${want.role}, hired_at = ${want.hired_at}, updated_at = ${now} WHERE id = ${ids.get(row.email)!}`,
      );
      changed.add(row.email);
    }
  }
  return { ids, created, changed };
}

/**
 * Points each helpdesk id in the file at its row's employee. An id that belonged to someone else
 * moves (the file is the HR system's word); ids missing from the file are left as they are.
 * Returns the moved ids, whose stored CSAT responses must follow them.
 */
export async function upsertIdentities(db: Db, orgRows: OrgRow[], ids: Map<string, number>, changed: Set<string>): Promise<MovedAgent[]> {
  const moved: MovedAgent[] = [];
  for (const row of orgRows) {
    const id = ids.get(row.email)!;
    for (const { source, externalId } of row.identities) {
      const [owner] = await rows<{ employee_id: number }>(
        db,
        sql`SELECT employee_id FROM identities WHERE source = ${source} AND external_id = ${externalId}`,
      );
      const current = owner?.employee_id;
      if (current === id) continue;
      if (current === undefined)
        await exec(db, sql`INSERT INTO identities (source, external_id, employee_id) VALUES (${source}, ${externalId}, ${id})`);
      else {
        await exec(db, sql`UPDATE identities SET employee_id = ${id} WHERE source = ${source} AND external_id = ${externalId}`);
        moved.push({ source, externalId, from: current });
      }
      changed.add(row.email);
    }
  }
  return moved;
}

/**
 * Records the departures the file gives (the org CSV's `left_at,leave_type,regretted`): the person
 * is deactivated, so they cannot sign in, keeps their history, and leaves any open cycle where
 * nobody has started their review (as lib/dal/participant-record.ts does for HR's page).
 * Returns how many departures were recorded or changed.
 */
export async function upsertDepartures(
  db: Db,
  orgRows: OrgRow[],
  ids: Map<string, number>,
  changed: Set<string>,
  now: number,
): Promise<number> {
  let count = 0;
  for (const row of orgRows) {
    if (!row.departure) continue;
    const id = ids.get(row.email)!;
    const { leftAt, leaveType, regretted } = row.departure;
    const [have] = await rows<{ left_at: string; leave_type: string; regretted: number }>(
      db,
      sql`SELECT left_at, leave_type, regretted FROM departures WHERE employee_id = ${id}`,
    );
    const same = have && have.left_at === leftAt && have.leave_type === leaveType && Boolean(have.regretted) === regretted;
    if (!same) {
      await exec(
        db,
        sql`INSERT INTO departures (employee_id, left_at, leave_type, regretted, source, recorded_by, recorded_at)
            VALUES (${id}, ${leftAt}, ${leaveType}, ${regretted ? 1 : 0}, 'import', NULL, ${now})
            ON CONFLICT (employee_id) DO UPDATE SET left_at = excluded.left_at, leave_type = excluded.leave_type,
              regretted = excluded.regretted, source = excluded.source, recorded_by = NULL, recorded_at = excluded.recorded_at`,
      );
      count++;
      changed.add(row.email);
    }
    if ((await exec(db, sql`UPDATE employees SET active = 0, updated_at = ${now} WHERE id = ${id} AND active = 1`)) > 0)
      changed.add(row.email);
    await exec(
      db,
      sql`DELETE FROM cycle_participants WHERE employee_id = ${id}
          AND cycle_id IN (SELECT id FROM cycles WHERE state = 'open')
          AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.cycle_id = cycle_participants.cycle_id AND r.employee_id = ${id})`,
    );
  }
  return count;
}
