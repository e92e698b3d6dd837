import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { cycles, employees, reviews } from "@/db/schema";
import { AGENT_READABLE_STATES, PUBLISHED_STATES } from "@/lib/domain/cycle-state";
import { recordDenied } from "./audit";
import { subtreeIdsSql } from "./org-scope";
import { verifySession, type Viewer } from "./session";
import type { TokenScope } from "./token-resolve";

/**
 * Keeper's access policy, in one place (docs/decisions/0011-access-policy-module.md). Every DAL
 * function asks here who may see or change what; none writes its own "HR only" check or its own
 * "self, someone above them, or HR" clause. The `can` hints a page shows (canEdit, canCalibrate,
 * …) are computed from the same predicates the writes use, so a button never offers what the
 * write refuses.
 *
 * API, for new DAL files:
 *
 * Roles (who someone is; docs/decisions/0012-admins-are-not-hr.md):
 *   hasRole(viewer, "hr" | "admin")       – HR runs the people side (cycles, imports, every review
 *                                           and private note, talent, calibration, exports); admins
 *                                           run the system (API tokens, outbox, audit log). An admin
 *                                           is NOT HR: they never read review content.
 *   requireRole(role | roles, target)     – the guard: the verified viewer when they hold one of the
 *                                           roles, else null after auditing the denial
 *                                           (target: { type, id, action }).
 *   canUseTalent(viewer)                  – HR and anyone with reports.
 *   talentScopeKey(viewer)                – memo key of the viewer's talent scope.
 *   canSeeDraftCycles(viewer)             – HR only.
 *   tokenScopesFor(viewer)                – API token scopes the viewer may create and use: HR
 *                                           `read`/`import` (acting as HR), admins also `scim`.
 *
 * SQL predicates (WHERE fragments; put them IN the query, never filter rows afterwards):
 *   employeeVisibleSql(viewer, column, { self })  – HR, or anyone above the employee; `self: true`
 *                                           also lets the employee see themself (CSAT, reflections).
 *   csatVisibleSql(viewer, column)        – whose CSAT and comments the viewer may read (self, above, HR).
 *   reviewVisibleSql(viewer)              – over reviews/employees/cycles: HR, the reviewer, anyone
 *                                           above, the employee once released and submitted, and the
 *                                           manager and reviewer the cycle's participant record names.
 *   unstartedReviewVisibleSql(viewer)     – a review not started yet (over employees/cycles): HR,
 *                                           anyone above, the participant record's manager/reviewer.
 *   reviewWriterSql(viewer, employee?)    – the reviewer the cycle's participant record assigns
 *                                           (active employee; over a query with `cycles`); with
 *                                           managersCanEdit(state) this is "review writable".
 *   calibratorSql(viewer, review, reviewer) – HR or the reviewer's manager, never the reviewer or
 *                                           the employee; with canCalibrateReview(state, status)
 *                                           this is "calibratable".
 *   cycleVisibleSql(viewer, stateColumn)  – drafts are HR's only.
 */

export type PolicyRole = "hr" | "admin";

export function hasRole(viewer: Viewer, role: PolicyRole): boolean {
  return role === "hr" ? viewer.isHr : viewer.isAdmin;
}

export interface DenialTarget {
  /** What kind of thing was asked for ("page", "cycle", "csat_import", …), as in the audit log. */
  type: string;
  id: string | number;
  /** Why it is refused or what was attempted, e.g. "create"; defaults to "<roles> only". */
  action?: string;
}

/** The verified viewer when they hold one of `roles`; otherwise the denial is audited and null returned. */
export async function requireRole(roles: PolicyRole | readonly PolicyRole[], target: DenialTarget): Promise<Viewer | null> {
  const viewer = await verifySession();
  const wanted: readonly PolicyRole[] = typeof roles === "string" ? [roles] : roles;
  if (wanted.some((r) => hasRole(viewer, r))) return viewer;
  await recordDenied(viewer.id, target.type, target.id, target.action ?? `${wanted.join(" or ")} only`);
  return null;
}

/** HR and anyone with reports use talent reviews; agents and admins (as such) never do. */
export function canUseTalent(viewer: Viewer): boolean {
  return viewer.isHr || viewer.hasReports;
}

/**
 * A key for what the viewer's talent scope covers, for memoised figures (read-memo.ts): everyone
 * who sees the whole organisation shares one entry; anyone else has their own subtree's.
 */
export function talentScopeKey(viewer: Viewer): string {
  return viewer.isHr ? "organisation" : `subtree:${viewer.id}`;
}

/**
 * API token scopes the viewer may hold. A token acts as its creator, so HR's `read` and `import`
 * tokens read and import what HR may; an admin's see only what an admin may (no people data),
 * which is why only admins hold `scim` tokens (provisioning is system administration).
 */
export function tokenScopesFor(viewer: Pick<Viewer, "isHr" | "isAdmin">): readonly TokenScope[] {
  if (viewer.isAdmin) return ["read", "import", "scim"];
  return viewer.isHr ? ["read", "import"] : [];
}

