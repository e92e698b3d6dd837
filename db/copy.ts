import { getTableName, is } from "drizzle-orm";
import { getTableConfig, SQLiteTable } from "drizzle-orm/sqlite-core";
import type pg from "pg";
import { bulkInsert, bulkUpdate, quoteIdent, type BulkColumn } from "./bulk-insert";
import { databaseLabel, engineOfDb, pgPool, sqliteClient, type Db } from "./client";
import { migrateDatabase } from "./migrate";
import * as liteSchema from "./schema.sqlite";

/**
 * `keeper db copy`: the SQLite database's rows into an empty PostgreSQL database, as they are
 * (docs/decisions/0024-copy-sqlite-to-postgres.md). Pure data movement: the caller opens both
 * databases and prints; this migrates the target, refuses a target that has data, copies every
 * table in foreign-key order in one PostgreSQL transaction, resets the id sequences, and compares
 * row counts before committing.
 */

/** The counter rows the target's own migration seeds; overwritten with the source's values. */
const SEEDED_TABLES = new Set(["data_versions"]);

export interface CopyTable {
  name: string;
  /** Column names (SQL), in the schema's order. */
  columns: string[];
  /** Columns that reference this same table (employees.manager_id): written after every row exists. */
  selfReferences: string[];
  /** The single-column primary key, needed to write the self-references afterwards. */
  key?: string;
}

/** Why a copy did not start; nothing was written to the target. */
export class CopyRefused extends Error {
  name = "CopyRefused";
  constructor(
    readonly reason: "engines" | "target-not-empty" | "source-outdated" | "target-schema",
    message: string,
  ) {
    super(message);
  }
}

export interface CopiedTable {
  table: string;
  source: number;
  target: number;
  ms: number;
}

export interface CopyReport {
  /** Every table's count in the target equals the source's; otherwise nothing was committed. */
  ok: boolean;
  tables: CopiedTable[];
  rows: number;
  ms: number;
}

export interface CopyOptions {
  /** Rows per INSERT statement (default 5,000). */
  chunkSize?: number;
  /** Progress lines (one per table, and every few seconds on a large one). */
  log?: (line: string) => void;
  /** Tests only: called inside the transaction before the counts are compared. */
  beforeVerify?: (client: pg.PoolClient) => Promise<void>;
}

/**
 * Every table of db/schema.sqlite.ts, parents before children (from the schema's foreign keys),
 * with data_versions last so the triggers the other inserts fire cannot move it after its copy.
 */
export function copyPlan(): CopyTable[] {
  const tables = (Object.values(liteSchema) as unknown[]).filter((value): value is SQLiteTable => is(value, SQLiteTable));
  const byName = new Map<string, { plan: CopyTable; parents: Set<string> }>();
  for (const table of tables) {
    const config = getTableConfig(table);
    const parents = new Set<string>();
    const selfReferences: string[] = [];
    for (const fk of config.foreignKeys) {
      const reference = fk.reference();
      const parent = getTableName(reference.foreignTable);
      if (parent === config.name) selfReferences.push(...reference.columns.map((c) => c.name));
      else parents.add(parent);
    }
    const primary = config.columns.filter((c) => c.primary).map((c) => c.name);
    const key = primary.length === 1 ? primary[0] : undefined;
    if (selfReferences.length > 0 && !key) throw new Error(`${config.name} references itself but has no single-column primary key.`);
    byName.set(config.name, { plan: { name: config.name, columns: config.columns.map((c) => c.name), selfReferences, key }, parents });
  }
  const ordered: CopyTable[] = [];
  const state = new Map<string, "visiting" | "done">();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === "done") return;
    if (state.get(name) === "visiting") throw new Error(`Foreign keys form a cycle: ${[...path, name].join(" → ")}.`);
    const entry = byName.get(name);
    if (!entry) throw new Error(`A foreign key references ${name}, which is not in db/schema.sqlite.ts.`);
    state.set(name, "visiting");
    for (const parent of [...entry.parents].sort()) visit(parent, [...path, name]);
    state.set(name, "done");
    ordered.push(entry.plan);
  };
  // Schema order among independent tables, so the progress reads like the schema file.
  for (const name of byName.keys()) if (!SEEDED_TABLES.has(name)) visit(name, []);
  for (const name of SEEDED_TABLES) if (byName.has(name)) visit(name, []);
  return ordered;
}

/** Tables of `plan` that exist in the target and hold rows (the seeded counters do not count). */
async function tablesWithRows(client: pg.Pool | pg.PoolClient, plan: CopyTable[]): Promise<string[]> {
  const names = plan.map((t) => t.name).filter((name) => !SEEDED_TABLES.has(name));
  const existing = (
    await client.query<{ name: string }>("select n as name from unnest($1::text[]) as n where to_regclass(quote_ident(n)) is not null", [
      names,
    ])
  ).rows.map((r) => r.name);
  if (existing.length === 0) return [];
  const probe = existing
    .map((name) => `select ${literal(name)} as name where exists (select 1 from ${quoteIdent(name)})`)
    .join(" union all ");
  return (await client.query<{ name: string }>(probe)).rows.map((r) => r.name);
}

