import type { Database } from "better-sqlite3";
import type { MovedAgent } from "../csat/rematch";
import type { OrgRow } from "./org-csv";

// The writes of an org import, run inside its transaction once every check has passed.

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
export function ensureTeams(client: Database, rows: OrgRow[]): { teamId: Map<string, number>; created: number } {
  const teamId = new Map(client.prepare("SELECT name, id FROM teams").raw().all() as [string, number][]);
  const insert = client.prepare("INSERT INTO teams (name) VALUES (?)");
  let created = 0;
  for (const team of new Set(rows.flatMap((r) => (r.team === null ? [] : [r.team])))) {
    if (teamId.has(team)) continue;
    teamId.set(team, Number(insert.run(team).lastInsertRowid));
    created++;
  }
  return { teamId, created };
}

/**
 * Creates new employees, then sets everyone's fields and manager (a manager may be created by
 * the same file, so managers go in the second pass). Returns ids by email, and the emails of
 * people created or changed. Password hashes and the active flag are the app's: never touched.
 */
export function upsertEmployees(
  client: Database,
  rows: OrgRow[],
  stored: Map<string, StoredEmployee>,
  teamId: Map<string, number>,
  now: number,
): { ids: Map<string, number>; created: number; changed: Set<string> } {
  const insert = client.prepare(
    "INSERT INTO employees (email, name, title, team_id, role, hired_at, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
  );
  const update = client.prepare(
    "UPDATE employees SET name = ?, title = ?, team_id = ?, manager_id = ?, role = ?, hired_at = ?, updated_at = ? WHERE id = ?",
  );
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
    const id = Number(insert.run(row.email, row.name, row.title, teamOf(row), row.role, row.hiredAt, now, now).lastInsertRowid);
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
      update.run(want.name, want.title, want.team_id, want.manager_id, want.role, want.hired_at, now, ids.get(row.email)!);
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
export function upsertIdentities(client: Database, rows: OrgRow[], ids: Map<string, number>, changed: Set<string>): MovedAgent[] {
  const owner = client.prepare("SELECT employee_id FROM identities WHERE source = ? AND external_id = ?").pluck();
  const add = client.prepare("INSERT INTO identities (source, external_id, employee_id) VALUES (?, ?, ?)");
  const move = client.prepare("UPDATE identities SET employee_id = ? WHERE source = ? AND external_id = ?");
  const moved: MovedAgent[] = [];
  for (const row of rows) {
    const id = ids.get(row.email)!;
    for (const { source, externalId } of row.identities) {
      const current = owner.get(source, externalId) as number | undefined;
      if (current === id) continue;
      if (current === undefined) add.run(source, externalId, id);
      else {
        move.run(id, source, externalId);
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
export function upsertDepartures(client: Database, rows: OrgRow[], ids: Map<string, number>, changed: Set<string>, now: number): number {
  const stored = client.prepare("SELECT left_at, leave_type, regretted FROM departures WHERE employee_id = ?");
  const upsert = client.prepare(`INSERT INTO departures (employee_id, left_at, leave_type, regretted, source, recorded_by, recorded_at)
    VALUES (?, ?, ?, ?, 'import', NULL, ?)
    ON CONFLICT (employee_id) DO UPDATE SET left_at = excluded.left_at, leave_type = excluded.leave_type,
      regretted = excluded.regretted, source = excluded.source, recorded_by = NULL, recorded_at = excluded.recorded_at`);
  const deactivate = client.prepare("UPDATE employees SET active = 0, updated_at = ? WHERE id = ? AND active = 1");
  const leaveOpenCycles = client.prepare(`DELETE FROM cycle_participants WHERE employee_id = ?
    AND cycle_id IN (SELECT id FROM cycles WHERE state = 'open')
    AND NOT EXISTS (SELECT 1 FROM reviews r WHERE r.cycle_id = cycle_participants.cycle_id AND r.employee_id = ?)`);
  let count = 0;
  for (const row of rows) {
    if (!row.departure) continue;
    const id = ids.get(row.email)!;
    const { leftAt, leaveType, regretted } = row.departure;
    const have = stored.get(id) as { left_at: string; leave_type: string; regretted: number } | undefined;
    const same = have && have.left_at === leftAt && have.leave_type === leaveType && Boolean(have.regretted) === regretted;
    if (!same) {
      upsert.run(id, leftAt, leaveType, regretted ? 1 : 0, now);
      count++;
      changed.add(row.email);
    }
    if (deactivate.run(now, id).changes > 0) changed.add(row.email);
    leaveOpenCycles.run(id, id);
  }
  return count;
}
