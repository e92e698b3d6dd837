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

/**
 * `.prepare()` under a statement name: PostgreSQL's prepared statements are named per
 * connection, SQLite's take no name (drizzle's SQLite builder ignores it). Run it with
 * `await prepared.execute(params)`, which both engines have, and take `[0]` for one row.
 */
export function prepareNamed<Q extends { prepare: (...args: never[]) => unknown }>(query: Q, name: string): ReturnType<Q["prepare"]> {
  return (query.prepare as unknown as (name: string) => ReturnType<Q["prepare"]>).call(query, name);
}
