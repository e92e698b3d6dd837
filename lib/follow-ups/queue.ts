import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { KeeperAnswer } from "@/lib/domain/keeper";
import type { FollowUpKind } from "@/lib/domain/follow-ups";
import { rows } from "@/db/raw";

// Plain reads with no access checks, shared by the app's data-access layer (which narrows them
// to what the viewer may see) and the `keeper remind` CLI.

export interface FollowUpRow {
  reviewId: number;
  cycleId: number;
  cycleKey: string;
  employeeId: number;
  employeeName: string;
  team: string | null;
  /** The person's current manager: who is asked for the follow-up. */
  managerId: number;
  managerName: string;
  answer: KeeperAnswer;
  kind: FollowUpKind | null;
  happenedOn: string | null;
  reviewOn: string | null;
  note: string | null;
  recordedAt: number | null;
  recordedByName: string | null;
}

/**
 * Answers that ask for a follow-up (lib/domain/follow-ups.ts asksForFollowUp), with the follow-up
 * when there is one: unsure or let_go in a released or closed cycle, for people still employed,
 * and only their latest released answer (a later one supersedes it). `where` narrows further.
 */
export async function followUpRows(db: Db, where: SQL = sql`1 = 1`): Promise<FollowUpRow[]> {
  return await rows<FollowUpRow>(
    db,
    sql`
    select r.id as "reviewId", c.id as "cycleId", c.key as "cycleKey", e.id as "employeeId", e.name as "employeeName", t.name as team,
      m.id as "managerId", m.name as "managerName", r.keeper_answer as answer,
      f.kind as kind, f.happened_on as "happenedOn", f.review_on as "reviewOn", f.note as note, f.recorded_at as "recordedAt", rb.name as "recordedByName"
    from reviews r
    join cycles c on c.id = r.cycle_id and c.state in ('released', 'closed')
    join employees e on e.id = r.employee_id and e.active = 1
    join employees m on m.id = e.manager_id
    left join teams t on t.id = e.team_id
    left join keeper_follow_ups f on f.review_id = r.id
    left join employees rb on rb.id = f.recorded_by
    where r.status = 'submitted' and r.keeper_answer in ('unsure', 'let_go')
      and c.key = (select max(c2.key) from reviews r2 join cycles c2 on c2.id = r2.cycle_id
        where r2.employee_id = r.employee_id and r2.status = 'submitted' and c2.state in ('released', 'closed'))
      and ${where}
    order by c.key desc, e.name, e.id`,
  );
}
