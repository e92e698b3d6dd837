import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Db } from "@/db/client";
import { importCsat, type CsatImportReport, type ImportCsatOptions } from "@/lib/importers/csat/run-import";
import { importOrg } from "@/lib/importers/org-import";

export const FIXTURES = join(process.cwd(), "tests", "fixtures", "csat");
/** "Now" for imports in tests: after every fixture's timestamps. */
export const NOW = Date.UTC(2026, 10, 1);

export const fixture = (name: string): string => readFileSync(`${FIXTURES}/${name}`, "utf8");

export function importText(name: string, text: string, options: Partial<ImportCsatOptions> = {}): Promise<CsatImportReport> {
  return importCsat({ inputs: [{ name, text }], via: "cli", now: NOW, ...options });
}

export async function importSampleOrg(): Promise<void> {
  const report = await importOrg(fixture("org.csv"), { now: NOW });
  if (!report.ok) throw new Error(JSON.stringify(report.problems));
}

export const all = <T>(db: Db, sql: string, ...params: unknown[]): T[] => db.$client.prepare(sql).all(...params) as T[];
export const count = (db: Db, table: string): number => (db.$client.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;

/** The invariant the importer maintains: csat_rollups is exactly a GROUP BY over matched responses. */
export function expectRollupsConsistent(db: Db): void {
  const rollups = all(db, "SELECT employee_id, quarter, responses, satisfied FROM csat_rollups ORDER BY 1, 2");
  const truth = all(
    db,
    `SELECT employee_id, quarter, count(*) AS responses, sum(satisfied) AS satisfied FROM csat_responses
     WHERE employee_id IS NOT NULL GROUP BY employee_id, quarter ORDER BY 1, 2`,
  );
  expect(rollups).toEqual(truth);
  // The write step skips per-row foreign key checks (run-import.ts): they must hold all the same,
  // and be back on for everyone else.
  expect(db.$client.pragma("foreign_key_check")).toEqual([]);
  expect(db.$client.pragma("foreign_keys", { simple: true })).toBe(1);
}

export type Rating = {
  id: string;
  score: "good" | "bad" | "offered";
  assignee: number;
  created: string;
  updated: string;
  comment?: string;
};

/** A Zendesk satisfaction_ratings page. */
export function zendeskPage(ratings: Rating[]): string {
  return JSON.stringify({
    satisfaction_ratings: ratings.map((r) => ({
      id: r.id,
      assignee_id: r.assignee,
      ticket_id: 1,
      score: r.score,
      comment: r.comment ?? null,
      created_at: r.created,
      updated_at: r.updated,
    })),
  });
}
