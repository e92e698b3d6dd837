/**
 * Many rows into one PostgreSQL table, quickly, with nothing but node-postgres
 * (docs/decisions/0024-copy-sqlite-to-postgres.md).
 *
 * Each chunk is one statement with one parameter per column, whatever the number of rows:
 *
 *   INSERT INTO "t" ("a", "b") SELECT * FROM unnest($1::bigint[], $2::jsonb[])
 *
 * so there is no 65,535-parameter limit to dodge and the server plans one statement per chunk.
 * Values go as PostgreSQL array literals; the casts parse them (text into jsonb, "1" into bigint).
 *
 * Pass a client inside a transaction for all-or-nothing; given a Pool, each chunk commits alone.
 * Used by `keeper db copy`; seeds and the CSAT importer can use it on PostgreSQL too.
 */

/** Anything that runs a parameterised query: a pg.Pool, a pg.PoolClient or a pg.Client. */
export interface Queryable {
  query(text: string, values?: unknown[]): Promise<{ rowCount: number | null; rows: unknown[] }>;
}

export interface BulkColumn {
  /** The column's name in the table (not the TypeScript property). */
  name: string;
  /** Its PostgreSQL type as written in SQL: "bigint", "integer", "text", "jsonb", "boolean"… */
  type: string;
}

export interface BulkInsertOptions {
  /** Rows per statement; default 5,000. */
  chunkSize?: number;
  /**
   * Adds OVERRIDING SYSTEM VALUE, so explicit ids go into GENERATED ALWAYS identity columns too
   * (a copy keeps the source's ids). Harmless for BY DEFAULT columns. Reset the sequence after.
   */
  overridingSystemValue?: boolean;
  /** Appended to each statement, e.g. `ON CONFLICT ("source", "source_record_id") DO NOTHING`. */
  suffix?: string;
  /** Called after each chunk with the rows written so far (progress output). */
  onChunk?: (rowsSoFar: number) => void;
}

export const DEFAULT_CHUNK_SIZE = 5_000;

/** A double-quoted identifier; `schema.table` is quoted per part. */
export function quoteIdent(name: string): string {
  return name
    .split(".")
    .map((part) => `"${part.replace(/"/g, '""')}"`)
    .join(".");
}

/** PostgreSQL array types are written `type[]`; a type with its own `[]` is refused. */
function arrayType(type: string): string {
  if (!/^[a-z_][a-z0-9_ ]*(\(\d+(,\s*\d+)?\))?$/i.test(type.trim())) {
    throw new Error(`bulkInsert: unsupported column type "${type}" (give a scalar type such as bigint, text or jsonb).`);
  }
  return `${type.trim()}[]`;
}

/** The statement for one chunk; exported for tests and for callers that run it themselves. */
export function bulkInsertSql(
  table: string,
  columns: readonly BulkColumn[],
  options: Pick<BulkInsertOptions, "overridingSystemValue" | "suffix"> = {},
): string {
  if (columns.length === 0) throw new Error("bulkInsert: no columns.");
  const names = columns.map((c) => quoteIdent(c.name)).join(", ");
  const arrays = columns.map((c, i) => `$${i + 1}::${arrayType(c.type)}`).join(", ");
  const overriding = options.overridingSystemValue ? " OVERRIDING SYSTEM VALUE" : "";
  const suffix = options.suffix ? ` ${options.suffix}` : "";
  return `INSERT INTO ${quoteIdent(table)} (${names})${overriding} SELECT * FROM unnest(${arrays})${suffix}`;
}

/**
 * One value as node-postgres should put it in an array literal. `undefined` is NULL; booleans
 * become 0/1 for integer columns (SQLite flags); objects become JSON text for json/jsonb columns.
 */
function toParam(value: unknown, type: string): unknown {
  if (value === undefined || value === null) return null;
  if (typeof value === "boolean") return /^bool/i.test(type) ? value : value ? 1 : 0;
  if (/^bool/i.test(type) && typeof value === "number") return value !== 0;
  if (typeof value === "object" && !(value instanceof Date) && !Buffer.isBuffer(value) && /^json/i.test(type)) return JSON.stringify(value);
  return value;
}

/** Column-major parameters for one chunk of row-major rows. */
function columnsOf(rows: readonly (readonly unknown[])[], columns: readonly BulkColumn[]): unknown[][] {
  const params = columns.map(() => new Array<unknown>(rows.length));
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row.length !== columns.length) throw new Error(`bulkInsert: row ${r} has ${row.length} values for ${columns.length} columns.`);
    for (let c = 0; c < columns.length; c++) params[c][r] = toParam(row[c], columns[c].type);
  }
  return params;
}

