import { sql, type SQL } from "drizzle-orm";
import { engineOfDb, type Db } from "./client";

/**
 * The SQL fragments that differ between the engines, by name (docs/decisions/0022). Everything
 * else in hand-written SQL is written once, portably.
 */

/**
 * `for share` on PostgreSQL: the row is read as last committed, and a transaction changing it
 * (a cycle moving on) waits for this one, so a check made on it holds until commit even under
 * READ COMMITTED. Nothing on SQLite, where BEGIN IMMEDIATE already runs writers one at a time.
 */
export function forShare(db: Db): SQL {
  return engineOfDb(db) === "postgres" ? sql` for share` : sql``;
}
