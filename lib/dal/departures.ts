import { row as readRow, rows as readRows, exec } from "@/db/raw";
import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { departureSchema, type LeaveType } from "@/lib/domain/departures";
import { recordAudit } from "./audit";
import { removeUnreviewedFromOpenCycles } from "./participant-record";
import { requireRole } from "./policy";

/** HR's record of who left (docs/decisions/0017-keeper-outcomes.md). Every function is HR only. */

export interface PersonSummary {
  id: number;
  name: string;
  email: string;
  title: string;
  team: string | null;
  manager: string | null;
  active: boolean;
}

export interface Leaver extends PersonSummary {
  leftAt: string;
  leaveType: LeaveType;
  regretted: boolean;
  source: "hr" | "import";
}

export interface LeaversView {
  /** Deactivated (by HR, an import or SCIM) with no departure details yet. */
  awaitingDetails: PersonSummary[];
  /** The latest recorded departures, newest first. */
  recent: Leaver[];
  /** People matching the search, when there is one. */
  matches: PersonSummary[] | null;
}

export type DepartureResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string> };

const LIST_LIMIT = 100;

const PERSON = sql`e.id as id, e.name as name, e.email as email, e.title as title, t.name as team, m.name as manager, e.active as active`;
const PERSON_FROM = sql`from employees e left join teams t on t.id = e.team_id left join employees m on m.id = e.manager_id`;

const person = <T extends { active: number | boolean }>(row: T): Omit<T, "active"> & { active: boolean } => ({
  ...row,
  active: Boolean(row.active),
});

async function hrOnly(resource: string): Promise<number | null> {
  return (await requireRole("hr", { type: "page", id: resource }))?.id ?? null;
}

const searchSchema = z.string().trim().max(200);

/** The people page: leavers awaiting details, recent leavers, and a name or email search. */
export async function getLeavers(rawQuery?: unknown): Promise<LeaversView | null> {
  if ((await hrOnly("/hr/people")) === null) return null;
  const db = getDb();
  const awaitingDetails = (
    await readRows<Omit<PersonSummary, "active"> & { active: number }>(
      db,
      sql`select ${PERSON} ${PERSON_FROM}
      where e.active = 0 and not exists (select 1 from departures d where d.employee_id = e.id)
      order by e.updated_at desc, e.name limit ${LIST_LIMIT}`,
    )
  ).map(person);
  const recent = (
    await readRows<Omit<Leaver, "active" | "regretted"> & { active: number; regretted: number }>(
      db,
      sql`select ${PERSON}, d.left_at as "leftAt", d.leave_type as "leaveType", d.regretted as regretted, d.source as source
      ${PERSON_FROM} join departures d on d.employee_id = e.id
      order by d.left_at desc, e.name limit ${LIST_LIMIT}`,
    )
  ).map((r) => ({ ...person(r), regretted: Boolean(r.regretted) }));
  const query = searchSchema.safeParse(rawQuery ?? "");
  const q = query.success ? query.data.toLowerCase() : "";
  // The search is text, not a pattern: % and _ typed by HR match themselves.
  const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const matches = q
    ? (
        await readRows<Omit<PersonSummary, "active"> & { active: number }>(
          db,
          sql`select ${PERSON} ${PERSON_FROM}
          where lower(e.name) like ${pattern} escape '\\' or lower(e.email) like ${pattern} escape '\\'
          order by e.name limit 50`,
        )
      ).map(person)
    : null;
  return { awaitingDetails, recent, matches };
}

export interface PersonDeparture {
  person: PersonSummary;
  departure: { leftAt: string; leaveType: LeaveType; regretted: boolean; source: "hr" | "import"; recordedAt: number } | null;
  /** Cycles whose record holds them: their history, kept whatever happens. */
  cycles: string[];
}

/** One person and their departure, for HR; null (audited) for anyone else or nobody. */
export async function getPersonDeparture(rawId: unknown): Promise<PersonDeparture | null> {
  if ((await hrOnly(`/hr/people/${String(rawId)}`)) === null) return null;
  const id = z.coerce.number().int().positive().safeParse(rawId);
  if (!id.success) return null;
  const db = getDb();
  const row = await readRow<(Omit<PersonSummary, "active"> & { active: number }) | undefined>(
    db,
    sql`select ${PERSON} ${PERSON_FROM} where e.id = ${id.data}`,
  );
  if (!row) return null;
  const departure = await readRow<
    { leftAt: string; leaveType: LeaveType; regretted: number; source: "hr" | "import"; recordedAt: number } | undefined
  >(
    db,
    sql`
    select left_at as "leftAt", leave_type as "leaveType", regretted, source, recorded_at as "recordedAt" from departures where employee_id = ${id.data}`,
  );
  const cycles = (
    await readRows<{ key: string }>(
      db,
      sql`select c.key as key from cycle_participants p join cycles c on c.id = p.cycle_id where p.employee_id = ${id.data} order by c.key`,
    )
  ).map((c) => c.key);
  return { person: person(row), departure: departure ? { ...departure, regretted: Boolean(departure.regretted) } : null, cycles };
}

/**
 * Records (or corrects) a departure: the person is deactivated, so they can no longer sign in,
 * and leaves any open cycle where nobody has started their review. Their reviews, answers and
 * CSAT stay: past cycles keep them. Audited as 'employee.departure'.
 */
export async function recordDeparture(raw: unknown, now = Date.now()): Promise<DepartureResult> {
  const viewer = await requireRole("hr", {
    type: "employee",
    id: String((raw as { employeeId?: unknown })?.employeeId ?? "?"),
    action: "record departure",
  });
  if (!viewer) return { ok: false, message: "Only HR can record a departure.", fieldErrors: {} };
  const parsed = departureSchema(new Date(now).toISOString().slice(0, 10)).safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    return { ok: false, message: "Check the highlighted fields. Nothing was saved.", fieldErrors };
  }
  const { employeeId, leftAt, leaveType, regretted } = parsed.data;
  if (employeeId === viewer.id) return { ok: false, message: "Someone else in HR records your own departure.", fieldErrors: {} };
  return writeTx(async (db): Promise<DepartureResult> => {
    const employee = await readRow<{ id: number; name: string } | undefined>(
      db,
      sql`select id, name from employees where id = ${employeeId}`,
    );
    if (!employee) return { ok: false, message: "Nobody has this id.", fieldErrors: {} };
    await exec(
      db,
      sql`insert into departures (employee_id, left_at, leave_type, regretted, source, recorded_by, recorded_at)
      values (${employeeId}, ${leftAt}, ${leaveType}, ${regretted ? 1 : 0}, 'hr', ${viewer.id}, ${now})
      on conflict (employee_id) do update set left_at = excluded.left_at, leave_type = excluded.leave_type,
        regretted = excluded.regretted, source = excluded.source, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
    );
    await exec(db, sql`update employees set active = 0, updated_at = ${now} where id = ${employeeId} and active = 1`);
    const leftCycles = await removeUnreviewedFromOpenCycles(db, employeeId);
    await recordAudit({
      actorId: viewer.id,
      action: "employee.departure",
      targetType: "employee",
      targetId: employeeId,
      detail: { leftAt, leaveType, regretted, leftOpenCycles: leftCycles },
    });
    return { ok: true, message: `Recorded ${employee.name}'s departure on ${leftAt}. They can no longer sign in.` };
  });
}
