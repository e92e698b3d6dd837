import type { CsatSource, RowContext, RowOutcome } from "./types";

/** One helpdesk's JSON export: where its ratings sit in a page, and how to read one. */
export interface JsonSource {
  source: CsatSource;
  /** Human name of the expected shape, for "this file is not a … page" errors. */
  expected: string;
  /** The rating records in a page of this source's export; null when the page has another shape. */
  records(doc: unknown): unknown[] | null;
  /** Whether records in this container look like this source's (tells bare arrays apart). */
  claims(records: unknown[]): boolean;
  normalize(record: unknown, index: number, ctx: RowContext): RowOutcome;
}

/** The first object among the records: what auto-detection looks at. */
export function firstObject(records: unknown[]): Record<string, unknown> | null {
  for (const r of records) if (typeof r === "object" && r !== null && !Array.isArray(r)) return r as Record<string, unknown>;
  return null;
}
