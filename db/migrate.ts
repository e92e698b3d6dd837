import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import { join } from "node:path";
import type { Db } from "./client";

export const MIGRATIONS_FOLDER = join(process.cwd(), "db", "migrations");

export function migrateDatabase(db: Db, migrationsFolder = MIGRATIONS_FOLDER): void {
  migrate(db, { migrationsFolder });
}
