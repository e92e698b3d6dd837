import type { CsatSource } from "@/lib/domain/csat";

export type { CsatSource } from "@/lib/domain/csat";
export { CSAT_SOURCES } from "@/lib/domain/csat";

/** `--source`: a named source, or `auto` to sniff each file. */
export type CsatSourceOption = CsatSource | "auto";

/** One rating, normalised from any source. Times are epoch milliseconds, UTC. */
export type CsatRecord = {
  source: CsatSource;
  sourceRecordId: string;
  /** The agent as the source names them: an id, or a lower-cased email for CSV. */
  agentExternalId: string;
  ratedAt: number;
  satisfied: boolean;
  rawValue: string;
  scale: string;
  channel: string | null;
  comment: string | null;
  ticketRef: string | null;
  /** The source's last-modified time; the rating time when the source has none. */
  updatedAt: number;
};

/** What became of one row or record of an export. */
export type RowOutcome =
  | { kind: "response"; record: CsatRecord }
  | { kind: "not_response" }
  /** `ref` is "line N" for CSV, "record ID" (or "record #N" without an id) for JSON. */
  | { kind: "rejected"; ref: string; reason: string };

export type Rejection = { file: string; ref: string; reason: string };

/** Checked at parse time: the moment "in the future" is measured from. */
export type RowContext = { now: number };

/**
 * A problem with a whole file (not UTF-8, empty, too large, unknown shape): the file is skipped
 * and reported; other files of the same import still go in.
 */
export class CsatFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CsatFileError";
  }
}

export const rejected = (ref: string, reason: string): RowOutcome => ({ kind: "rejected", ref, reason });
export const NOT_A_RESPONSE: RowOutcome = { kind: "not_response" };
