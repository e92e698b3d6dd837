import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach } from "vitest";
import { closeDatabase, openDatabase, setDb, type Db } from "@/db/client";
import { databaseUrl, ENGINE } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";
import { databaseUrlFor, PG_TEMPLATE_DATABASE } from "./pg-names";

export interface FreshDb {
  db: Db;
  /** SQLite: the file's path. PostgreSQL: the database's URL. */
  path: string;
  /** A DATABASE_URL for this database, for a CLI or server started by the test. */
  url: string;
  dispose: () => Promise<void>;
}

/**
 * A fresh database with every migration applied, installed as the process database (setDb).
 * - SQLite (`npm test`): a new file, migrated with db/migrations.
 * - PostgreSQL (`npm run test:pg`, DATABASE_URL=postgres://…): a copy of the template database
 *   that tests/helpers/pg-global-setup.ts migrated once with db/migrations-pg.
 */
export function freshDb(): Promise<FreshDb> {
  return ENGINE === "postgres" ? freshPgDb() : freshSqliteDb();
}

async function freshSqliteDb(): Promise<FreshDb> {
  const dir = mkdtempSync(join(tmpdir(), "keeper-test-"));
  const path = join(dir, "keeper.db");
  const db = openDatabase(path);
  await migrateDatabase(db);
  setDb(db);
  return {
    db,
    path,
    url: `file:${path}`,
    dispose: async () => {
      setDb(undefined);
      await closeDatabase(db);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

// Test files run in parallel worker processes: the pid, a per-module token (a worker may run
// several files, each loading this module afresh) and a counter keep every name unique.
const token = Math.random().toString(36).slice(2, 8);
let counter = 0;

/** Runs one statement on the admin database (the DATABASE_URL's), on a connection of its own. */
async function admin(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: databaseUrl() });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function freshPgDb(): Promise<FreshDb> {
  const name = `keeper_t_${process.pid}_${token}_${++counter}`;
  // FILE_COPY copies the template's files (about 9 MB) instead of logging every page: several times faster.
  await admin(`CREATE DATABASE ${name} TEMPLATE ${PG_TEMPLATE_DATABASE} STRATEGY FILE_COPY`);
  const url = databaseUrlFor(databaseUrl(), name);
  const db = openDatabase(url);
  setDb(db);
  return {
    db,
    path: url,
    url,
    dispose: async () => {
      setDb(undefined);
      await closeDatabase(db);
      // FORCE: a connection the test left open (a server it started) must not keep the database.
      await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

/** Gives every test in the file its own fresh database; read `.db` inside a test. */
export function useFreshDb(): { readonly db: Db; readonly path: string; readonly url: string } {
  let current: FreshDb | undefined;
  beforeEach(async () => {
    current = await freshDb();
  });
  afterEach(async () => {
    const done = current;
    current = undefined;
    await done?.dispose();
  });
  const now = () => {
    if (!current) throw new Error("useFreshDb: no database outside a test");
    return current;
  };
  return {
    get db() {
      return now().db;
    },
    get path() {
      return now().path;
    },
    get url() {
      return now().url;
    },
  };
}
