import Database from "better-sqlite3";
import { drizzle as drizzleSqlite, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import pg from "pg";
import { databaseUrl, DEFAULT_DATABASE_URL, engineOf, UnsupportedDatabaseUrl, type Engine } from "./engine";
import * as pgSchema from "./schema.pg";
import type * as sqliteSchema from "./schema.sqlite";
import * as liteSchema from "./schema.sqlite";

export { DEFAULT_DATABASE_URL, UnsupportedDatabaseUrl };

/**
 * The one query-builder surface the data-access layer is written against (docs/decisions/0022).
 * It is typed as drizzle's SQLite database; on PostgreSQL the object is drizzle's node-postgres
 * database over the same-named tables of db/schema.pg.ts. Shared code uses only what both have:
 * the builders, awaited (never `.get()/.all()/.run()`), and the raw helpers of db/raw.ts.
 */
export type Db = BetterSQLite3Database<typeof sqliteSchema>;

interface Connection {
  engine: Engine;
  label: string;
  sqlite?: Database.Database;
  pool?: pg.Pool;
  /** SQLite has one connection per process: writers take turns here, then BEGIN IMMEDIATE. */
  queue: Promise<void>;
}

// On globalThis like the handle itself (below): Next's production build can evaluate this module
// once per bundle, and a handle opened by one copy must be known to the others.
const connections = ((globalThis as unknown as { __keeperConnections?: WeakMap<Db, Connection> }).__keeperConnections ??= new WeakMap<
  Db,
  Connection
>());

/** `file:./data/keeper.db` → an absolute path; refuses URLs of other engines by name. */
export function databasePath(url = databaseUrl()): string {
  if (engineOf(url) !== "sqlite") throw new UnsupportedDatabaseUrl(`${url.split(":")[0]}: is not a SQLite file URL.`);
  const path = url.startsWith("file:") ? url.slice("file:".length) : url;
  // `file:postgres://…` is a URL pasted behind a prefix, not a file someone meant to create.
  if (/^[a-z][a-z0-9+.-]+:\/\//i.test(path)) throw new UnsupportedDatabaseUrl(`DATABASE_URL "file:" must be followed by a file path.`);
  return path === ":memory:" ? path : resolve(path);
}

// bigint (every *_at is epoch milliseconds) and numeric (avg, sum of bigint) arrive as strings
// from node-postgres; both fit a double here, and SQLite hands back numbers for the same queries.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export function openDatabase(url: string): Db {
  if (engineOf(url) === "postgres") {
    const pool = new pg.Pool({ connectionString: url, max: Number(process.env.KEEPER_PG_POOL ?? 10) });
    // An idle client's error (the server restarted) must not crash the process; the next query reconnects.
    pool.on("error", () => undefined);
    const db = drizzlePg({ client: pool, schema: pgSchema }) as unknown as Db;
    connections.set(db, { engine: "postgres", label: describe(url), pool, queue: Promise.resolve() });
    return db;
  }
  const path = databasePath(url);
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzleSqlite({ client: sqlite, schema: liteSchema }) as Db;
  connections.set(db, { engine: "sqlite", label: path, sqlite, queue: Promise.resolve() });
  return db;
}

function describe(url: string): string {
  try {
    const parsed = new URL(url);
    return `postgres://${parsed.host}${parsed.pathname}`;
  } catch {
    return "postgres";
  }
}

function connectionOf(db: Db): Connection {
  const found = connections.get(db);
  if (!found) throw new Error("This database handle was not opened by db/client.ts openDatabase().");
  return found;
}

export function engineOfDb(db: Db = getDb()): Engine {
  return connections.get(db)?.engine ?? (typeof (db as { all?: unknown }).all === "function" ? "sqlite" : "postgres");
}

/** Where the data is, for messages: a file path, or host and database (never the password). */
export function databaseLabel(db: Db = processDb()): string {
  return connectionOf(db).label;
}

/** The better-sqlite3 handle, for the SQLite-only paths (online backup, the bulk CSAT stage). */
export function sqliteClient(db: Db = processDb()): Database.Database {
  const client = connectionOf(db).sqlite;
  if (!client) throw new Error("This is a PostgreSQL database; the SQLite client is not available.");
  return client;
}

/** The node-postgres pool, for the PostgreSQL-only paths (bulk copy, advisory checks). */
export function pgPool(db: Db = processDb()): pg.Pool {
  const pool = connectionOf(db).pool;
  if (!pool) throw new Error("This is a SQLite database; there is no PostgreSQL pool.");
  return pool;
}

export async function closeDatabase(db: Db): Promise<void> {
  const connection = connections.get(db);
  if (connection?.sqlite) connection.sqlite.close();
  if (connection?.pool) await connection.pool.end();
}

// One database per process. Kept on globalThis so Next's dev reloads do not open another.
const holder = globalThis as unknown as { __keeperDb?: Db; __keeperTx?: AsyncLocalStorage<Db> };
const transaction = (holder.__keeperTx ??= new AsyncLocalStorage<Db>());

function processDb(): Db {
  if (!holder.__keeperDb) holder.__keeperDb = openDatabase(databaseUrl());
  return holder.__keeperDb;
}

/**
 * The process's database, or, inside writeTx, the transaction: a helper that asks for the
 * database mid-transaction must not read or write through another pooled connection (on
 * PostgreSQL that would wait on the transaction's own row locks).
 */
export function getDb(): Db {
  return transaction.getStore() ?? processDb();
}

/** Tests and the CLI swap the process's database (e.g. a fresh migrated one per test). */
export function setDb(db: Db | undefined): void {
  holder.__keeperDb = db;
}

const RETRYABLE = new Set(["40001", "40P01"]); // serialization_failure, deadlock_detected
const MAX_ATTEMPTS = 8;

function pgCode(error: unknown): string | undefined {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (typeof e.code === "string") return e.code;
  }
  return undefined;
}

