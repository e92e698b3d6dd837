import { ROLES, type Role } from "@/lib/domain/roles";
import { parseDepartureColumns, type Departure } from "@/lib/domain/departures";
import { forEachCsvRecord } from "../csv-rows";

/** Org CSV columns (DESIGN.md, "Interfaces"). */
export const ORG_REQUIRED = ["email", "name", "manager_email", "team", "title", "role"] as const;
/** Optional: a departure (all three, or none). */
export const ORG_DEPARTURE_COLUMNS = ["left_at", "leave_type", "regretted"] as const;
/** Helpdesk id columns and the `identities.source` each fills. */
export const ORG_ID_COLUMNS = {
  zendesk_id: "zendesk",
  freshdesk_id: "freshdesk",
  intercom_id: "intercom",
  helpscout_id: "helpscout",
  chatwoot_id: "chatwoot",
} as const;
export { ROLES, type Role };
export type IdSource = (typeof ORG_ID_COLUMNS)[keyof typeof ORG_ID_COLUMNS];

export type OrgRow = {
  line: number;
  email: string;
  name: string;
  managerEmail: string | null;
  team: string | null;
  title: string;
  role: Role;
  /** 'YYYY-MM-DD', or null to leave the stored date alone. */
  hiredAt: string | null;
  identities: { source: IdSource; externalId: string }[];
  /** A departure to record (the person is deactivated), or null to leave any stored one alone. */
  departure: Departure | null;
};

export type OrgProblem = { line: number | null; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(text: string): boolean {
  const m = DATE.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

type Header = Map<string, number>;

function readHeader(fields: string[]): Header {
  const header: Header = new Map();
  fields.forEach((f, i) => header.set(f.trim().toLowerCase(), i));
  return header;
}

function readRow(fields: string[], header: Header, line: number, problems: OrgProblem[], today: string): OrgRow | null {
  const get = (column: string): string => {
    const at = header.get(column);
    return at === undefined ? "" : (fields[at] ?? "").trim();
  };
  const fail = (message: string) => {
    problems.push({ line, message });
    return null;
  };
  if (fields.length !== header.size) return fail(`has ${fields.length} fields; the header has ${header.size}`);
  const email = get("email").toLowerCase();
  if (!EMAIL.test(email)) return fail(email === "" ? "email is missing" : `email '${email}' is not an email address`);
  const name = get("name");
  if (name === "") return fail("name is missing");
  const role = get("role").toLowerCase();
  if (!(ROLES as readonly string[]).includes(role)) return fail(`role '${role}' is not one of ${ROLES.join(", ")}`);
  const managerEmail = get("manager_email").toLowerCase() || null;
  if (managerEmail !== null && !EMAIL.test(managerEmail)) return fail(`manager_email '${managerEmail}' is not an email address`);
  const hiredAt = get("hired_at") || null;
  if (hiredAt !== null && !isCalendarDate(hiredAt)) return fail(`hired_at '${hiredAt}' is not a date (YYYY-MM-DD)`);
  const departure = parseDepartureColumns(get("left_at"), get("leave_type"), get("regretted"), today);
  if (!departure.ok) return fail(departure.message);
  const identities = Object.entries(ORG_ID_COLUMNS).flatMap(([column, source]) => {
    const externalId = get(column);
    return externalId === "" ? [] : [{ source, externalId }];
  });
  return {
    line,
    email,
    name,
    managerEmail,
    team: get("team") || null,
    title: get("title"),
    role: role as Role,
    hiredAt,
    identities,
    departure: departure.value,
  };
}

/** Within the file: one row per email, one person per helpdesk id. */
function checkDuplicates(rows: OrgRow[], problems: OrgProblem[]): void {
  const emails = new Map<string, number>();
  const ids = new Map<string, number>();
  for (const row of rows) {
    const first = emails.get(row.email);
    if (first !== undefined) problems.push({ line: row.line, message: `${row.email} is already on line ${first}` });
    else emails.set(row.email, row.line);
    for (const { source, externalId } of row.identities) {
      const key = `${source}:${externalId}`;
      const owner = ids.get(key);
      if (owner !== undefined) problems.push({ line: row.line, message: `${source} id ${externalId} is already given to line ${owner}` });
      else ids.set(key, row.line);
    }
  }
}

/** Parses and validates every row; any problem refuses the whole file, so all are collected. */
export async function readOrgCsv(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  today = new Date().toISOString().slice(0, 10),
): Promise<{ rows: OrgRow[]; problems: OrgProblem[] }> {
  const rows: OrgRow[] = [];
  const problems: OrgProblem[] = [];
  let header: Header | null = null;
  let headerOk = false;
  await forEachCsvRecord(bytes, (fields, line) => {
    if (header === null) {
      header = readHeader(fields);
      const missing = ORG_REQUIRED.filter((c) => !header!.has(c));
      headerOk = missing.length === 0;
      if (!headerOk) problems.push({ line, message: `header is missing column${missing.length > 1 ? "s" : ""} ${missing.join(", ")}` });
      return;
    }
    // Without the required columns every row would fail the same way; the header problem says it.
    if (!headerOk) return;
    const row = readRow(fields, header, line, problems, today);
    if (row) rows.push(row);
  });
  if (header === null) problems.push({ line: null, message: "the file is empty" });
  checkDuplicates(rows, problems);
  problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  return { rows, problems };
}
