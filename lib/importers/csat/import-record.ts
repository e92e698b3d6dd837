import type { Database } from "better-sqlite3";
import type { CsatImportReport, UnmatchedAgent } from "./run-import";
import { REJECTED_DETAIL_LIMIT } from "./stage-file";

/** The csat_imports row every import (and every helpdesk sync) is reported in. */
export function insertImportRow(
  client: Database,
  actorId: number | null,
  via: string,
  fileName: string,
  source: string,
  now: number,
): number {
  return Number(
    client
      .prepare("INSERT INTO csat_imports (created_at, actor_id, via, file_name, source) VALUES (?, ?, ?, ?, ?)")
      .run(now, actorId, via, fileName, source).lastInsertRowid,
  );
}

type StoredReport = Pick<CsatImportReport, "files" | "rejected" | "rejectedCount" | "fileErrors" | "unmatched">;

/** Files listed per sync: a long sync has hundreds of pages, and the counts say the rest. */
const FILES_LISTED = 50;

function mergeUnmatched(a: UnmatchedAgent[], b: UnmatchedAgent[]): UnmatchedAgent[] {
  const byKey = new Map<string, UnmatchedAgent>();
  for (const u of [...a, ...b]) {
    const key = `${u.source}\u0000${u.externalId}`;
    const seen = byKey.get(key);
    byKey.set(key, seen ? { ...seen, count: seen.count + u.count } : { ...u });
  }
  return [...byKey.values()].sort(
    (x, y) => y.count - x.count || x.source.localeCompare(y.source) || x.externalId.localeCompare(y.externalId),
  );
}

/**
 * Writes an import's counts and report (inside the import's transaction). With `append`, a sync
 * page: its counts are added to the row's, its rejections and unmatched agents merged in.
 */
export function saveImportReport(client: Database, report: CsatImportReport, append: boolean): void {
  let stored: StoredReport = { files: [], rejected: [], rejectedCount: 0, fileErrors: [], unmatched: [] };
  if (append) {
    const row = client.prepare("SELECT report FROM csat_imports WHERE id = ?").get(report.importId) as
      { report: string | null } | undefined;
    if (row?.report) stored = { ...stored, ...(JSON.parse(row.report) as Partial<StoredReport>) };
  }
  const merged: StoredReport = {
    files: [...stored.files, ...report.files].slice(-FILES_LISTED),
    rejected: [...stored.rejected, ...report.rejected].slice(0, REJECTED_DETAIL_LIMIT),
    rejectedCount: stored.rejectedCount + report.rejectedCount,
    fileErrors: [...stored.fileErrors, ...report.fileErrors],
    unmatched: mergeUnmatched(stored.unmatched, report.unmatched),
  };
  const add = append ? (column: string) => `${column} = ${column} + ?` : (column: string) => `${column} = ?`;
  client
    .prepare(
      `UPDATE csat_imports SET ${["rows_read", "imported", "updated", "unchanged", "not_responses", "rejected"].map(add).join(", ")},
       report = ? WHERE id = ?`,
    )
    .run(
      report.rowsRead,
      report.imported,
      report.updated,
      report.unchanged,
      report.notResponses,
      report.rejectedCount,
      JSON.stringify(merged),
      report.importId,
    );
}
