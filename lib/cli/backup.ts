import { existsSync } from "node:fs";
import { resolve } from "node:path";
import Database from "better-sqlite3";
import { databasePath, getDb, sqliteClient } from "@/db/client";
import { databaseUrl, engineOf, redactUrl } from "@/db/engine";

/**
 * SQLite's online backup API copies page by page and restarts when another connection writes,
 * so the copy is consistent even while the server keeps writing. On PostgreSQL the tool is
 * pg_dump: this command says how, and takes no backup itself.
 */
export async function run(args: string[]): Promise<number> {
  if (engineOf(databaseUrl()) === "postgres") {
    console.log(postgresBackupGuidance(databaseUrl(), { file: args.find((a) => !a.startsWith("--")) }));
    return 0;
  }
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
  await sqliteClient(getDb()).backup(target);
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

/** The URL without its password (pg_dump then reads PGPASSWORD or ~/.pgpass), options kept. */
export function urlWithoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    parsed.searchParams.delete("password");
    return parsed.toString();
  } catch {
    return redactUrl(url);
  }
}

/** `keeper backup` on PostgreSQL: what to run instead. Never contains the password. */
export function postgresBackupGuidance(url: string, options: { file?: string; now?: Date } = {}): string {
  const now = options.now ?? new Date();
  const stamp = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, "0")}${String(now.getDate()).padStart(2, "0")}`;
  const file = options.file ?? `keeper-${stamp}.dump`;
  const target = urlWithoutPassword(url);
  return [
    "No backup was taken: DATABASE_URL is PostgreSQL, and there the backup tool is pg_dump.",
    "pg_dump reads a consistent snapshot while the server keeps running. Managed services",
    "(RDS, Cloud SQL, Azure, Supabase…) also keep their own snapshots: check they are on.",
    "",
    "Back up (pg_dump's major version must be at least the server's):",
    `  pg_dump --format=custom --file ${file} "${target}"`,
    "",
    "Restore into an existing, empty or to-be-replaced database (stop Keeper first):",
    `  pg_restore --dbname "${target}" --clean --if-exists ${file}`,
    "",
    "The password is left out of the commands: set PGPASSWORD in the shell, or put it in ~/.pgpass",
    "(host:port:database:user:password, chmod 600).",
  ].join("\n");
}
