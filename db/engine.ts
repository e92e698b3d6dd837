/**
 * Which engine a DATABASE_URL selects. No imports, so the schema switch, the CLI and the scripts
 * can all ask before anything opens a connection.
 *
 * - `postgres://…` / `postgresql://…`: PostgreSQL 15 or later.
 * - `file:PATH`, a plain path, `:memory:` or no URL at all: the embedded SQLite file.
 * - Anything else (`mysql://…`) stops Keeper by name. Taken as a path, it used to create a SQLite
 *   file in a folder called `mysql:`, far from where the user thought the data was.
 */
export type Engine = "sqlite" | "postgres";

export const DEFAULT_DATABASE_URL = "file:./data/keeper.db";

export class UnsupportedDatabaseUrl extends Error {
  name = "UnsupportedDatabaseUrl";
}

export const SUPPORTED_FORMS =
  "postgres://USER:PASSWORD@HOST:5432/DATABASE (PostgreSQL 15 or later), file:PATH (e.g. file:./data/keeper.db), a plain file path, or :memory:";

export function databaseUrl(): string {
  return process.env.DATABASE_URL || DEFAULT_DATABASE_URL;
}

export function engineOf(url = databaseUrl()): Engine {
  if (url === ":memory:") return "sqlite";
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === "postgres" || scheme === "postgresql") return "postgres";
  // One letter before the colon is a Windows drive (C:\keeper.db), not a scheme.
  if (scheme && scheme !== "file" && scheme.length > 1) {
    throw new UnsupportedDatabaseUrl(`DATABASE_URL uses "${scheme}:", which Keeper does not support. Use ${SUPPORTED_FORMS}.`);
  }
  return "sqlite";
}

/** The engine this process runs on; fixed at start, since the schema module is chosen by it. */
export const ENGINE: Engine = (() => {
  try {
    return engineOf();
  } catch {
    // Reported with its message where a connection is opened (getDb), not at import time.
    return "sqlite";
  }
})();

/** Credentials never reach a log or an error message. */
export function redactUrl(url: string): string {
  return url.replace(/\/\/([^:@/]+)(:[^@/]*)?@/, (_, user: string) => `//${user}:***@`);
}
