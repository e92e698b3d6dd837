import type { Database } from "better-sqlite3";

/**
 * Secondary indexes of csat_responses whose keys arrive in random order during an import (agent
 * and rating time are unrelated to file order). Maintaining them row by row costs several
 * microseconds per row each; building them once afterwards sorts instead. See docs/PERFORMANCE.md.
 */
const DEFERRABLE = ["csat_responses_employee_quarter_idx", "csat_responses_agent_external_idx"];

/** Rebuilding is only cheaper when the import is large next to what is already stored. */
export const BULK_MIN_ROWS = 100_000;

export function shouldDeferIndexes(client: Database, incomingRows: number): boolean {
  if (incomingRows < BULK_MIN_ROWS) return false;
  // max(id) is an O(log n) upper bound on the row count; count(*) would scan the table.
  const stored = client.prepare("SELECT coalesce(max(id), 0) FROM csat_responses").pluck().get() as number;
  return incomingRows >= stored;
}

/**
 * Drops the deferrable indexes inside the caller's transaction and returns the exact SQL that
 * created them (read from sqlite_master, so a future migration's definition is kept verbatim).
 * Readers on other connections keep seeing the indexed, committed database until COMMIT.
 */
export function dropDeferrableIndexes(client: Database): string[] {
  if (!client.inTransaction) throw new Error("dropDeferrableIndexes must run inside a transaction");
  const rows = client
    .prepare(
      `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'csat_responses'
       AND sql IS NOT NULL AND name IN (${DEFERRABLE.map(() => "?").join(", ")})`,
    )
    .all(...DEFERRABLE) as { name: string; sql: string }[];
  for (const { name } of rows) client.exec(`DROP INDEX "${name}"`);
  return rows.map((r) => r.sql);
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
