import { rateGeneric } from "@/lib/domain/csat";
import { forEachCsvRecord } from "../csv-rows";
import { toOutcome } from "./record";
import { CsatFileError, rejected, type RowContext, type RowOutcome } from "./types";

/** The project's own CSAT CSV (DESIGN.md, "Interfaces"). */
export const CSV_REQUIRED = ["response_id", "agent_email", "rating", "scale_max", "responded_at"] as const;
export const CSV_OPTIONAL = ["channel", "comment", "ticket_id", "updated_at"] as const;
type Column = (typeof CSV_REQUIRED)[number] | (typeof CSV_OPTIONAL)[number];

/** Where each column sits in a row; -1 for an optional column the file does not have. */
export type CsvColumns = Record<Column, number> & { width: number };

const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** Maps the header row; a file missing required columns is refused as a whole. */
export function readCsvHeader(fields: string[]): CsvColumns {
  const names = fields.map((f) => f.trim().toLowerCase());
  const columns = { width: fields.length } as CsvColumns;
  for (const column of [...CSV_REQUIRED, ...CSV_OPTIONAL]) {
    const at = names.indexOf(column);
    if (at !== -1 && names.indexOf(column, at + 1) !== -1) {
      throw new CsatFileError(`CSV header names the column ${column} twice`);
    }
    columns[column] = at;
  }
  const missing = CSV_REQUIRED.filter((c) => columns[c] === -1);
  if (missing.length > 0) {
    throw new CsatFileError(
      `CSV header is missing required column${missing.length > 1 ? "s" : ""} ${missing.join(", ")} ` +
        `(expected ${CSV_REQUIRED.join(",")} and optional ${CSV_OPTIONAL.join(",")}; found ${names.join(",") || "nothing"})`,
    );
  }
  return columns;
}

const optional = (fields: string[], at: number): string | undefined => (at === -1 ? undefined : fields[at]);

/** One data row to a response, a rejection naming its line, never an exception. */
export function normalizeCsvRow(fields: string[], columns: CsvColumns, line: number, ctx: RowContext): RowOutcome {
  const ref = `line ${line}`;
  if (fields.length !== columns.width) {
    return rejected(ref, `has ${fields.length} field${fields.length === 1 ? "" : "s"}; the header has ${columns.width}`);
  }
  const email = fields[columns.agent_email].trim().toLowerCase();
  if (email !== "" && !EMAIL.test(email)) return rejected(ref, `agent_email '${email}' is not an email address`);
  return toOutcome(
    {
      source: "csv",
      ref,
      verdict: rateGeneric(fields[columns.rating], fields[columns.scale_max]),
      id: fields[columns.response_id],
      idField: "response_id",
      agent: email,
      agentField: "agent_email",
      ratedAt: fields[columns.responded_at],
      ratedAtField: "responded_at",
      updatedAt: optional(fields, columns.updated_at),
      updatedAtField: "updated_at",
      channel: optional(fields, columns.channel),
      comment: optional(fields, columns.comment),
      ticketRef: optional(fields, columns.ticket_id),
    },
    ctx,
  );
}

/** Streams a generic CSV file, handing each data row's outcome to `accept`. */
export async function readGenericCsv(
  bytes: AsyncIterable<Uint8Array>,
  ctx: RowContext,
  accept: (outcome: RowOutcome) => void,
): Promise<void> {
  let columns: CsvColumns | null = null;
  await forEachCsvRecord(bytes, (fields, line) => {
    if (columns === null) columns = readCsvHeader(fields);
    else accept(normalizeCsvRow(fields, columns, line, ctx));
  });
  if (columns === null) throw new CsatFileError("is empty");
}