/**
 * Runs `fn` as one write transaction (docs/decisions/0022-one-dal-two-engines.md).
 * - SQLite: writers of this process take turns, then BEGIN IMMEDIATE takes the file's write lock
 *   up front (other processes wait on busy_timeout), so two writers never deadlock upgrading.
 * - PostgreSQL: SERIALIZABLE, retried with jitter on a serialization failure or deadlock, so every
 *   read-check-write (version checks, cycle transitions, calibration, imports) is correct across
 *   processes without a lock per path. `fn` must therefore be safe to run again: no mail sent,
 *   no HTTP call made inside it.
 * A writeTx inside another joins it. `on` is for the seeds and the CLI, which hold a database
 * that is not (yet) the process's.
 *
 * `isolation: "read committed"` (PostgreSQL only; SQLite is always serial) is for a path whose
 * every check is in its own conditional UPDATE or under a row lock it takes (db/dialect.ts
 * forShare), so it needs no SERIALIZABLE retries: the draft save, which many users race.
 */
export interface WriteTxOptions {
  on?: Db;
  isolation?: "serializable" | "read committed";
}

export async function writeTx<T>(fn: (db: Db) => Promise<T> | T, options: Db | WriteTxOptions = {}): Promise<T> {
  const { on, isolation = "serializable" } = connections.has(options as Db) ? { on: options as Db } : (options as WriteTxOptions);
  const current = transaction.getStore();
  if (current) return fn(current);
  const db = on ?? processDb();
  const connection = connectionOf(db);
  if (connection.engine === "sqlite") return sqliteTx(db, connection, fn);
  for (let attempt = 1; ; attempt++) {
    try {
      const pgDb = db as unknown as ReturnType<typeof drizzlePg>;
      return await pgDb.transaction((tx) => transaction.run(tx as unknown as Db, () => Promise.resolve(fn(tx as unknown as Db))), {
        isolationLevel: isolation,
      });
    } catch (error) {
      if (attempt >= MAX_ATTEMPTS || !RETRYABLE.has(pgCode(error) ?? "")) throw error;
      await new Promise((done) => setTimeout(done, Math.random() * 5 * 2 ** attempt));
    }
  }
}

async function sqliteTx<T>(db: Db, connection: Connection, fn: (db: Db) => Promise<T> | T): Promise<T> {
  const previous = connection.queue;
  let release!: () => void;
  connection.queue = new Promise((done) => (release = done));
  await previous;
  const sqlite = connection.sqlite!;
  try {
    sqlite.exec("BEGIN IMMEDIATE");
    try {
      const result = await transaction.run(db, () => fn(db));
      sqlite.exec("COMMIT");
      return result;
    } catch (error) {
      if (sqlite.inTransaction) sqlite.exec("ROLLBACK");
      throw error;
    }
  } finally {
    release();
  }
}
