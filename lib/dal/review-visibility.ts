import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { cycles, employees, reviews } from "@/db/schema";
import { subtreeIdsSql } from "./org-scope";
import type { Viewer } from "./session";

/**
 * Who may read a review (DESIGN.md "People and roles"), as a WHERE clause over
 * reviews/employees/cycles: HR; the reviewer; anyone above the employee; the employee once the
 * cycle is released and the review submitted.
 */
export function reviewVisibleSql(viewer: Viewer): SQL {
  if (viewer.isHr) return sql`1 = 1`;
  return sql`(
    ${reviews.reviewerId} = ${viewer.id}
    or ${employees.id} in ${subtreeIdsSql(viewer.id)}
    or (${employees.id} = ${viewer.id} and ${cycles.state} in ('released', 'closed') and ${reviews.status} = 'submitted')
  )`;
}

/** Who may see a review that has not been started: HR and anyone above the employee. */
export function employeeVisibleSql(viewer: Viewer): SQL {
  if (viewer.isHr) return sql`1 = 1`;
  return sql`${employees.id} in ${subtreeIdsSql(viewer.id)}`;
}
