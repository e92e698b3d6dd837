import { CsvError, parse, type Options } from "csv-parse";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";

/** A record longer than this is almost always an unclosed quote swallowing the rest of the file. */
export const MAX_RECORD_BYTES = 1 << 20;

/** The CSV itself is malformed (not a row's values): names the line the bad record starts on. */
export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(message);
    this.name = "CsvSyntaxError";
  }
}

const OPTIONS: Options = {
  bom: true,
  relax_column_count: true,
  // A stray quote inside an unquoted value is kept as text instead of failing the whole file.
  relax_quotes: true,
  max_record_size: MAX_RECORD_BYTES,
  skip_empty_lines: false,
};

/** 1 + the line breaks inside a record's quoted fields: how many physical lines it spans. */
function linesSpanned(fields: string[]): number {
  let lines = 1;
  for (const field of fields) {
    for (let at = field.indexOf("\n"); at !== -1; at = field.indexOf("\n", at + 1)) lines++;
  }
  return lines;
}

const isBlankLine = (fields: string[]): boolean => fields.length === 1 && fields[0].trim() === "";

function syntaxError(err: CsvError, line: number): CsvSyntaxError {
  switch (err.code) {
    case "CSV_QUOTE_NOT_CLOSED":
      return new CsvSyntaxError(`the quoted field starting on line ${line} is never closed`, line);
    case "CSV_MAX_RECORD_SIZE":
      return new CsvSyntaxError(
        `the record starting on line ${line} is longer than ${MAX_RECORD_BYTES / (1 << 20)} MB (is a quote left open?)`,
        line,
      );
    default:
      return new CsvSyntaxError(`is not valid CSV near line ${line}: ${err.message}`, line);
  }
}

/**
 * Streams CSV bytes through csv-parse and calls `onRecord` synchronously with each record's
 * fields and the line it starts on (header = line 1), so a million-row file never sits in memory.
 * Quoted commas and line breaks, a byte-order mark and CRLF are handled by csv-parse; rows of the
 * wrong width are passed through for the caller to reject with their line number. Blank lines are
 * skipped. An exception from `onRecord` stops the stream and rejects the promise.
 */
export async function forEachCsvRecord(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onRecord: (fields: string[], line: number) => void,
): Promise<void> {
  let nextLine = 1;
  const parser = parse(OPTIONS);
  const sink = new Writable({
    objectMode: true,
    highWaterMark: 1024,
    write(fields: string[], _encoding, done) {
      const line = nextLine;
      nextLine += linesSpanned(fields);
      if (isBlankLine(fields)) return done();
      try {
        onRecord(fields, line);
        done();
      } catch (err) {
        done(err as Error);
      }
    },
  });
  try {
    await pipeline(bytes, parser, sink);
  } catch (err) {
    throw err instanceof CsvError ? syntaxError(err, nextLine) : err;
  }
}

