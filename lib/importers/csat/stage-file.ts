import { CsvSyntaxError } from "../csv-rows";
import { detectJsonSource, jsonSourceFor, UNKNOWN_JSON_SHAPE } from "./detect";
import { readGenericCsv } from "./generic-csv";
import { limitedBytes, readAllText, sniffFormat, utf8Checked, type CsatInput } from "./input";
import type { StageTable } from "./stage-table";
import { CsatFileError, type CsatSource, type CsatSourceOption, type Rejection, type RowOutcome } from "./types";

/** Rejections kept per import for the report and the stored record; the count stays exact. */
export const REJECTED_DETAIL_LIMIT = 1000;
/** How often (in rows) progress is reported while a file is read. */
const PROGRESS_EVERY = 10_000;

export type StageOptions = {
  source: CsatSourceOption;
  maxBytes: number;
  now: number;
  /** Called with the rows read so far in this file; an exception aborts the import. */
  onProgress?: (rowsRead: number) => void;
};

/** A file read and validated, its responses waiting in a stage table to be written. */
export type StagedFile = {
  ok: true;
  name: string;
  source: CsatSource;
  /** True when `--source auto` chose the source. */
  detected: boolean;
  rowsRead: number;
  notResponses: number;
  rejectedCount: number;
  rejected: Rejection[];
  table: StageTable;
};

export type FailedFile = { ok: false; name: string; source: CsatSource | null; error: string };

/** Counts one file's outcomes and stages its responses. */
class Tally {
  rowsRead = 0;
  notResponses = 0;
  rejectedCount = 0;
  readonly rejected: Rejection[] = [];

  constructor(
    private readonly file: string,
    readonly table: StageTable,
    private readonly onProgress?: (rowsRead: number) => void,
  ) {}

  readonly accept = (outcome: RowOutcome): void => {
    this.rowsRead++;
    if (outcome.kind === "response") {
      this.table.push(outcome.record);
    } else if (outcome.kind === "not_response") {
      this.notResponses++;
    } else {
      this.rejectedCount++;
      if (this.rejected.length < REJECTED_DETAIL_LIMIT) this.rejected.push({ file: this.file, ref: outcome.ref, reason: outcome.reason });
    }
    if (this.onProgress && this.rowsRead % PROGRESS_EVERY === 0) this.onProgress(this.rowsRead);
  };
}

/** Records of a JSON file handed on between two waits for the staging writer. */
const JSON_SLICE = 5000;

/** JSON exports are API pages: parsed whole, then each record normalised by its source. */
async function readJson(text: string, option: CsatSourceOption, tally: Tally, now: number): Promise<CsatSource> {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new CsatFileError(`is not valid JSON: ${(err as Error).message}`);
  }
  const adapter = option === "auto" ? detectJsonSource(doc) : jsonSourceFor(option);
  if (!adapter) throw new CsatFileError(UNKNOWN_JSON_SHAPE);
  const records = adapter.records(doc);
  if (records === null) throw new CsatFileError(`does not look like ${adapter.expected}`);
  const ctx = { now };
  for (let index = 0; index < records.length; index++) {
    if (index % JSON_SLICE === 0) await tally.table.ready();
    tally.accept(adapter.normalize(records[index], index, ctx));
  }
  return adapter.source;
}

/** Passes chunks on once the staging writer has caught up, so rows never pile up in memory. */
async function* paced(bytes: AsyncIterable<Buffer>, table: StageTable): AsyncGenerator<Buffer> {
  for await (const chunk of bytes) {
    await table.ready();
    yield chunk;
  }
}

/**
 * Reads one file into its stage table. Problems with single rows are counted and reported;
 * problems with the whole file come back as a FailedFile (its half-filled table is ignored).
 * Any other exception, including one thrown by `onProgress`, propagates.
 */
export async function stageFile(input: CsatInput, table: StageTable, options: StageOptions): Promise<StagedFile | FailedFile> {
  const tally = new Tally(input.name, table, options.onProgress);
  let source: CsatSource | null = options.source === "auto" ? null : options.source;
  try {
    const { format, bytes } = await sniffFormat(limitedBytes(input, options.maxBytes));
    if (format === "json") {
      if (source === "csv") throw new CsatFileError("is JSON, but --source csv expects the generic CSV");
      source = await readJson(await readAllText(bytes), options.source, tally, options.now);
    } else {
      if (source !== null && source !== "csv") {
        throw new CsatFileError(`is not JSON, but --source ${source} expects a JSON export`);
      }
      source = "csv";
      await readGenericCsv(paced(utf8Checked(bytes), table), { now: options.now }, tally.accept);
    }
    table.finish();
    options.onProgress?.(tally.rowsRead);
    return {
      ok: true,
      name: input.name,
      source,
      detected: options.source === "auto",
      rowsRead: tally.rowsRead,
      notResponses: tally.notResponses,
      rejectedCount: tally.rejectedCount,
      rejected: tally.rejected,
      table,
    };
  } catch (err) {
    if (err instanceof CsatFileError || err instanceof CsvSyntaxError) {
      return { ok: false, name: input.name, source, error: err.message };
    }
    throw err;
  }
}
