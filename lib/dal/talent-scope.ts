import "server-only";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { CycleState } from "@/lib/domain/cycle-state";
import { calibratorSql, canUseTalent, cycleVisibleSql } from "./policy";
import type { Viewer } from "./session";
import { row as readRow, rows as readRows } from "@/db/raw";

/**
 * Who and what the talent review covers, as SQL, so every talent query carries the access rule
 * itself (docs/decisions/0001-data-access-layer.md).
 *
 * - A cycle covers the people in its participant record (cycle_participants, written when it
 *   opened; docs/decisions/0016-cycle-participants.md), with the team and manager they had
 *   then. Today's org chart plays no part, so moving someone never changes a past cycle; a draft
 *   cycle has no record yet and covers nobody.
 * - A team's manager, in a cycle, is the most common manager of the team's agents in that
 *   cycle's record (ties: lowest id). Team managers usually belong to the team they lead, but
 *   their own review is written one level up, so they are not one of the team's people.
 * - HR sees every team. Anyone else sees the teams whose manager is themself or someone below
 *   them, and within those only people below them, all as the cycle's record has it: a manager
 *   never sees their own review or a peer's through a talent page.
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

/** The cycles a talent query covers, as a parenthesised SQL list or subquery of cycle ids. */
export function oneCycleSql(cycle: { id: number }): SQL {
  return sql`(${cycle.id})`;
}

/** The cycles of the given quarters that the viewer may see (drafts are HR's only). */
export function quarterCyclesSql(viewer: Viewer, quarters: readonly string[]): SQL {
  return sql`(select id from cycles where key in ${quarters} and ${cycleVisibleSql(viewer, sql`state`)})`;
}

const TEAM_MANAGER = sql`(select a.manager_id from cycle_participants a
  where a.cycle_id = tc.cycle_id and a.team_id = tc.team_id and a.role = 'agent' and a.manager_id is not null
  group by a.manager_id order by count(*) desc, a.manager_id limit 1)`;

function teamFilterSql(filter: TeamFilter): SQL {
  const parts: SQL[] = [sql`1 = 1`];
  if (filter.teamId !== undefined) parts.push(sql`t.id = ${filter.teamId}`);
  if (filter.teamName !== undefined) parts.push(sql`t.name = ${filter.teamName}`);
  return sql.join(parts, sql` and `);
}

/**
 * Common table expressions for `with …`, over the cycles in `cycleIds` (oneCycleSql or
 * quarterCyclesSql): `scoped_team(cycle_id, id, name, manager_id)` with the teams the viewer may
 * see in each cycle (narrowed by `filter`), and `member(cycle_id, id, name, email, team_id,
 * manager_id)` with the people of those teams the viewer may see, as each cycle recorded them.
 */
export function talentCtes(viewer: Viewer, filter: TeamFilter, cycleIds: SQL): SQL {
  // Below the viewer in each cycle's own record: a later move neither adds nor takes away.
  const below = viewer.isHr
    ? sql``
    : sql`below(cycle_id, id) as (
        select cycle_id, employee_id from cycle_participants where manager_id = ${viewer.id} and cycle_id in ${cycleIds}
        union
        select p.cycle_id, p.employee_id from cycle_participants p join below b on p.cycle_id = b.cycle_id and p.manager_id = b.id
      ),`;
  const teamVisible = viewer.isHr
    ? sql`1 = 1`
    : sql`(ct.manager_id = ${viewer.id} or (ct.cycle_id, ct.manager_id) in (select cycle_id, id from below))`;
  const managerFilter = filter.managerId === undefined ? sql`1 = 1` : sql`ct.manager_id = ${filter.managerId}`;
  // Row-value IN over `below`, not a correlated EXISTS: SQLite indexes the list once instead of
  // scanning it for every team (a director's subtree is 10,000 rows at the large organisation).
  const personVisible = viewer.isHr ? sql`1 = 1` : sql`(p.cycle_id, p.employee_id) in (select cycle_id, id from below)`;
  // MATERIALIZED: computed once per query. Inlined, SQLite would re-run the team-manager
  // subquery for every participant row it joins (seconds at 10,000 agents instead of milliseconds).
  return sql`recursive ${below}
    cycle_team(cycle_id, id, name, manager_id) as materialized (
      select tc.cycle_id, t.id, t.name, ${TEAM_MANAGER}
      from (select distinct cycle_id, team_id from cycle_participants where cycle_id in ${cycleIds} and team_id is not null) tc
      join teams t on t.id = tc.team_id
      where ${teamFilterSql(filter)}
    ),
    scoped_team(cycle_id, id, name, manager_id) as materialized (
      select ct.cycle_id, ct.id, ct.name, ct.manager_id from cycle_team ct where ${teamVisible} and ${managerFilter}
    ),
    member(cycle_id, id, name, email, team_id, manager_id) as (
      select p.cycle_id, e.id, e.name, e.email, p.team_id, p.manager_id from cycle_participants p
      join scoped_team st on st.cycle_id = p.cycle_id and st.id = p.team_id
      join employees e on e.id = p.employee_id
      where p.manager_id is not null and (st.manager_id is null or p.employee_id <> st.manager_id)
        and ${personVisible}
    )`;
}

/**
 * `scoped_person(cycle_id, id, team_id, manager_id)`: everyone in the cycles' records the viewer
 * may see (HR: all; anyone else: those below them in each record), team managers included. For
 * figures about people rather than teams, such as keeper accuracy.
 */
export function participantScopeCtes(viewer: Viewer, cycleIds: SQL): SQL {
  if (viewer.isHr) {
    return sql`scoped_person(cycle_id, id, team_id, manager_id) as (
      select cycle_id, employee_id, team_id, manager_id from cycle_participants where cycle_id in ${cycleIds})`;
  }
  return sql`recursive below(cycle_id, id) as (
      select cycle_id, employee_id from cycle_participants where manager_id = ${viewer.id} and cycle_id in ${cycleIds}
      union
      select p.cycle_id, p.employee_id from cycle_participants p join below b on p.cycle_id = b.cycle_id and p.manager_id = b.id
    ),
    scoped_person(cycle_id, id, team_id, manager_id) as (
      select p.cycle_id, p.employee_id, p.team_id, p.manager_id from cycle_participants p
      join below b on b.cycle_id = p.cycle_id and b.id = p.employee_id)`;
}

export interface ScopedTeam {
  id: number;
  name: string;
  manager: PersonRef | null;
}

/** The teams the viewer may see in a cycle, by name. */
export async function scopedTeams(db: Db, viewer: Viewer, cycle: { id: number }, filter: TeamFilter = {}): Promise<ScopedTeam[]> {
  const rows = await readRows<{
    id: number;
    name: string;
    managerId: number | null;
    managerEmail: string | null;
    managerName: string | null;
  }>(
    db,
    sql`
    with ${talentCtes(viewer, filter, oneCycleSql(cycle))}
    select st.id as id, st.name as name, m.id as "managerId", m.email as "managerEmail", m.name as "managerName"
    from scoped_team st left join employees m on m.id = st.manager_id
    order by lower(st.name), st.id`,
  );
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
export async function visibleCycle(db: Db, viewer: Viewer, key: string): Promise<TalentCycle | null> {
  const row = await readRow<TalentCycle | undefined>(
    db,
    sql`
    select id, key, state from cycles
    where key = ${key} and ${cycleVisibleSql(viewer, sql`state`)}`,
  );
  return row ?? null;
}
