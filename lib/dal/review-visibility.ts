import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { cycles, employees, reviews } from "@/db/schema";
import { subtreeIdsSql } from "./org-scope";
import type { Viewer } from "./session";

/**
 * Who may read a review (DESIGN.md "People and roles"), as a WHERE clause over
 * reviews/employees/cycles: HR; the reviewer; anyone above the employee; the employee once the
 * cycle is released and the review submitted; and, from the cycle's participant record, the
 * employee's manager when the cycle opened and the reviewer it assigns, so a manager who loses a
 * report mid-cycle still reads the review they wrote, and the new manager reads it too.
 */
export function reviewVisibleSql(viewer: Viewer): SQL {
  if (viewer.isHr) return sql`1 = 1`;
  return sql`(
    ${reviews.reviewerId} = ${viewer.id}
    or ${employees.id} in ${subtreeIdsSql(viewer.id)}
    or (${employees.id} = ${viewer.id} and ${cycles.state} in ('released', 'closed') and ${reviews.status} = 'submitted')
    or ${recordedForSql(viewer, sql`${reviews.cycleId}`)}
  )`;
}

/** Who may see a review that has not been started: HR, anyone above the employee, and its assigned reviewer. */
export function employeeVisibleSql(viewer: Viewer): SQL {
  if (viewer.isHr) return sql`1 = 1`;
  return sql`(${employees.id} in ${subtreeIdsSql(viewer.id)} or ${recordedForSql(viewer, sql`${cycles.id}`)})`;
}

/** The viewer is, in the cycle's participant record, the employee's manager or assigned reviewer. */
function recordedForSql(viewer: Viewer, cycleId: SQL): SQL {
  return sql`exists (select 1 from cycle_participants cp where cp.cycle_id = ${cycleId} and cp.employee_id = ${employees.id}
    and (cp.manager_id = ${viewer.id} or cp.reviewer_id = ${viewer.id}))`;
}
