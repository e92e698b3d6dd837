import { eq, sql, type AnyColumn } from "drizzle-orm";
import type { Db } from "@/db/client";
import { csatImports } from "@/db/schema";
import type { ResponseMerge } from "./response-merge";
import type { CsatImportReport, UnmatchedAgent } from "./run-import";
import { REJECTED_DETAIL_LIMIT, type FailedFile, type StagedFile } from "./stage-file";

// Once per import (or sync page), through drizzle: the same text on both engines.

/** The csat_imports row every import (and every helpdesk sync) is reported in. */
export async function insertImportRow(
  db: Db,
  actorId: number | null,
  via: "cli" | "upload" | "api" | "sync",
  fileName: string,
  source: string,
  now: number,
): Promise<number> {
  const [row] = await db
    .insert(csatImports)
    .values({ createdAt: now, actorId, via, fileName: fileName.replace(/\0/g, "\uFFFD"), source })
    .returning({ id: csatImports.id });
  return row.id;
}

/** NUL cannot be stored in PostgreSQL jsonb or text; a report quoting a binary file's header holds one. U+FFFD on both engines. */
function withoutNul<T>(value: T): T {
  if (!JSON.stringify(value).includes("\\u0000")) return value;
  return JSON.parse(JSON.stringify(value), (_, v: unknown) => (typeof v === "string" ? v.replace(/\0/g, "\uFFFD") : v)) as T;
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
export async function saveImportReport(db: Db, report: CsatImportReport, append: boolean): Promise<void> {
  let stored: StoredReport = { files: [], rejected: [], rejectedCount: 0, fileErrors: [], unmatched: [] };
  if (append) {
    const [row] = await db.select({ report: csatImports.report }).from(csatImports).where(eq(csatImports.id, report.importId));
    // drizzle parses the JSON column on both engines; a string would be a row written by hand.
    const saved = typeof row?.report === "string" ? (JSON.parse(row.report) as unknown) : row?.report;
    if (saved) stored = { ...stored, ...(saved as Partial<StoredReport>) };
  }
  const merged: StoredReport = {
    files: [...stored.files, ...report.files].slice(-FILES_LISTED),
    rejected: [...stored.rejected, ...report.rejected].slice(0, REJECTED_DETAIL_LIMIT),
    rejectedCount: stored.rejectedCount + report.rejectedCount,
    fileErrors: [...stored.fileErrors, ...report.fileErrors],
    unmatched: mergeUnmatched(stored.unmatched, report.unmatched),
  };
  const set = (column: AnyColumn, value: number) => (append ? sql<number>`${column} + ${value}` : value);
  await db
    .update(csatImports)
    .set({
      rowsRead: set(csatImports.rowsRead, report.rowsRead),
      imported: set(csatImports.imported, report.imported),
      updated: set(csatImports.updated, report.updated),
      unchanged: set(csatImports.unchanged, report.unchanged),
      notResponses: set(csatImports.notResponses, report.notResponses),
      rejected: set(csatImports.rejected, report.rejectedCount),
      report: withoutNul(merged) as unknown as Record<string, unknown>,
    })
    .where(eq(csatImports.id, report.importId));
}

/** The report of an import's write step, the same on both engines. */
export function buildReport(importId: number, files: (StagedFile | FailedFile)[], merge: ResponseMerge): CsatImportReport {
  const staged = files.filter((f): f is StagedFile => f.ok);
  return {
    importId,
    files: files.map((f) =>
      f.ok
        ? { name: f.name, source: f.source, detected: f.detected, rowsRead: f.rowsRead }
        : { name: f.name, source: f.source, detected: false, rowsRead: 0, error: f.error },
    ),
    rowsRead: staged.reduce((sum, f) => sum + f.rowsRead, 0),
    ...merge.counts,
    notResponses: staged.reduce((sum, f) => sum + f.notResponses, 0),
    rejected: staged.flatMap((f) => f.rejected).slice(0, REJECTED_DETAIL_LIMIT),
    rejectedCount: staged.reduce((sum, f) => sum + f.rejectedCount, 0),
    fileErrors: files.flatMap((f) => (f.ok ? [] : [{ file: f.name, reason: f.error }])),
    unmatched: merge.unmatchedList(),
  };
}
