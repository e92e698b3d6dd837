import { migrate as migrateSqlite } from "drizzle-orm/better-sqlite3/migrator";
import { migrate as migratePg } from "drizzle-orm/node-postgres/migrator";
import { join } from "node:path";
import { engineOfDb, type Db } from "./client";
import type { Engine } from "./engine";

/** Each engine has its own drizzle-kit migrations, generated from its schema file. */
export const MIGRATIONS_FOLDERS: Record<Engine, string> = {
  sqlite: join(process.cwd(), "db", "migrations"),
  postgres: join(process.cwd(), "db", "migrations-pg"),
};

/** @deprecated name kept for the SQLite-only callers; prefer MIGRATIONS_FOLDERS. */
export const MIGRATIONS_FOLDER = MIGRATIONS_FOLDERS.sqlite;

export async function migrateDatabase(db: Db, migrationsFolder?: string): Promise<void> {
  const engine = engineOfDb(db);
  const folder = migrationsFolder ?? MIGRATIONS_FOLDERS[engine];
  if (engine === "sqlite") migrateSqlite(db, { migrationsFolder: folder });
  else await migratePg(db as unknown as Parameters<typeof migratePg>[0], { migrationsFolder: folder });
}
