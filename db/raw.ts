import type { SQL } from "drizzle-orm";
import { engineOfDb, type Db } from "./client";

/**
 * Hand-written SQL, run on either engine. The text must be portable (docs/decisions/0022): quote
 * camelCase aliases (`as "leftAt"`: PostgreSQL folds bare names to lower case), write flags as
 * 0/1 (both schemas store them as integers), and take any fragment that really differs from
 * db/dialect.ts. Results are plain rows keyed by the aliases.
 */
type PgLike = { execute(query: SQL): Promise<{ rows: unknown[]; rowCount: number | null }> };

export async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  if (engineOfDb(db) === "sqlite") return db.all<T>(query);
  return (await (db as unknown as PgLike).execute(query)).rows as T[];
}

export async function row<T>(db: Db, query: SQL): Promise<T | undefined> {
  if (engineOfDb(db) === "sqlite") return db.get<T>(query) ?? undefined;
  return (await (db as unknown as PgLike).execute(query)).rows[0] as T | undefined;
}

/** Runs a write; resolves to the number of rows it changed. */
export async function exec(db: Db, query: SQL): Promise<number> {
  if (engineOfDb(db) === "sqlite") return db.run(query).changes;
  return (await (db as unknown as PgLike).execute(query)).rowCount ?? 0;
}

/** Rows changed by an awaited insert/update/delete builder: `changes` on SQLite, `rowCount` on PostgreSQL. */
export function affected(result: unknown): number {
  const r = result as { changes?: number; rowCount?: number | null };
  return r.changes ?? r.rowCount ?? 0;
}