function literal(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The target's column types, by table and column, from the catalog (what its migrations made). */
async function targetTypes(client: pg.PoolClient, plan: CopyTable[]): Promise<Map<string, Map<string, string>>> {
  const result = await client.query<{ table: string; column: string; type: string }>(
    `select c.relname as "table", a.attname as "column", format_type(a.atttypid, a.atttypmod) as "type"
       from pg_attribute a join pg_class c on c.oid = a.attrelid
      where a.attrelid = any (select to_regclass(quote_ident(n)) from unnest($1::text[]) as n)
        and a.attnum > 0 and not a.attisdropped`,
    [plan.map((t) => t.name)],
  );
  const types = new Map<string, Map<string, string>>();
  for (const row of result.rows) {
    if (!types.has(row.table)) types.set(row.table, new Map());
    types.get(row.table)!.set(row.column, row.type);
  }
  return types;
}

/** Missing tables or columns in the SQLite file: it predates the current schema. */
function sourceGaps(sqlite: ReturnType<typeof sqliteClient>, plan: CopyTable[]): string[] {
  const gaps: string[] = [];
  for (const table of plan) {
    const present = new Set(
      (sqlite.prepare(`select name from pragma_table_info(?)`).all(table.name) as { name: string }[]).map((r) => r.name),
    );
    if (present.size === 0) gaps.push(table.name);
    else for (const column of table.columns) if (!present.has(column)) gaps.push(`${table.name}.${column}`);
  }
  return gaps;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/**
 * Copies every row of `source` (SQLite) into `target` (PostgreSQL), which must hold no data.
 * Throws CopyRefused before writing anything when it cannot start; any other error rolls the
 * transaction back, leaving the target migrated and empty. Resolves with ok: false (and nothing
 * committed) when a table's count differs after the copy.
 */
export async function copySqliteToPostgres(source: Db, target: Db, options: CopyOptions = {}): Promise<CopyReport> {
  const log = options.log ?? (() => {});
  if (engineOfDb(source) !== "sqlite") throw new CopyRefused("engines", "The source must be a SQLite database.");
  if (engineOfDb(target) !== "postgres") throw new CopyRefused("engines", "The target must be a PostgreSQL database.");
  const plan = copyPlan();
  const sqlite = sqliteClient(source);
  const pool = pgPool(target);
  const targetLabel = databaseLabel(target);

  const gaps = sourceGaps(sqlite, plan);
  if (gaps.length > 0) {
    throw new CopyRefused(
      "source-outdated",
      `${databaseLabel(source)} is missing ${gaps.slice(0, 5).join(", ")}${gaps.length > 5 ? "…" : ""}: apply its migrations first (npx keeper db migrate with DATABASE_URL set to it).`,
    );
  }
  const refuseIfData = (full: string[]) => {
    if (full.length === 0) return;
    throw new CopyRefused(
      "target-not-empty",
      `${targetLabel} already has data (${full.join(", ")}). The copy only fills an empty database; nothing was written. Copy into a new database (createdb), or drop this one's tables first.`,
    );
  };
  // Before migrating, so a database with data is not even migrated.
  refuseIfData(await tablesWithRows(pool, plan));
  log(`Migrating ${targetLabel}…`);
  await migrateDatabase(target);

  const started = Date.now();
  const client = await pool.connect();
  let sourceOpen = false;
  try {
    await client.query("BEGIN");
    // Nobody else writes these tables until the copy commits or rolls back; readers still can.
    await client.query(`LOCK TABLE ${plan.map((t) => quoteIdent(t.name)).join(", ")} IN EXCLUSIVE MODE`);
    refuseIfData(await tablesWithRows(client, plan));
    const types = await targetTypes(client, plan);
    const missing = plan.flatMap((t) => t.columns.filter((c) => !types.get(t.name)?.has(c)).map((c) => `${t.name}.${c}`));
    if (missing.length > 0) {
      throw new CopyRefused(
        "target-schema",
        `The PostgreSQL schema lacks ${missing.slice(0, 5).join(", ")}: db/migrations-pg is behind db/schema.sqlite.ts.`,
      );
    }

    // One read transaction on the SQLite file: every table and count from the same snapshot,
    // even if a server keeps writing to it (its later writes are not copied: stop it first).
    sqlite.exec("BEGIN");
    sourceOpen = true;
    const counts = new Map<string, number>();
    for (const table of plan) {
      counts.set(table.name, (sqlite.prepare(`select count(*) as n from ${quoteIdent(table.name)}`).get() as { n: number }).n);
    }
    const total = [...counts.values()].reduce((a, b) => a + b, 0);
    log(`Copying ${total.toLocaleString("en")} rows in ${plan.length} tables from ${databaseLabel(source)} to ${targetLabel}…`);

    const copied: CopiedTable[] = [];
    const width = Math.max(...plan.map((t) => t.name.length));
    for (const table of plan) {
      const tableStarted = Date.now();
      const tableTypes = types.get(table.name)!;
      const columns: BulkColumn[] = table.columns.map((name) => ({ name, type: tableTypes.get(name)! }));
      const selfIndexes = table.selfReferences.map((c) => table.columns.indexOf(c));
      const keyIndex = table.key ? table.columns.indexOf(table.key) : -1;
      const later: unknown[][] = [];
      if (SEEDED_TABLES.has(table.name)) await client.query(`DELETE FROM ${quoteIdent(table.name)}`);

      const select = sqlite.prepare(`select ${table.columns.map(quoteIdent).join(", ")} from ${quoteIdent(table.name)}`).raw(true);
      const iterator = select.iterate() as IterableIterator<unknown[]>;
      const rows: Iterable<unknown[]> =
        selfIndexes.length === 0
          ? iterator
          : (function* () {
              for (const row of iterator) {
                const refs = selfIndexes.map((i) => row[i]);
                if (refs.some((v) => v !== null)) later.push([row[keyIndex], ...refs]);
                for (const i of selfIndexes) row[i] = null;
                yield row;
              }
            })();
      const expected = counts.get(table.name)!;
      let lastReport = Date.now();
      await bulkInsert(client, table.name, columns, rows, {
        chunkSize: options.chunkSize,
        overridingSystemValue: true,
        onChunk: (soFar) => {
          if (Date.now() - lastReport < 5_000) return;
          lastReport = Date.now();
          const rate = Math.round(soFar / ((Date.now() - tableStarted) / 1000));
          log(
            `  ${table.name.padEnd(width)}  ${soFar.toLocaleString("en")} / ${expected.toLocaleString("en")} rows (${rate.toLocaleString("en")} rows/s)`,
          );
        },
      });
      if (later.length > 0) {
        const key = columns[keyIndex];
        await bulkUpdate(
          client,
          table.name,
          key,
          selfIndexes.map((i) => columns[i]),
          later,
          { chunkSize: options.chunkSize },
        );
      }
      const ms = Date.now() - tableStarted;
      copied.push({ table: table.name, source: expected, target: -1, ms });
      log(`  ${table.name.padEnd(width)}  ${expected.toLocaleString("en").padStart(11)} rows  ${seconds(ms).padStart(7)}`);
    }
    sqlite.exec("COMMIT");
    sourceOpen = false;

    // Identity columns continue after the copied ids: the next insert without an id gets max + 1.
    const sequences = await client.query<{ table: string; column: string; sequence: string }>(
      `select c.relname as "table", a.attname as "column", pg_get_serial_sequence(quote_ident(c.relname), a.attname) as "sequence"
         from pg_attribute a join pg_class c on c.oid = a.attrelid
        where a.attrelid = any (select to_regclass(quote_ident(n)) from unnest($1::text[]) as n)
          and a.attnum > 0 and not a.attisdropped
          and pg_get_serial_sequence(quote_ident(c.relname), a.attname) is not null`,
      [plan.map((t) => t.name)],
    );
    for (const s of sequences.rows) {
      await client.query(`select setval($1, coalesce((select max(${quoteIdent(s.column)}) from ${quoteIdent(s.table)}), 0) + 1, false)`, [
        s.sequence,
      ]);
    }

    await options.beforeVerify?.(client);
    const targetCounts = await client.query<{ name: string; n: number }>(
      plan.map((t) => `select ${literal(t.name)} as name, count(*)::int as n from ${quoteIdent(t.name)}`).join(" union all "),
    );
    for (const row of targetCounts.rows) copied.find((c) => c.table === row.name)!.target = Number(row.n);
    const ok = copied.every((c) => c.source === c.target);
    await client.query(ok ? "COMMIT" : "ROLLBACK");
    // Fresh tables have no planner statistics until autovacuum comes round; the first pages
    // served from the copy would otherwise be planned blind.
    if (ok) await client.query("ANALYZE");
    const rows = copied.reduce((sum, c) => sum + c.source, 0);
    return { ok, tables: copied, rows, ms: Date.now() - started };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    if (sourceOpen && sqlite.inTransaction) sqlite.exec("ROLLBACK");
    client.release();
  }
}

/** The verification table: one line per table, source and target counts side by side. */
export function formatCounts(report: CopyReport): string {
  const width = Math.max(5, ...report.tables.map((t) => t.table.length));
  const head = `${"table".padEnd(width)}  ${"sqlite".padStart(11)}  ${"postgres".padStart(11)}`;
  const lines = report.tables.map(
    (t) =>
      `${t.table.padEnd(width)}  ${t.source.toLocaleString("en").padStart(11)}  ${t.target.toLocaleString("en").padStart(11)}${t.source === t.target ? "" : "  MISMATCH"}`,
  );
  return [head, ...lines].join("\n");
}
