import type { Db } from "./client";

/**
 * A value built once per database connection: for the queries every request runs (the viewer,
 * the unread count, the cycle list), a drizzle `.prepare()`d query, so the SQL is neither
 * rebuilt from the query builder (about 0.25 ms a query here) nor compiled again. Keyed by
 * connection because tests and the CLI swap the process's database.
 */
export function perConnection<T>(build: (db: Db) => T): (db: Db) => T {
  const built = new WeakMap<Db, T>();
  return (db) => {
    let value = built.get(db);
    if (value === undefined) built.set(db, (value = build(db)));
    return value;
  };
}
