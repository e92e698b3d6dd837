import { isUtf8 } from "node:buffer";
import { CsatFileError } from "./types";

/** A file to import: its text, or a stream of its bytes (a file, an upload, a request body). */
export type CsatInput = { name: string; text: string } | { name: string; stream: AsyncIterable<Uint8Array | string> };

export const MB = 1024 * 1024;
/** Defaults: the CLI reads local exports; uploads and the API hold a request open. */
export const DEFAULT_MAX_BYTES = { cli: 200 * MB, upload: 50 * MB, api: 50 * MB, sync: 50 * MB } as const;

/** `maxBytes` option, else env CSAT_MAX_BYTES, else the default for how the import arrived. */
export function resolveMaxBytes(via: keyof typeof DEFAULT_MAX_BYTES, option?: number): number {
  if (option !== undefined) {
    if (!(option > 0)) throw new RangeError(`maxBytes must be positive, got ${option}`);
    return option;
  }
  const env = process.env.CSAT_MAX_BYTES;
  if (env !== undefined && env.trim() !== "") {
    const fromEnv = Number(env);
    if (!Number.isInteger(fromEnv) || fromEnv <= 0) {
      throw new RangeError(`CSAT_MAX_BYTES must be a whole number of bytes, got '${env}'`);
    }
    return fromEnv;
  }
  return DEFAULT_MAX_BYTES[via];
}

const tooLarge = (maxBytes: number) =>
  new CsatFileError(`is larger than the ${+(maxBytes / MB).toFixed(2)} MB limit (raise it with --max-bytes or CSAT_MAX_BYTES)`);

/** Chunks handed on are at most this big, so the parser never holds many rows at once. */
const SLICE = 256 * 1024;

function* slices(bytes: Buffer): Generator<Buffer> {
  for (let at = 0; at < bytes.length; at += SLICE) yield bytes.subarray(at, at + SLICE);
}

/** The input's bytes, failing as soon as they pass `maxBytes` so an oversized upload is not read to the end. */
export async function* limitedBytes(input: CsatInput, maxBytes: number): AsyncGenerator<Buffer> {
  if ("text" in input) {
    const bytes = Buffer.from(input.text, "utf8");
    if (bytes.length > maxBytes) throw tooLarge(maxBytes);
    yield* slices(bytes);
    return;
  }
  let total = 0;
  const iterator = input.stream[Symbol.asyncIterator]();
  for (;;) {
    let next: IteratorResult<Uint8Array | string>;
    try {
      next = await iterator.next();
    } catch (err) {
      // A missing file, a dropped upload: this input is unreadable, the others may be fine.
      throw new CsatFileError(`could not be read: ${(err as Error).message}`);
    }
    if (next.done) return;
    const chunk = next.value;
    const bytes = typeof chunk === "string" ? Buffer.from(chunk, "utf8") : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    total += bytes.length;
    if (total > maxBytes) {
      await iterator.return?.();
      throw tooLarge(maxBytes);
    }
    yield* slices(bytes);
  }
}

const NOT_UTF8 = "is not UTF-8 text: save it as UTF-8 (in Excel: CSV UTF-8) and import it again";

/**
 * How many bytes at the end of `chunk` start a character that continues in the next chunk
 * (0 when it ends on a character boundary, or when those bytes are invalid anyway).
 */
function incompleteTail(chunk: Buffer): number {
  for (let back = 1; back <= Math.min(3, chunk.length); back++) {
    const byte = chunk[chunk.length - back];
    if ((byte & 0xc0) === 0x80) continue;
    const length = byte >= 0xf0 ? 4 : byte >= 0xe0 ? 3 : byte >= 0xc0 ? 2 : 1;
    return length > back ? back : 0;
  }
  return 0;
}

/**
 * Passes bytes through unchanged while checking they are UTF-8, chunk boundaries included.
 * buffer.isUtf8 validates without decoding, several times faster than a fatal TextDecoder.
 */
export async function* utf8Checked(bytes: AsyncIterable<Buffer>): AsyncGenerator<Buffer> {
  let carry: Buffer | null = null;
  for await (const chunk of bytes) {
    const data: Buffer = carry ? Buffer.concat([carry, chunk]) : chunk;
    const tail = incompleteTail(data);
    if (!isUtf8(data.subarray(0, data.length - tail))) throw new CsatFileError(NOT_UTF8);
    carry = tail > 0 ? Buffer.from(data.subarray(data.length - tail)) : null;
    yield chunk;
  }
  if (carry) throw new CsatFileError(NOT_UTF8);
}

/** All of a (JSON) file as text; such files are API pages, small enough to parse whole. */
export async function readAllText(bytes: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of bytes) chunks.push(chunk);
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(Buffer.concat(chunks));
  } catch {
    throw new CsatFileError(NOT_UTF8);
  }
}

export type Format = "json" | "csv";

const isSpace = (byte: number) => byte === 0x20 || byte === 0x09 || byte === 0x0a || byte === 0x0d;
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Looks at the first meaningful byte (after a byte-order mark and white space) to tell JSON from
 * CSV, then returns the bytes with what it read put back. A file with no such byte is empty.
 */
export async function sniffFormat(bytes: AsyncIterable<Buffer>): Promise<{ format: Format; bytes: AsyncIterable<Buffer> }> {
  const iterator = bytes[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let offset = 0;
  let first: number | undefined;
  while (first === undefined) {
    const next = await iterator.next();
    if (next.done) throw new CsatFileError("is empty");
    head.push(next.value);
    for (const byte of next.value) {
      const inBom = offset < 3 && byte === BOM[offset];
      offset++;
      if (inBom || isSpace(byte)) continue;
      first = byte;
      break;
    }
  }
  async function* replay(): AsyncGenerator<Buffer> {
    try {
      yield* head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
    } finally {
      // Stopped early (a bad header, a file error): let the source close its file or request.
      await iterator.return?.();
    }
  }
  return { format: first === 0x7b || first === 0x5b ? "json" : "csv", bytes: replay() };
}
