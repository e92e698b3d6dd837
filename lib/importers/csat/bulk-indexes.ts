import type { Database } from "better-sqlite3";

/**
 * Secondary indexes of csat_responses whose keys arrive in random order during an import (agent
 * and rating time are unrelated to file order). Maintaining them row by row costs several
 * microseconds per row each; building them once afterwards sorts instead. See docs/PERFORMANCE.md.
 */
const EMPLOYEE_QUARTER = "csat_responses_employee_quarter_idx";
/** Partial (WHERE employee_id IS NULL): only an import's unmatched rows add entries to it. */
const AGENT_EXTERNAL = "csat_responses_agent_external_idx";

/** Rebuilding is only cheaper when the import is large next to what is already stored. */
export const BULK_MIN_ROWS = 100_000;

/** The rows an import adds, and how many of them name no employee. */
export type Incoming = { rows: number; unmatched: number };

/** Which indexes to drop before the bulk insert and build again after it. */
export function indexesToDefer(client: Database, incoming: Incoming): string[] {
  if (incoming.rows < BULK_MIN_ROWS) return [];
  // max(id) is an O(log n) upper bound on the row count; count(*) would scan the table.
  const stored = client.prepare("SELECT coalesce(max(id), 0) FROM csat_responses").pluck().get() as number;
  const names: string[] = [];
  if (incoming.rows >= stored) names.push(EMPLOYEE_QUARTER);
  // Building it scans the whole table, so only worth it when many rows would enter it.
  if (incoming.unmatched >= BULK_MIN_ROWS && incoming.unmatched >= stored) names.push(AGENT_EXTERNAL);
  return names;
}

/**
 * Drops the given indexes inside the caller's transaction and returns the exact SQL that
 * created them (read from sqlite_master, so a future migration's definition is kept verbatim).
 * Readers on other connections keep seeing the indexed, committed database until COMMIT.
 */
export function dropIndexes(client: Database, names: string[]): string[] {
  if (names.length === 0) return [];
  if (!client.inTransaction) throw new Error("dropIndexes must run inside a transaction");
  const rows = client
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'csat_responses'
       AND sql IS NOT NULL AND name IN (${names.map(() => "?").join(", ")})`,
    )
    .all(...names) as { name: string; sql: string }[];
  for (const { name } of rows) client.exec(`DROP INDEX "${name}"`);
  return rows.map((r) => r.sql);
}

/** For a bulk load of matched responses (the large demo seed): defers the one index they all enter. */
export function dropDeferrableIndexes(client: Database): string[] {
  return dropIndexes(client, [EMPLOYEE_QUARTER]);
}

export function recreateIndexes(client: Database, createSql: string[]): void {
  if (createSql.length === 0) return;
  // Let SQLite's sorter use a second core while it builds them.
  const threads = client.pragma("threads", { simple: true }) as number;
  client.pragma("threads = 2");
  try {
    for (const sql of createSql) client.exec(sql);
  } finally {
    client.pragma(`threads = ${threads}`);
  }
}
