import { sql, type SQL } from "drizzle-orm";
import { bulkInsert, type BulkColumn, type Queryable } from "@/db/bulk-insert";
import { engineOfDb, sqliteClient, writeTx, type Db } from "@/db/client";
import { exec, row } from "@/db/raw";
import { dropDeferrableIndexes, recreateIndexes } from "@/lib/importers/csat/bulk-indexes";

/**
 * The seeds' whole dialect split, in one place. The seeds draw their random numbers and build
 * their rows the same way on both engines (so the data is the same); only how many rows reach a
 * table differs:
 *
 * - SQLite: one prepared statement run per row on the one connection, inside the caller's
 *   transaction: the fastest better-sqlite3 goes.
 * - PostgreSQL: unnest bulk inserts (db/bulk-insert.ts), one statement per chunk, sent through
 *   the caller's transaction (`db` is the writeTx/seedTx handle).
 *
 * Values must already be what both engines store: flags as 0/1, JSON as text, times as numbers.
 */
export type SeedValue = string | number | null;
export type SeedRow = readonly SeedValue[];

/** A column for insertRows: its SQL name and its PostgreSQL type (bigint for *_at, jsonb for JSON). */
export type SeedColumn = BulkColumn;

export async function insertRows(
  db: Db,
  table: string,
  columns: readonly SeedColumn[],
  rows: Iterable<SeedRow>,
  options: { chunkSize?: number } = {},
): Promise<number> {
  if (engineOfDb(db) === "sqlite") {
    const names = columns.map((c) => `"${c.name}"`).join(", ");
    const insert = sqliteClient(db).prepare(`insert into "${table}" (${names}) values (${columns.map(() => "?").join(", ")})`);
    let count = 0;
    for (const values of rows) {
      insert.run(values);
      count += 1;
    }
    return count;
  }
  return bulkInsert(pgQueryable(db), table, columns, rows, { chunkSize: options.chunkSize });
}

/**
 * db/bulk-insert.ts speaks node-postgres (`query(text, values)`); inside a transaction the seeds
 * hold drizzle's handle, whose connection is not exposed. The `$n` placeholders become drizzle
 * parameters (an array stays one parameter), so every chunk runs on the transaction's connection.
 */
function pgQueryable(db: Db): Queryable {
  const pgDb = db as unknown as { execute(query: SQL): Promise<{ rows: unknown[]; rowCount: number | null }> };
  return {
    query: (text, values = []) => {
      const parts = text.split(/\$(\d+)/);
      return pgDb.execute(sql.join(parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${sql.param(values[Number(part) - 1])}`))));
    },
  };
}

/**
 * One transaction of the large seed. SQLite: writeTx (BEGIN IMMEDIATE). PostgreSQL: a plain
 * READ COMMITTED transaction, not writeTx's SERIALIZABLE-with-retry: the seed fills a fresh
 * database alone, a retry would draw the random numbers again (different data), and serializable
 * bookkeeping on millions of foreign-key checks buys nothing.
 */
export async function seedTx<T>(db: Db, fn: (tx: Db) => Promise<T>): Promise<T> {
  if (engineOfDb(db) === "sqlite") return writeTx(fn, db);
  const pgDb = db as unknown as { transaction<R>(fn: (tx: unknown) => Promise<R>): Promise<R> };
  return pgDb.transaction((tx) => fn(tx as Db));
}

/** The largest id in `table` (0 when empty): the seeds that give explicit ids start after it. */
export async function maxId(db: Db, table: string): Promise<number> {
  return Number((await row<{ n: number }>(db, sql`select coalesce(max(id), 0) as "n" from ${sql.identifier(table)}`))?.n ?? 0);
}

/**
 * After explicit ids, PostgreSQL's identity sequences must move past them, or the next ordinary
 * insert collides (docs/decisions/0023). SQLite's AUTOINCREMENT follows explicit ids by itself.
 */
export async function resetSequences(db: Db, tables: readonly string[]): Promise<void> {
  if (engineOfDb(db) === "sqlite") return;
  for (const table of tables) {
    await row(
      db,
      sql`select setval(pg_get_serial_sequence(${table}, 'id'), coalesce((select max(id) from ${sql.identifier(table)}), 0) + 1, false)`,
    );
  }
}

const CSAT_EMPLOYEE_QUARTER = "csat_responses_employee_quarter_idx";

/**
 * Runs a bulk load of matched CSAT responses without maintaining the one index they all enter
 * (employee, quarter, rated_at), then builds it once, sorted: much faster on both engines.
 * Must run inside the caller's transaction.
 */
export async function withCsatIndexDeferred<T>(db: Db, load: () => Promise<T>): Promise<T> {
  if (engineOfDb(db) === "sqlite") {
    const client = sqliteClient(db);
    const deferred = dropDeferrableIndexes(client);
    const result = await load();
    recreateIndexes(client, deferred);
    return result;
  }
  const definition = await row<{ def: string }>(
    db,
    sql`select indexdef as "def" from pg_indexes where tablename = 'csat_responses' and indexname = ${CSAT_EMPLOYEE_QUARTER}`,
  );
  if (definition) await exec(db, sql`drop index ${sql.identifier(CSAT_EMPLOYEE_QUARTER)}`);
  const result = await load();
  if (definition) {
    // For this transaction only: the sort of millions of keys fits in memory.
    await exec(db, sql`set local maintenance_work_mem = '512MB'`);
    await exec(db, sql.raw(definition.def));
  }
  return result;
}
