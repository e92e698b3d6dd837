import { closeDatabase, databaseLabel, engineOfDb, getDb, pgPool, setDb } from "@/db/client";
import { redactUrl } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";

/** Any fixed number: the session lock that keeps two `keeper db migrate` runs on one PostgreSQL apart. */
const MIGRATE_LOCK = 4_242_017;

/**
 * `keeper db migrate` (also the first step of `keeper start`): applies the committed migrations of
 * the engine DATABASE_URL names (db/migrations or db/migrations-pg). On PostgreSQL several servers
 * may start at once; an advisory lock makes the second wait and then find nothing to apply.
 */
export async function run(): Promise<number> {
  const db = getDb();
  if (engineOfDb(db) === "sqlite") {
    await migrateDatabase(db);
    console.log(`Database is up to date: ${databaseLabel(db)}`);
    return 0;
  }
  try {
    const lock = await pgPool(db).connect();
    try {
      await lock.query("select pg_advisory_lock($1)", [MIGRATE_LOCK]);
      await migrateDatabase(db);
    } finally {
      await lock.query("select pg_advisory_unlock($1)", [MIGRATE_LOCK]).catch(() => undefined);
      lock.release();
    }
    console.log(`Database is up to date: ${databaseLabel(db)}`);
    return 0;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    console.error(`Could not migrate ${databaseLabel(db)}: ${redactUrl(message)}`);
    return 1;
  } finally {
    // Idle pooled connections would keep this process (and `keeper start`, waiting on it) alive.
    setDb(undefined);
    await closeDatabase(db);
  }
}