/** A cycle in draft is HR's preparation; nobody else sees it. */
export function canSeeDraftCycles(viewer: Viewer): boolean {
  return viewer.isHr;
}

/** Whether the viewer has reviews, customers and a reflection of their own on the app's pages. */
export function hasOwnWork(viewer: Viewer): boolean {
  return !viewer.isHr && !viewer.isAdmin;
}

const ALL = sql`1 = 1`;

/**
 * Who may see an employee (their not-yet-started review, their team row, their reflection):
 * HR, or anyone above them in the org. `self` also lets the employee see themself.
 * `column` is the SQL of the employee id (default `employees.id`).
 */
export function employeeVisibleSql(
  viewer: Viewer,
  column: SQL | typeof employees.id = employees.id,
  options: { self?: boolean } = {},
): SQL {
  if (viewer.isHr) return ALL;
  const below = sql`${column} in ${subtreeIdsSql(viewer.id)}`;
  return options.self ? sql`(${column} = ${viewer.id} or ${below})` : below;
}

/** Whose CSAT figures and customer comments the viewer may read: themself, anyone below them; HR everyone. */
export function csatVisibleSql(viewer: Viewer, column: SQL | typeof employees.id = employees.id): SQL {
  return employeeVisibleSql(viewer, column, { self: true });
}

/**
 * Who may read a review (DESIGN.md "People and roles"), as a WHERE clause over
 * reviews/employees/cycles: HR; the reviewer; anyone above the employee; the employee once the
 * cycle lets agents read (agentsCanRead) and the review is submitted.
 */
export function reviewVisibleSql(viewer: Viewer): SQL {
  if (viewer.isHr) return ALL;
  return sql`(
    ${reviews.reviewerId} = ${viewer.id}
    or ${employees.id} in ${subtreeIdsSql(viewer.id)}
    or (${employees.id} = ${viewer.id} and ${cycles.state} in ${AGENT_READABLE_STATES} and ${reviews.status} = 'submitted')
    or ${recordedForSql(viewer, sql`${reviews.cycleId}`)}
  )`;
}

/**
 * Who may see a review that has not been started (over employees/cycles): HR, anyone above the
 * employee, and the manager or reviewer the cycle's participant record names.
 */
export function unstartedReviewVisibleSql(viewer: Viewer): SQL {
  if (viewer.isHr) return ALL;
  return sql`(${employeeVisibleSql(viewer)} or ${recordedForSql(viewer, sql`${cycles.id}`)})`;
}

/**
 * The viewer is, in the cycle's participant record (docs/decisions/0016-cycle-participants.md),
 * the employee's manager when it opened or its assigned reviewer: a manager who loses a report
 * mid-cycle still reads the review they wrote, and the new reviewer reads it too.
 */
function recordedForSql(viewer: Viewer, cycleId: SQL): SQL {
  return sql`exists (select 1 from cycle_participants cp where cp.cycle_id = ${cycleId} and cp.employee_id = ${employees.id}
    and (cp.manager_id = ${viewer.id} or cp.reviewer_id = ${viewer.id}))`;
}

/**
 * Who writes an employee's review: the reviewer the cycle's participant record assigns (the
 * manager when the cycle opened, or whom HR reassigned it to), while the employee is active. The
 * cycle state is the other half of "writable" (managersCanEdit), checked apart so the write can
 * say "locked" rather than "not found". `employee` is the SQL alias of the employees row; the
 * query must have the cycle as `cycles`.
 */
export function reviewWriterSql(viewer: Viewer, employee = "employees"): SQL {
  const e = sql.raw(employee);
  return sql`(${e}.active = 1 and ${e}.id <> ${viewer.id} and exists (select 1 from cycle_participants cp
    where cp.cycle_id = ${cycles.id} and cp.employee_id = ${e}.id and cp.reviewer_id = ${viewer.id}))`;
}

/**
 * Who may calibrate a submitted review (DESIGN.md "Review cycles"): HR, or the manager of the
 * manager who wrote it. Never the reviewer or the employee: calibration is a second opinion.
 * `review` and `reviewer` are the SQL aliases of the reviews row and the reviewer's employees row.
 * With canCalibrateReview(state, status) (lib/domain/cycle-state.ts) this is "calibratable now".
 */
export function calibratorSql(viewer: Viewer, review: string, reviewer: string): SQL {
  const r = sql.raw(review);
  const rv = sql.raw(reviewer);
  const role = viewer.isHr ? ALL : sql`${rv}.manager_id = ${viewer.id}`;
  return sql`(${r}.employee_id <> ${viewer.id} and ${r}.reviewer_id <> ${viewer.id} and ${role})`;
}

/** Cycles the viewer may see: every cycle for HR, anything past draft for everyone else. */
export function cycleVisibleSql(viewer: Viewer, stateColumn: SQL | typeof cycles.state = cycles.state): SQL {
  return canSeeDraftCycles(viewer) ? ALL : sql`${stateColumn} in ${PUBLISHED_STATES}`;
}
