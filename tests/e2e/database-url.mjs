// The browser tests' database: the server serve.mjs starts and the specs that read or set up data
// (tests/e2e/db.ts) both use this URL. E2E_DATABASE_URL wins; else a postgres:// DATABASE_URL (as
// `node scripts/pg-cluster.mjs run -- …` sets it, see `npm run test:e2e:pg`); else the SQLite file.
// A file: DATABASE_URL is ignored on purpose: it is usually the developer's own database.
export const SQLITE_E2E_URL = "file:./data/e2e.db";

export function isPostgresUrl(url) {
  return /^postgres(ql)?:\/\//i.test(url ?? "");
}

export function e2eDatabaseUrl(env = process.env) {
  if (env.E2E_DATABASE_URL) return env.E2E_DATABASE_URL;
  if (isPostgresUrl(env.DATABASE_URL)) return env.DATABASE_URL;
  return SQLITE_E2E_URL;
}

/** `file:./data/e2e.db` → `./data/e2e.db` (a plain path stays as it is). */
export function sqlitePath(url) {
  return url.startsWith("file:") ? url.slice("file:".length) : url;
}
