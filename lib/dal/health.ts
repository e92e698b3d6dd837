import "server-only";
import { sql } from "drizzle-orm";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { engineOfDb, getDb } from "@/db/client";
import type { Engine } from "@/db/engine";
import { MIGRATIONS_FOLDERS } from "@/db/migrate";
import { row } from "@/db/raw";
import { logger } from "@/lib/observability/log";

export interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
  migrations: { applied: number; expected: number; current: boolean };
}

// The committed migrations do not change while the server runs; read each engine's folder once.
const expected = new Map<Engine, { count: number; lastMillis: number }>();

function expectedMigrations(engine: Engine): { count: number; lastMillis: number } {
  let found = expected.get(engine);
  if (!found) {
    const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDERS[engine] });
    found = { count: files.length, lastMillis: files.at(-1)?.folderMillis ?? 0 };
    expected.set(engine, found);
  }
  return found;
}

/**
 * Where drizzle's migrator records what it applied: `__drizzle_migrations` in the SQLite file, the
 * `drizzle` schema's `__drizzle_migrations` on PostgreSQL (columns id, hash, created_at).
 */
const LEDGER: Record<Engine, { exists: ReturnType<typeof sql>; summary: ReturnType<typeof sql> }> = {
  sqlite: {
    exists: sql`select 1 as found from sqlite_master where type = 'table' and name = '__drizzle_migrations'`,
    summary: sql`select count(*) as count, max(created_at) as last from __drizzle_migrations`,
  },
  postgres: {
    exists: sql`select 1 as found where to_regclass('drizzle.__drizzle_migrations') is not null`,
    summary: sql`select count(*)::int as count, max(created_at) as last from drizzle.__drizzle_migrations`,
  },
};

/** A PostgreSQL server that does not answer (a dropped route) must not hang the probe. */
const HEALTH_TIMEOUT_MS = 5_000;

async function readLedger(db: ReturnType<typeof getDb>, engine: Engine): Promise<{ count: number; last: number | null }> {
  await row(db, sql`select 1 as one`);
  const ledger = LEDGER[engine];
  if (!(await row<{ found: number }>(db, ledger.exists))) return { count: 0, last: null };
  return (await row<{ count: number; last: number | null }>(db, ledger.summary)) ?? { count: 0, last: null };
}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer from the database within ${ms} ms`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Public by design (load balancers ask without credentials), so it says only whether this server
 * can serve: the database answers and every committed migration (of its engine) is applied. No
 * names, no counts of people, nothing about the data.
 */
export async function checkHealth(): Promise<Health> {
  const db = getDb();
  const engine = engineOfDb(db);
  const want = expectedMigrations(engine);
  let applied: { count: number; last: number | null };
  try {
    applied = await withTimeout(readLedger(db, engine), HEALTH_TIMEOUT_MS);
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return { status: "unavailable", database: "unreachable", migrations: { applied: 0, expected: want.count, current: false } };
  }
  const count = Number(applied.count);
  const current = count >= want.count && Number(applied.last ?? 0) >= want.lastMillis;
  return { status: current ? "ok" : "unavailable", database: "ok", migrations: { applied: count, expected: want.count, current } };
}
