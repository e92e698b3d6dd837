import { databasePath, getDb } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";

export function run(): number {
  migrateDatabase(getDb());
  console.log(`Database is up to date: ${databasePath()}`);
  return 0;
}
