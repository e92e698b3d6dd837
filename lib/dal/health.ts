import "server-only";
import { readMigrationFiles } from "drizzle-orm/migrator";
import { getDb } from "@/db/client";
import { MIGRATIONS_FOLDER } from "@/db/migrate";
import { logger } from "@/lib/observability/log";

export interface Health {
  status: "ok" | "unavailable";
  database: "ok" | "unreachable";
  migrations: { applied: number; expected: number; current: boolean };
}

// The committed migrations do not change while the server runs; read them once.
let expected: { count: number; lastMillis: number } | undefined;

function expectedMigrations(): { count: number; lastMillis: number } {
  if (!expected) {
    const files = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
    expected = { count: files.length, lastMillis: files.at(-1)?.folderMillis ?? 0 };
  }
  return expected;
}

/**
 * Public by design (load balancers ask without credentials), so it says only whether this server
 * can serve: the database answers and every committed migration is applied. No names, no counts
 * of people, nothing about the data.
 */
export function checkHealth(): Health {
  const want = expectedMigrations();
  let applied: { count: number; last: number | null };
  try {
    const sqlite = getDb().$client;
    sqlite.prepare("select 1").get();
    const table = sqlite.prepare("select 1 from sqlite_master where type = 'table' and name = '__drizzle_migrations'").get();
    applied = table
      ? (sqlite.prepare("select count(*) as count, max(created_at) as last from __drizzle_migrations").get() as {
          count: number;
          last: number | null;
        })
      : { count: 0, last: null };
  } catch (error) {
    logger.error({ err: error }, "health check: database unreachable");
    return { status: "unavailable", database: "unreachable", migrations: { applied: 0, expected: want.count, current: false } };
  }
  const current = applied.count >= want.count && Number(applied.last ?? 0) >= want.lastMillis;
  return { status: current ? "ok" : "unavailable", database: "ok", migrations: { applied: applied.count, expected: want.count, current } };
}
