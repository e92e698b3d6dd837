/**
 * CSV export (DESIGN.md, "Talent review": "export to CSV (spreadsheet-formula-safe)").
 *
 * RFC 4180 text, plus protection against CSV/formula injection: names, reasons and comments are
 * typed by people, and a cell such as `=HYPERLINK("http://evil","click")` would run as a formula
 * when HR opens the export in Excel, LibreOffice or Google Sheets. Any text cell a spreadsheet
 * could read as a formula gets a leading apostrophe, which spreadsheets treat as "this is text".
 */

export type CsvCell = string | number | null;

/**
 * Leading characters that make a spreadsheet evaluate a cell (OWASP "CSV Injection"): `=`, `+`,
 * `-` and `@` start formulas; a tab or carriage return in front of them can slip past a naive
 * check and is stripped by some importers, so those are neutralised too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** Characters that force a field into quotes (RFC 4180 section 2, rule 6). */
const NEEDS_QUOTES = /[",\r\n]/;

/** RFC 4180 line break, used between records and after the last one. */
export const CSV_LINE_END = "\r\n";

/**
 * One field. Numbers are written as they are, even negative ones: a number cell came from our
 * own figures, not from user text, and "'-3" would turn it into text that no longer sums.
 * Text is defused first and quoted second, so a dangerous cell that also needs quotes becomes
 * `"'=1,2"`, with the apostrophe inside the quotes where the spreadsheet sees it.
 */
export function csvField(cell: CsvCell): string {
  if (cell === null) return "";
  if (typeof cell === "number") {
    // NaN or Infinity means a bug upstream; writing "NaN" into HR's spreadsheet would hide it.
    if (!Number.isFinite(cell)) throw new RangeError(`Cannot write ${cell} to CSV`);
    return String(cell);
  }
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * The whole file: a header line, then one line per row, every line ending in CRLF (including the
 * last, which RFC 4180 allows and which keeps concatenated exports well formed). Every row must
 * have as many cells as there are headers; a short row would shift later columns under the
 * wrong headings, so that throws.
 * Returns a string without a byte order mark; the HTTP layer decides on encoding and BOM.
 */
export function toCsv(headers: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [headers.map(csvField).join(",")];
  rows.forEach((row, i) => {
    if (row.length !== headers.length) {
      throw new RangeError(`CSV row ${i + 1} has ${row.length} cells, expected ${headers.length}`);
    }
    lines.push(row.map(csvField).join(","));
  });
  return lines.map((line) => line + CSV_LINE_END).join("");
}
