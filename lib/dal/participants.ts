import { row as readRow, rows as readRows, exec } from "@/db/raw";
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { recordAudit, recordDenied } from "./audit";
import { addParticipants } from "./participant-record";
import { requireRole } from "./policy";

/** HR's view and changes of a cycle's participant record (docs/decisions/0016-cycle-participants.md). */

export interface LateHire {
  id: number;
  name: string;
  email: string;
  team: string | null;
  manager: string;
  hiredAt: string | null;
}

export interface CycleRecordView {
  cycle: { id: number; key: string; state: string };
  participants: number;
  /** People reviewable today who are not in the record (hired or given a manager after it opened). */
  lateHires: LateHire[];
  lateHiresTotal: number;
}

export type ParticipantActionResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** Past this many people, the page asks for an org import check rather than listing everyone. */
export const LATE_HIRE_LIMIT = 200;

/** HR only; null (audited) for anyone else or an unknown cycle. */
export async function getCycleRecord(key: string): Promise<CycleRecordView | null> {
  const viewer = await requireRole("hr", { type: "cycle", id: key });
  if (!viewer) return null;
  if (!QUARTER_KEY.test(key)) {
    await recordDenied(viewer.id, "cycle", key, "malformed key");
    return null;
  }
  const db = getDb();
  const cycle = await readRow<{ id: number; key: string; state: string } | undefined>(
    db,
    sql`select id, key, state from cycles where key = ${key}`,
  );
  if (!cycle) return null;
  const participants = (await readRow<{ n: number }>(db, sql`select count(*) as n from cycle_participants where cycle_id = ${cycle.id}`))!
    .n;
  const missing = sql`from employees e
    join employees m on m.id = e.manager_id
    left join teams t on t.id = e.team_id
    where e.active = 1 and not exists (select 1 from cycle_participants p where p.cycle_id = ${cycle.id} and p.employee_id = e.id)`;
  const lateHiresTotal = cycle.state === "draft" ? 0 : (await readRow<{ n: number }>(db, sql`select count(*) as n ${missing}`))!.n;
  const lateHires =
    cycle.state === "draft"
      ? []
      : await readRows<LateHire>(
          db,
          sql`select e.id as id, e.name as name, e.email as email, t.name as team, m.name as manager, e.hired_at as "hiredAt"
          ${missing} order by e.hired_at desc, e.name limit ${LATE_HIRE_LIMIT}`,
        );
  return { cycle, participants, lateHires, lateHiresTotal };
}

const addSchema = z.object({
  key: z.string().regex(QUARTER_KEY),
  employeeIds: z.array(z.coerce.number().int().positive()).min(1, "Pick at least one person.").max(LATE_HIRE_LIMIT),
});

/** Adds people hired after the cycle opened to it, as the org chart has them today. Open cycles only; audited. */
export async function addLateHires(raw: unknown): Promise<ParticipantActionResult> {
  const parsed = addSchema.safeParse(raw);
  const viewer = await requireRole("hr", { type: "cycle", id: parsed.success ? parsed.data.key : "?", action: "add participants" });
  if (!viewer) return { ok: false, message: "Only HR can change who a cycle covers." };
  if (!parsed.success) {
    return { ok: false, message: parsed.error.issues[0].message, fieldErrors: { employeeIds: parsed.error.issues[0].message } };
  }
  const { key, employeeIds } = parsed.data;
  return writeTx(async (db): Promise<ParticipantActionResult> => {
    const cycle = await readRow<{ id: number; state: string } | undefined>(db, sql`select id, state from cycles where key = ${key}`);
    if (!cycle) return { ok: false, message: "Unknown cycle." };
    if (cycle.state !== "open") return { ok: false, message: `${key} is not open: only an open cycle takes new people.` };
    const added = await addParticipants(db, cycle.id, employeeIds, viewer.id, Date.now());
    if (added.length === 0) return { ok: false, message: "Nobody was added: they are already in the cycle, inactive, or have no manager." };
    await recordAudit({
      actorId: viewer.id,
      action: "cycle.participants_add",
      targetType: "cycle",
      targetId: key,
      detail: { employeeIds: added },
    });
    return { ok: true, message: `Added ${added.length === 1 ? "1 person" : `${added.length} people`} to ${key}.` };
  });
}

const reassignSchema = z.object({
  key: z.string().regex(QUARTER_KEY),
  employeeEmail: z.string().trim().toLowerCase().email("Enter the email of the person being reviewed."),
  reviewerEmail: z.string().trim().toLowerCase().email("Enter the email of the new reviewer."),
});

/**
 * Gives a participant's review to another reviewer in an open or calibrating cycle (audited). The
 * review's author stays as it is until the new reviewer saves; the previous reviewer keeps read
 * access through the record's manager at opening when that was them (review-visibility.ts).
 */
export async function reassignReviewer(raw: unknown): Promise<ParticipantActionResult> {
  const parsed = reassignSchema.safeParse(raw);
  const viewer = await requireRole("hr", { type: "cycle", id: parsed.success ? parsed.data.key : "?", action: "reassign reviewer" });
  if (!viewer) return { ok: false, message: "Only HR can reassign reviewers." };
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  const { key, employeeEmail, reviewerEmail } = parsed.data;
  return writeTx(async (db): Promise<ParticipantActionResult> => {
    const cycle = await readRow<{ id: number; state: string } | undefined>(db, sql`select id, state from cycles where key = ${key}`);
    if (!cycle) return { ok: false, message: "Unknown cycle." };
    if (cycle.state !== "open") return { ok: false, message: `${key} is not open: reviewers can only change while reviews are written.` };
    const row = await readRow<{ id: number; employeeId: number; reviewerId: number | null } | undefined>(
      db,
      sql`
      select p.id as id, p.employee_id as "employeeId", p.reviewer_id as "reviewerId" from cycle_participants p
      join employees e on e.id = p.employee_id where p.cycle_id = ${cycle.id} and lower(e.email) = ${employeeEmail}`,
    );
    if (!row)
      return {
        ok: false,
        message: "Check the highlighted fields.",
        fieldErrors: { employeeEmail: `Nobody with this email is in ${key}.` },
      };
    const reviewer = await readRow<{ id: number } | undefined>(
      db,
      sql`select id from employees where lower(email) = ${reviewerEmail} and active = 1`,
    );
    if (!reviewer)
      return { ok: false, message: "Check the highlighted fields.", fieldErrors: { reviewerEmail: "No active employee has this email." } };
    if (reviewer.id === row.employeeId)
      return { ok: false, message: "Check the highlighted fields.", fieldErrors: { reviewerEmail: "Nobody reviews themself." } };
    if (reviewer.id === row.reviewerId) return { ok: true, message: "That is already the reviewer." };
    await exec(db, sql`update cycle_participants set reviewer_id = ${reviewer.id} where id = ${row.id}`);
    await recordAudit({
      actorId: viewer.id,
      action: "cycle.reviewer_reassign",
      targetType: "review",
      targetId: `${key}/${row.employeeId}`,
      detail: { from: row.reviewerId, to: reviewer.id },
    });
    return { ok: true, message: `${reviewerEmail} now writes ${employeeEmail}'s ${key} review.` };
  });
}
