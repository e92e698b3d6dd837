import "server-only";
import { sql, type SQL } from "drizzle-orm";

/**
 * SQL for "employee ids below this manager" (direct and indirect reports), used inside queries so
 * the access rule is part of the query rather than a check after loading rows.
 */
export function subtreeIdsSql(managerId: number): SQL {
  return sql`(with recursive subtree(id) as (
      select id from employees where manager_id = ${managerId}
      union
      select e.id from employees e join subtree s on e.manager_id = s.id
    ) select id from subtree)`;
}
