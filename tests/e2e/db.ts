import Database from "better-sqlite3";
import pg from "pg";
import { e2eDatabaseUrl, isPostgresUrl, sqlitePath } from "./database-url.mjs";

/**
 * The e2e server's database, for the specs that look up ids or set up and restore data: the same
 * SQL on SQLite (better-sqlite3) and PostgreSQL (pg), whichever tests/e2e/database-url.mjs picks.
 * Each call opens a connection and closes it, so nothing stays open between tests.
 *
 * The SQL must be portable (as db/raw.ts): `?` placeholders (numbered $1… here on PostgreSQL),
 * `insert … on conflict do nothing`, flags as 0/1, `cast(json_column as text)` to read JSON as text
 * on both (PostgreSQL hands jsonb back parsed). bigint and numeric arrive as numbers, as on SQLite.
 */
export const E2E_DATABASE_URL = e2eDatabaseUrl();
export const IS_POSTGRES = isPostgresUrl(E2E_DATABASE_URL);

export type Params = unknown[];
export interface Statement {
  sql: string;
  params?: Params;
}

const numbers: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format?: "text" | "binary") =>
    oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
      ? (value: string) => Number(value)
      : pg.types.getTypeParser(oid, format)) as pg.CustomTypesConfig["getTypeParser"],
};

/** `?` → `$1`, `$2`, … outside quoted strings and identifiers. */
export function numbered(sql: string): string {
  let n = 0;
  let quote: string | undefined;
  let out = "";
  for (const ch of sql) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === "'" || ch === '"') quote = ch;
    else if (ch === "?") {
      out += `$${++n}`;
      continue;
    }
    out += ch;
  }
  return out;
}

async function withPg<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: E2E_DATABASE_URL, types: numbers });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

function withSqlite<T>(fn: (db: Database.Database) => T): T {
  const db = new Database(sqlitePath(E2E_DATABASE_URL), { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return fn(db);
  } finally {
    db.close();
  }
}

/** A sqlite statement runs with `.all()` if it returns rows, else `.run()`. */
function sqliteRun(db: Database.Database, { sql, params = [] }: Statement): { rows: unknown[]; changes: number } {
  const statement = db.prepare(sql);
  if (statement.reader) return { rows: statement.all(...params), changes: 0 };
  return { rows: [], changes: statement.run(...params).changes };
}

export async function query<T = Record<string, unknown>>(sql: string, params: Params = []): Promise<T[]> {
  if (IS_POSTGRES) return withPg(async (client) => (await client.query(numbered(sql), params)).rows as T[]);
  return withSqlite((db) => sqliteRun(db, { sql, params }).rows as T[]);
}

/** The first row; throws when there is none (a lookup that finds nothing is a broken test). */
export async function one<T = Record<string, unknown>>(sql: string, params: Params = []): Promise<T> {
  const [first] = await query<T>(sql, params);
  if (first === undefined) throw new Error(`No row for: ${sql} ${JSON.stringify(params)}`);
  return first;
}

/** Runs a write; resolves to the number of rows changed. */
export async function run(sql: string, params: Params = []): Promise<number> {
  return (await transaction([{ sql, params }]))[0];
}

/** Runs writes in one transaction; resolves to the rows each changed. */
export async function transaction(statements: Statement[]): Promise<number[]> {
  if (IS_POSTGRES) {
    return withPg(async (client) => {
      await client.query("begin");
      try {
        const changed: number[] = [];
        for (const { sql, params = [] } of statements) changed.push((await client.query(numbered(sql), params)).rowCount ?? 0);
        await client.query("commit");
        return changed;
      } catch (error) {
        await client.query("rollback");
        throw error;
      }
    });
  }
  return withSqlite((db) => db.transaction(() => statements.map((s) => sqliteRun(db, s).changes)).immediate());
}
