import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

export const DEFAULT_DATABASE_URL = "file:./data/keeper.db";

export class UnsupportedDatabaseUrl extends Error {
  name = "UnsupportedDatabaseUrl";
}

/**
 * `file:./data/keeper.db`, `file:/abs/path.db`, a bare path, or `:memory:`. Anything else that
 * looks like a URL (`postgres://…`, `mysql://…`) is refused by name: taken as a path, it used to
 * create a SQLite file in a folder called `postgres:`, far from where the user thought the data was.
 */
export function databasePath(url = process.env.DATABASE_URL || DEFAULT_DATABASE_URL): string {
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  // One letter before the colon is a Windows drive (C:\keeper.db), not a scheme.
  if (scheme && scheme !== "file" && scheme.length > 1 && url !== ":memory:") {
    throw new UnsupportedDatabaseUrl(
      `DATABASE_URL uses "${scheme}:", which Keeper does not support. Use file:PATH (e.g. file:./data/keeper.db), a plain file path, or :memory:.`,
    );
  }
  const path = url.startsWith("file:") ? url.slice("file:".length) : url;
  return path === ":memory:" ? path : resolve(path);
}

export function openDatabase(path: string): Db {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Database(path);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  // Drizzle's own client: a hand-made statement cache bought under 10% on every page measured
  // (docs/decisions/0010-statements-compiled-once.md); the hot queries are `.prepare()`d instead.
  return drizzle({ client: sqlite, schema }) as Db;
}

// One connection per process. Kept on globalThis so Next's dev reloads do not open another.
const holder = globalThis as unknown as { __keeperDb?: Db };

export function getDb(): Db {
  if (!holder.__keeperDb) holder.__keeperDb = openDatabase(databasePath());
  return holder.__keeperDb;
}

/** Tests and the CLI swap the process's database (e.g. a fresh migrated file per test). */
export function setDb(db: Db | undefined): void {
  holder.__keeperDb = db;
}

/**
 * Runs `fn` in a synchronous BEGIN IMMEDIATE transaction: the write lock is taken up front so
 * two writers never deadlock upgrading a read lock, and nothing awaits while the lock is held.
 */
export function writeTx<T>(fn: (db: Db) => T): T {
  const db = getDb();
  return db.$client.transaction(() => fn(db)).immediate();
}
