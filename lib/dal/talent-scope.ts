import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { CycleState } from "@/lib/domain/cycle-state";
import { calibratorSql, canUseTalent, cycleVisibleSql, employeeVisibleSql } from "./policy";
import type { Viewer } from "./session";

/**
 * Who and what the talent review covers, as SQL, so every talent query carries the access rule
 * itself (docs/decisions/0001-data-access-layer.md).
 *
 * - A team's manager is the most common manager of the team's active agents (ties: lowest id).
 *   Team managers usually belong to the team they lead, but their own review is written one level
 *   up, so they are not one of the team's people.
 * - HR sees every team. Anyone else sees the teams whose manager is themself or someone below
 *   them, and within those only people below them: a manager never sees their own review or a
 *   peer's through a talent page.
 * - Team membership is today's: the schema keeps no history of moves, so trends for a team are
 *   the trends of its current people.
 */

export interface PersonRef {
  id: number;
  email: string;
  name: string;
}

export interface TeamFilter {
  teamId?: number;
  teamName?: string;
  managerId?: number;
}

// The access rules live in policy.ts; re-exported for the talent modules that used them from here.
export { calibratorSql, canUseTalent };

const TEAM_MANAGER = sql`(select a.manager_id from employees a
  where a.team_id = t.id and a.role = 'agent' and a.active = 1 and a.manager_id is not null
  group by a.manager_id order by count(*) desc, a.manager_id limit 1)`;

function teamFilterSql(filter: TeamFilter): SQL {
  const parts: SQL[] = [sql`1 = 1`];
  if (filter.teamId !== undefined) parts.push(sql`t.id = ${filter.teamId}`);
  if (filter.teamName !== undefined) parts.push(sql`t.name = ${filter.teamName}`);
  if (filter.managerId !== undefined) parts.push(sql`tm.id = ${filter.managerId}`);
  return sql.join(parts, sql` and `);
}

/**
 * Two common table expressions for `with …`: `scoped_team(id, name, manager_id)` with the teams
 * the viewer may see (narrowed by `filter`), and `member(id, name, email, team_id, manager_id)`
 * with the people of those teams the viewer may see.
 */
export function talentCtes(viewer: Viewer, filter: TeamFilter = {}): SQL {
  // A team is visible when its manager is the viewer or someone the viewer may see.
  const teamVisible = employeeVisibleSql(viewer, sql`tm.id`, { self: true });
  const personVisible = employeeVisibleSql(viewer, sql`e.id`);
  // MATERIALIZED: computed once per query. Inlined, SQLite would re-run the team-manager
  // subquery for every employee row it joins (seconds at 10,000 agents instead of milliseconds).
  return sql`scoped_team(id, name, manager_id) as materialized (
      select t.id, t.name, tm.id from teams t left join employees tm on tm.id = ${TEAM_MANAGER}
      where ${teamVisible} and ${teamFilterSql(filter)}
    ),
    member(id, name, email, team_id, manager_id) as (
      select e.id, e.name, e.email, e.team_id, e.manager_id from employees e
      join scoped_team st on st.id = e.team_id
      where e.active = 1 and e.manager_id is not null and (st.manager_id is null or e.id <> st.manager_id)
        and ${personVisible}
    )`;
}

export interface ScopedTeam {
  id: number;
  name: string;
  manager: PersonRef | null;
}

/** The teams the viewer may see, by name. */
export function scopedTeams(db: Db, viewer: Viewer, filter: TeamFilter = {}): ScopedTeam[] {
  const rows = db.all<{ id: number; name: string; managerId: number | null; managerEmail: string | null; managerName: string | null }>(sql`
    with ${talentCtes(viewer, filter)}
    select st.id as id, st.name as name, m.id as managerId, m.email as managerEmail, m.name as managerName
    from scoped_team st left join employees m on m.id = st.manager_id
    order by st.name collate nocase, st.id`);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    manager: r.managerId === null ? null : { id: r.managerId, email: r.managerEmail!, name: r.managerName! },
  }));
}

export interface TalentCycle {
  id: number;
  key: string;
  state: CycleState;
}

/** A cycle by key, as the viewer may see it: drafts are HR's only (as in lib/dal/cycles.ts). */
export function visibleCycle(db: Db, viewer: Viewer, key: string): TalentCycle | null {
  const row = db.get<TalentCycle | undefined>(sql`
    select id, key, state from cycles
    where key = ${key} and ${cycleVisibleSql(viewer, sql`state`)}`);
  return row ?? null;
}
