import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rows, exec } from "@/db/raw";

/**
 * Writes a cycle's participant record (docs/decisions/0016-cycle-participants.md). Internal to
 * lib/dal: callers run inside their own write transaction and have checked who is asking.
 */

/**
 * Everyone reviewable when the cycle opens (active, with a manager), with their team, manager,
 * role and title at this moment; their manager is their reviewer. Idempotent: people already in
 * the record keep their row.
 */
export async function snapshotParticipants(db: Db, cycleId: number, now: number): Promise<number> {
  const result = await exec(
    db,
    sql`
    insert into cycle_participants (cycle_id, employee_id, team_id, manager_id, reviewer_id, role, title, added_at, added_by)
    select ${cycleId}, e.id, e.team_id, e.manager_id, e.manager_id, e.role, e.title, ${now}, null
    from employees e
    where e.active = 1 and e.manager_id is not null
      and not exists (select 1 from cycle_participants p where p.cycle_id = ${cycleId} and p.employee_id = e.id)`,
  );
  return result;
}

/** Adds named people (active, with a manager, not yet in the record) as they are today; returns who was added. */
export async function addParticipants(
  db: Db,
  cycleId: number,
  employeeIds: readonly number[],
  actorId: number,
  now: number,
): Promise<number[]> {
  if (employeeIds.length === 0) return [];
  return (
    await rows<{ id: number }>(
      db,
      sql`
      insert into cycle_participants (cycle_id, employee_id, team_id, manager_id, reviewer_id, role, title, added_at, added_by)
      select ${cycleId}, e.id, e.team_id, e.manager_id, e.manager_id, e.role, e.title, ${now}, ${actorId}
      from employees e
      where e.id in ${employeeIds} and e.active = 1 and e.manager_id is not null
        and not exists (select 1 from cycle_participants p where p.cycle_id = ${cycleId} and p.employee_id = e.id)
      returning employee_id as id`,
    )
  ).map((r) => r.id);
}

/**
 * Takes a leaver out of open cycles where nobody has started their review: they can no longer
 * be reviewed, and an empty row would count against the team's completion forever. A started
 * review keeps them in, so what was written still counts. Returns the cycles they left.
 */
export async function removeUnreviewedFromOpenCycles(db: Db, employeeId: number): Promise<number[]> {
  return (
    await rows<{ cycleId: number }>(
      db,
      sql`
      delete from cycle_participants
      where employee_id = ${employeeId}
        and cycle_id in (select id from cycles where state = 'open')
        and not exists (select 1 from reviews r where r.cycle_id = cycle_participants.cycle_id and r.employee_id = ${employeeId})
      returning cycle_id as "cycleId"`,
    )
  ).map((r) => r.cycleId);
}
