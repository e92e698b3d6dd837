import Papa from "papaparse";
import { StringDecoder } from "node:string_decoder";

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

/**
 * Text gathered before the line break is guessed: papaparse guesses it from the first text it
 * sees, and a stream may start with a one-byte chunk.
 */
const GUESS_CHARS = 1 << 16;

/** 1 + the line breaks inside a record's quoted fields: how many physical lines it spans. */
function linesSpanned(fields: string[]): number {
  let lines = 1;
  for (const field of fields) {
    for (let at = field.indexOf("\n"); at !== -1; at = field.indexOf("\n", at + 1)) lines++;
  }
  return lines;
}

const isBlankLine = (fields: string[]): boolean => fields.length === 1 && fields[0].trim() === "";

type ParseError = { code: string; message: string; row: number };
type ParseResult = { data: string[][]; errors: ParseError[]; meta: { cursor: number } };

function syntaxError(err: ParseError, line: number): CsvSyntaxError {
  if (err.code === "MissingQuotes") {
    return new CsvSyntaxError(`the quoted field starting on line ${line} is never closed`, line);
  }
  if (err.code === "InvalidQuotes") {
    // csv-parse (used before) kept such a field verbatim, quotes and all; papaparse cannot, and
    // guessing where the field ends could merge rows, so the file is refused with the line.
    return new CsvSyntaxError(`has text after the closing quote of a field on line ${line}`, line);
  }
  return new CsvSyntaxError(`is not valid CSV near line ${line}: ${err.message}`, line);
}

function tooLong(line: number): CsvSyntaxError {
  return new CsvSyntaxError(
    `the record starting on line ${line} is longer than ${MAX_RECORD_BYTES / (1 << 20)} MB (is a quote left open?)`,
    line,
  );
}

/**
 * Streams CSV bytes through papaparse and calls `onRecord` synchronously with each record's
 * fields and the line it starts on (header = line 1), so a million-row file never sits in memory.
 * Quoted commas and line breaks, a byte-order mark and CRLF are handled; rows of the wrong width
 * are passed through for the caller to reject with their line number. Blank lines are skipped.
 * An exception from `onRecord` stops reading and rejects the promise.
 *
 * papaparse's own Node stream mode reports errors through callbacks and cannot bound a record's
 * size, so text is fed to its parser here, as its streamers do: each call parses the complete
 * records and returns where the unfinished last one starts, which is kept for the next chunk.
 */
export async function forEachCsvRecord(
  bytes: AsyncIterable<Uint8Array> | Iterable<Uint8Array>,
  onRecord: (fields: string[], line: number) => void,
): Promise<void> {
  let nextLine = 1;
  let parser: Papa.Parser | null = null;
  let pending = "";
  let first = true;

  const feed = (text: string, last: boolean): void => {
    if (first) {
      if (text.charCodeAt(0) === 0xfeff) text = oneByte(text.slice(1));
      first = false;
    }
    // Excel and the like write CRLF; the break is guessed once, quote-aware, as Papa.parse does.
    parser ??= new Papa.Parser({ delimiter: ",", newline: guessLineBreak(text), skipEmptyLines: false });
    const result = parser.parse(text, 0, !last) as ParseResult;
    // The first error in a row is the cause: text after a closing quote makes papaparse look
    // further for the "real" one, so the row then also ends with an unclosed quote.
    const errorAt = new Map<number, ParseError>();
    for (const e of result.errors) if (!errorAt.has(e.row)) errorAt.set(e.row, e);
    const { data } = result;
    for (let row = 0; row < data.length; row++) {
      const fields = data[row];
      const line = nextLine;
      const error = errorAt.size === 0 ? undefined : errorAt.get(row);
      if (error) throw syntaxError(error, line);
      nextLine += linesSpanned(fields);
      if (!isBlankLine(fields)) onRecord(fields, line);
    }
    pending = oneByte(text.slice(result.meta.cursor));
    if (pending.length > MAX_RECORD_BYTES) throw tooLong(nextLine);
  };

  const decoder = new StringDecoder("utf8");
  let head = "";
  for await (const chunk of bytes) {
    const text = decoder.write(chunk as Buffer);
    if (parser === null && head.length + text.length < GUESS_CHARS) {
      head += text;
      continue;
    }
    feed(pending + head + text, false);
    head = "";
  }
  feed(pending + head + decoder.end(), true);
}

/**
 * V8 keeps a string holding any character above U+00FF (the byte-order mark, an emoji) as two
 * bytes per character, and so does every string sliced from it or joined to it. The carried-over
 * text would pass that on to every later chunk and field, doubling what is copied to the staging
 * worker; decoding it afresh gives one byte per character again when it fits.
 */
function oneByte(text: string): string {
  return text.length === 0 ? text : Buffer.from(text, "utf8").toString("utf8");
}

/** papaparse's guess (it ignores line breaks inside quotes), taken from a one-row preview. */
function guessLineBreak(text: string): "\n" | "\r" | "\r\n" {
  const guess = Papa.parse<string[]>(text, { delimiter: ",", preview: 1 }).meta.linebreak;
  return guess === "\r\n" || guess === "\r" ? guess : "\n";
}
