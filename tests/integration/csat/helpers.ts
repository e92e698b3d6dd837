import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { engineOfDb, pgPool, sqliteClient, type Db } from "@/db/client";
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

export const isPg = (db: Db): boolean => engineOfDb(db) === "postgres";

/** A query with `?` parameters on either engine (numbered `$n` for PostgreSQL); rows keyed by column. */
export async function all<T>(db: Db, sql: string, ...params: unknown[]): Promise<T[]> {
  if (!isPg(db))
    return sqliteClient(db)
      .prepare(sql)
      .all(...params) as T[];
  let n = 0;
  return (
    await pgPool(db).query(
      sql.replace(/\?/g, () => `$${++n}`),
      params,
    )
  ).rows as T[];
}

/** Statements without parameters, `;`-separated, on either engine. */
export async function run(db: Db, sql: string): Promise<void> {
  if (isPg(db)) await pgPool(db).query(sql);
  else sqliteClient(db).exec(sql);
}

export const count = async (db: Db, table: string): Promise<number> =>
  (await all<{ n: number }>(db, `SELECT count(*) AS n FROM ${table}`))[0].n;

/** A JSON column read by hand: text on SQLite, already parsed (jsonb) on PostgreSQL. */
export const json = <T = Record<string, unknown>>(value: unknown): T => (typeof value === "string" ? JSON.parse(value) : value) as T;

/** Makes every INSERT into csat_responses of the record id `boom` fail with "disk on fire". */
export async function addBoomTrigger(db: Db): Promise<void> {
  if (isPg(db)) {
    await run(
      db,
      `CREATE FUNCTION boom() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'disk on fire'; END $$;
       CREATE TRIGGER boom BEFORE INSERT ON csat_responses FOR EACH ROW WHEN (NEW.source_record_id = 'boom') EXECUTE FUNCTION boom();`,
    );
  } else {
    await run(
      db,
      `CREATE TRIGGER boom BEFORE INSERT ON csat_responses WHEN NEW.source_record_id = 'boom'
       BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`,
    );
  }
}

export async function dropBoomTrigger(db: Db): Promise<void> {
  await run(db, isPg(db) ? "DROP TRIGGER boom ON csat_responses; DROP FUNCTION boom();" : "DROP TRIGGER boom");
}

/** The invariant the importer maintains: csat_rollups is exactly a GROUP BY over matched responses. */
export async function expectRollupsConsistent(db: Db): Promise<void> {
  const rollups = await all(db, "SELECT employee_id, quarter, responses, satisfied FROM csat_rollups ORDER BY 1, 2");
  const truth = await all(
    db,
    `SELECT employee_id, quarter, count(*) AS responses, sum(satisfied) AS satisfied FROM csat_responses
     WHERE employee_id IS NOT NULL GROUP BY employee_id, quarter ORDER BY 1, 2`,
  );
  expect(rollups).toEqual(truth);
  if (isPg(db)) return;
  // SQLite's write step skips per-row foreign key checks (write-import.sqlite.ts): they must hold
  // all the same, and be back on for everyone else. PostgreSQL always checks them.
  expect(sqliteClient(db).pragma("foreign_key_check")).toEqual([]);
  expect(sqliteClient(db).pragma("foreign_keys", { simple: true })).toBe(1);
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
