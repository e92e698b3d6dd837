import { existsSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { databasePath, getDb } from "@/db/client";

/**
 * SQLite's online backup API copies page by page and restarts when another connection writes,
 * so the copy is consistent even while the server keeps writing.
 */
export async function run(args: string[]): Promise<number> {
  const dest = args[0];
  if (!dest) {
    console.error("Usage: keeper backup DEST.db");
    return 2;
  }
  const target = resolve(dest);
  if (target === databasePath()) {
    console.error("The backup must not overwrite the live database.");
    return 2;
  }
  if (existsSync(target) && !args.includes("--force")) {
    console.error(`${target} exists. Pass --force to overwrite it.`);
    return 2;
  }
  const started = Date.now();
  await getDb().$client.backup(target);
  const copy = new Database(target, { readonly: true });
  const check = copy.pragma("integrity_check", { simple: true });
  copy.close();
  if (check !== "ok") {
    console.error(`Backup written to ${target} but integrity_check says: ${String(check)}`);
    return 1;
  }
  console.log(`Backed up ${databasePath()} to ${target} in ${Date.now() - started} ms (integrity ok).`);
  return 0;
}
