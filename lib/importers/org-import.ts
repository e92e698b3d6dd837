import { sql } from "drizzle-orm";
import { writeTx, type Db } from "@/db/client";
import { rows as rowsOf } from "@/db/raw";
import { CsvSyntaxError } from "./csv-rows";
import { rematchUnmatched } from "./csat/rematch";
import { readOrgCsv, type OrgProblem, type OrgRow } from "./org/org-csv";
import { ensureTeams, upsertDepartures, upsertEmployees, upsertIdentities, type StoredEmployee } from "./org/org-writer";
import { findReportingLoops } from "./org/reporting-loops";

export type { OrgProblem } from "./org/org-csv";

export type OrgImportReport =
  | {
      ok: true;
      rowsRead: number;
      created: number;
      updated: number;
      unchanged: number;
      teamsCreated: number;
      /** Helpdesk ids that now point at a different employee than before. */
      identitiesMoved: number;
      /** Stored CSAT responses newly credited to an employee because of this import. */
      rematched: number;
      /** Departures recorded or changed (those people are deactivated). */
      departures: number;
    }
  | { ok: false; rowsRead: number; problems: OrgProblem[] };

const refuse = (rowsRead: number, problems: OrgProblem[]): OrgImportReport => ({ ok: false, rowsRead, problems });

function decode(input: string | Uint8Array): string | null {
  if (typeof input === "string") return input;
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(input);
  } catch {
    return null;
  }
}

/** Every manager must exist, in the file or already in Keeper, and nobody may end up managing themselves. */
function checkManagers(rows: OrgRow[], stored: Map<string, StoredEmployee>, byId: Map<number, StoredEmployee>): OrgProblem[] {
  const inFile = new Map(rows.map((r) => [r.email, r]));
  const problems: OrgProblem[] = [];
  for (const row of rows) {
    if (row.managerEmail !== null && !inFile.has(row.managerEmail) && !stored.has(row.managerEmail)) {
      problems.push({ line: row.line, message: `manager_email ${row.managerEmail} is neither in this file nor in Keeper` });
    }
  }
  const managerOf = (email: string): string | null => {
    const row = inFile.get(email);
    if (row) return row.managerEmail;
    const managerId = stored.get(email)?.manager_id;
    return managerId == null ? null : (byId.get(managerId)?.email.toLowerCase() ?? null);
  };
  for (const loop of findReportingLoops(managerOf, inFile.keys())) {
    const lines = loop.flatMap((email) => (inFile.has(email) ? [inFile.get(email)!.line] : [])).sort((a, b) => a - b);
    problems.push({
      line: lines[0] ?? null,
      message: `reporting loop ${[...loop, loop[0]].join(" → ")} (lines ${lines.join(", ")})`,
    });
  }
  return problems;
}

async function writeOrg(db: Db, rows: OrgRow[], stored: Map<string, StoredEmployee>, now: number): Promise<OrgImportReport> {
  const { teamId, created: teamsCreated } = await ensureTeams(db, rows);
  const { ids, created, changed } = await upsertEmployees(db, rows, stored, teamId, now);
  const moved = await upsertIdentities(db, rows, ids, changed);
  const { matched } = await rematchUnmatched(db, moved);
  const departures = await upsertDepartures(db, rows, ids, changed, now);
  const updated = [...changed].filter((email) => stored.has(email)).length;
  return {
    ok: true,
    rowsRead: rows.length,
    created,
    updated,
    unchanged: rows.length - created - updated,
    teamsCreated,
    identitiesMoved: moved.length,
    rematched: matched,
    departures,
  };
}

/**
 * Imports the org CSV: employees by email (lower-cased), teams by name, managers and helpdesk ids.
 * All or nothing: any invalid row, unknown manager or reporting loop refuses the whole file with
 * the lines named, and nothing is written. Afterwards, CSAT responses that were waiting for these
 * agents are credited to them (rematchUnmatched), in the same transaction.
 */
export async function importOrg(input: string | Uint8Array, options: { now?: number } = {}): Promise<OrgImportReport> {
  const text = decode(input);
  if (text === null) return refuse(0, [{ line: null, message: "the file is not UTF-8 text" }]);
  let parsed: Awaited<ReturnType<typeof readOrgCsv>>;
  try {
    parsed = await readOrgCsv([Buffer.from(text, "utf8")], new Date(options.now ?? Date.now()).toISOString().slice(0, 10));
  } catch (err) {
    if (err instanceof CsvSyntaxError) return refuse(0, [{ line: err.line, message: err.message }]);
    throw err;
  }
  const { rows, problems } = parsed;
  if (problems.length > 0) return refuse(rows.length, problems);
  const now = options.now ?? Date.now();

  return writeTx(async (db): Promise<OrgImportReport> => {
    const all = await rowsOf<StoredEmployee>(db, sql`SELECT id, email, name, title, team_id, manager_id, role, hired_at FROM employees`);
    const stored = new Map(all.map((e) => [e.email.toLowerCase(), e]));
    const managerProblems = checkManagers(rows, stored, new Map(all.map((e) => [e.id, e])));
    if (managerProblems.length > 0) return refuse(rows.length, managerProblems);
    return writeOrg(db, rows, stored, now);
  });
}