/** Inserts one chunk (any size the caller chose); resolves to the rows inserted. */
export async function insertChunk(
  client: Queryable,
  table: string,
  columns: readonly BulkColumn[],
  rows: readonly (readonly unknown[])[],
  options: Pick<BulkInsertOptions, "overridingSystemValue" | "suffix"> = {},
): Promise<number> {
  if (rows.length === 0) return 0;
  const result = await client.query(bulkInsertSql(table, columns, options), columnsOf(rows, columns));
  return result.rowCount ?? 0;
}

/**
 * Inserts every row (each an array in `columns` order) in chunks, and resolves to the number of
 * rows inserted (fewer than given when a `suffix` such as ON CONFLICT DO NOTHING skips some).
 * Accepts an array, a generator or an async iterable, so a caller can stream millions of rows.
 * While the server writes one chunk, the next is read and encoded.
 */
export async function bulkInsert(
  client: Queryable,
  table: string,
  columns: readonly BulkColumn[],
  rows: Iterable<readonly unknown[]> | AsyncIterable<readonly unknown[]>,
  options: BulkInsertOptions = {},
): Promise<number> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  if (!Number.isInteger(chunkSize) || chunkSize < 1)
    throw new Error(`bulkInsert: chunkSize must be a positive integer (got ${chunkSize}).`);
  const text = bulkInsertSql(table, columns, options);
  let inserted = 0;
  let pending: Promise<unknown> | undefined;
  let failure: unknown;
  const send = (chunk: (readonly unknown[])[]) => {
    const params = columnsOf(chunk, columns);
    // Sent now; awaited before the next one is sent, so at most one chunk is in flight.
    pending = client.query(text, params).then(
      (result) => {
        inserted += result.rowCount ?? 0;
        options.onChunk?.(inserted);
      },
      (error: unknown) => {
        failure = error;
      },
    );
  };
  for await (const chunk of chunksOf(rows, chunkSize)) {
    await pending;
    if (failure) throw failure;
    send(chunk);
  }
  await pending;
  if (failure) throw failure;
  return inserted;
}

/** Rows grouped into arrays of `size`; a synchronous source is read without a promise per row. */
async function* chunksOf<T>(rows: Iterable<T> | AsyncIterable<T>, size: number): AsyncGenerator<T[]> {
  if (Symbol.iterator in rows) {
    const iterator = rows[Symbol.iterator]();
    try {
      for (;;) {
        const chunk: T[] = [];
        let next: IteratorResult<T> | undefined;
        while (chunk.length < size && !(next = iterator.next()).done) chunk.push(next.value);
        if (chunk.length > 0) yield chunk;
        if (chunk.length < size) return;
      }
    } finally {
      // Closes a database cursor (better-sqlite3's iterate) when the caller stops early.
      iterator.return?.();
    }
  }
  let chunk: T[] = [];
  for await (const row of rows) {
    chunk.push(row);
    if (chunk.length >= size) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Sets `columns` of existing rows, matched on `key`, in chunks: each row is [key, ...values].
 * `keeper db copy` uses it for self-references (employees.manager_id), written after every row
 * exists.
 */
export async function bulkUpdate(
  client: Queryable,
  table: string,
  key: BulkColumn,
  columns: readonly BulkColumn[],
  rows: Iterable<readonly unknown[]>,
  options: Pick<BulkInsertOptions, "chunkSize"> = {},
): Promise<number> {
  const chunkSize = options.chunkSize ?? DEFAULT_CHUNK_SIZE;
  const all = [key, ...columns];
  const names = all.map((c) => quoteIdent(c.name)).join(", ");
  const arrays = all.map((c, i) => `$${i + 1}::${arrayType(c.type)}`).join(", ");
  const sets = columns.map((c) => `${quoteIdent(c.name)} = v.${quoteIdent(c.name)}`).join(", ");
  const text =
    `UPDATE ${quoteIdent(table)} AS t SET ${sets} FROM unnest(${arrays}) AS v(${names}) ` +
    `WHERE t.${quoteIdent(key.name)} = v.${quoteIdent(key.name)}`;
  let updated = 0;
  let chunk: (readonly unknown[])[] = [];
  const flush = async () => {
    if (chunk.length === 0) return;
    updated += (await client.query(text, columnsOf(chunk, all))).rowCount ?? 0;
    chunk = [];
  };
  for (const row of rows) {
    chunk.push(row);
    if (chunk.length >= chunkSize) await flush();
  }
  await flush();
  return updated;
}
