import { describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { getTableColumns, getTableName, is, SQL, type Column, type Table } from "drizzle-orm";
import { getTableConfig as pgConfig, PgDialect, PgTable } from "drizzle-orm/pg-core";
import { getTableConfig as sqliteConfig, SQLiteSyncDialect, SQLiteTable } from "drizzle-orm/sqlite-core";
import * as pgSchema from "@/db/schema.pg";
import * as sqliteSchema from "@/db/schema.sqlite";

// db/schema.sqlite.ts is the source of truth; db/schema.pg.ts must declare the same tables, columns,
// keys and indexes in PostgreSQL's types (docs/decisions/0022, 0023). The data-access layer is typed
// by the SQLite tables and runs on the PostgreSQL ones, so any drift here is a runtime bug there.

const sqliteTables = Object.fromEntries(Object.entries(sqliteSchema).filter(([, v]) => is(v, SQLiteTable))) as Record<string, SQLiteTable>;
const pgTables = Object.fromEntries(Object.entries(pgSchema).filter(([, v]) => is(v, PgTable))) as Record<string, PgTable>;

const sqliteDialect = new SQLiteSyncDialect();
const pgDialect = new PgDialect();

/** An index's or default's SQL, rendered by its own dialect, in a form both dialects share. */
function render(value: SQL, dialect: SQLiteSyncDialect | PgDialect): string {
  const query = dialect.sqlToQuery(value);
  return query.sql.replace(/[`"]/g, "").replace(/\s+/g, " ").trim().toLowerCase();
}

/** A default as a comparable value: flags are 0/1 on both engines, whatever the declaration says. */
function defaultOf(column: Column, dialect: SQLiteSyncDialect | PgDialect): unknown {
  const value = column.default;
  if (value === undefined) return undefined;
  if (is(value, SQL)) {
    const text = render(value, dialect);
    return /^-?\d+$/.test(text) ? Number(text) : text;
  }
  if (typeof value === "boolean") return value ? 1 : 0;
  return value;
}

function columnName(column: unknown): string {
  if (column && typeof column === "object" && "name" in column && typeof column.name === "string") return column.name;
  throw new Error(`an index column is an expression, which this test does not compare: ${String(column)}`);
}

/** What both dialects' getTableConfig return, as far as this comparison reads it. */
interface TableShape {
  name: string;
  columns: Column[];
  primaryKeys: { columns: Column[] }[];
  uniqueConstraints: { columns: Column[] }[];
  indexes: { config: { name: string; columns: unknown[]; unique: boolean; where?: SQL } }[];
  foreignKeys: {
    onDelete?: string;
    onUpdate?: string;
    reference(): { columns: Column[]; foreignTable: Table; foreignColumns: Column[] };
  }[];
}

function describeTable(table: Table, config: TableShape, dialect: SQLiteSyncDialect | PgDialect) {
  return {
    name: config.name,
    fields: Object.fromEntries(Object.entries(getTableColumns(table)).map(([field, c]) => [field, c.name])),
    columns: Object.fromEntries(
      config.columns.map((c) => [
        c.name,
        { notNull: c.notNull, primary: c.primary, unique: c.isUnique, default: defaultOf(c, dialect), enum: c.enumValues ?? [] },
      ]),
    ),
    primaryKeys: config.primaryKeys.map((pk) => pk.columns.map((c) => c.name)),
    uniqueConstraints: config.uniqueConstraints.map((u) => u.columns.map((c) => c.name)),
    indexes: Object.fromEntries(
      config.indexes.map((i) => [
        i.config.name,
        {
          columns: i.config.columns.map(columnName),
          unique: i.config.unique,
          where: i.config.where ? render(i.config.where, dialect) : null,
        },
      ]),
    ),
    foreignKeys: config.foreignKeys
      .map((fk) => {
        const ref = fk.reference();
        const target = `${getTableName(ref.foreignTable)}.${ref.foreignColumns.map((c) => c.name).join(",")}`;
        return `${ref.columns.map((c) => c.name).join(",")} -> ${target} on delete ${fk.onDelete ?? "no action"} on update ${fk.onUpdate ?? "no action"}`;
      })
      .sort(),
  };
}

const describeSqlite = (table: SQLiteTable) => describeTable(table, sqliteConfig(table) as unknown as TableShape, sqliteDialect);
const describePg = (table: PgTable) => describeTable(table, pgConfig(table) as unknown as TableShape, pgDialect);

/** Integers that hold epoch milliseconds, which overflow PostgreSQL's 32-bit integer: bigint there. */
const EPOCH_MS = /(^at$|_at$|_since$|_until$)/;

/** The PostgreSQL type each SQLite column must have (docs/decisions/0023-postgres-schema-types.md). */
function expectedPgType(column: Column): string {
  switch (column.columnType) {
    case "SQLiteInteger":
      return EPOCH_MS.test(column.name) ? "bigint" : "integer";
    case "SQLiteBoolean":
      return "integer"; // flag(): 0/1, as on SQLite
    case "SQLiteText":
      return "text";
    case "SQLiteTextJson":
      return "jsonb";
    case "SQLiteReal":
      return "double precision";
    default:
      throw new Error(`${column.name}: no PostgreSQL mapping decided for ${column.columnType}; add one here and in docs/decisions/0023`);
  }
}

describe("the PostgreSQL schema mirrors the SQLite schema", () => {
  it("exports the same tables under the same names", () => {
    expect(Object.keys(sqliteTables).length).toBeGreaterThan(20);
    expect(Object.keys(pgTables).sort()).toEqual(Object.keys(sqliteTables).sort());
    // Nothing else either: db/schema.ts re-exports by name, and drizzle's schema option takes the module.
    expect(Object.keys(pgSchema).sort()).toEqual(Object.keys(sqliteSchema).sort());
  });

  for (const [exportName, sqliteTable] of Object.entries(sqliteTables)) {
    describe(exportName, () => {
      const pgTable = pgTables[exportName];
      const lite = describeSqlite(sqliteTable);
      const pg = pgTable ? describePg(pgTable) : undefined;

      it("has the same SQL name, TypeScript fields and columns", () => {
        expect(pg?.name).toBe(lite.name);
        expect(pg?.fields).toEqual(lite.fields);
        expect(pg?.columns).toEqual(lite.columns);
      });

      it("has the same primary keys, unique constraints and indexes", () => {
        expect(pg?.primaryKeys).toEqual(lite.primaryKeys);
        expect(pg?.uniqueConstraints).toEqual(lite.uniqueConstraints);
        expect(pg?.indexes).toEqual(lite.indexes);
      });

      it("has the same foreign keys", () => {
        expect(pg?.foreignKeys).toEqual(lite.foreignKeys);
      });

      it("maps each column to its PostgreSQL type; ids are identity BY DEFAULT", () => {
        const pgColumns = pgTable ? getTableColumns(pgTable) : {};
        for (const [field, column] of Object.entries(getTableColumns(sqliteTable))) {
          const pgColumn = pgColumns[field];
          expect(pgColumn?.getSQLType(), `${lite.name}.${column.name}`).toBe(expectedPgType(column));
          const autoIncrement = (column as Column & { autoIncrement?: boolean }).autoIncrement === true;
          expect(pgColumn?.generatedIdentity?.type, `${lite.name}.${column.name} identity`).toBe(autoIncrement ? "byDefault" : undefined);
        }
      });
    });
  }
});

/** CREATE TRIGGER names across a migrations folder. */
function triggersIn(folder: string): Set<string> {
  const names = new Set<string>();
  for (const file of readdirSync(folder).filter((f) => f.endsWith(".sql"))) {
    for (const match of readFileSync(join(folder, file), "utf8").matchAll(/CREATE\s+TRIGGER\s+[`"]?(\w+)/gi)) names.add(match[1]);
  }
  return names;
}

describe("the PostgreSQL migrations mirror the SQLite triggers", () => {
  it("have a trigger of the same name for every SQLite trigger (data_versions bumps)", () => {
    const sqlite = triggersIn("db/migrations");
    const pg = triggersIn("db/migrations-pg");
    expect(sqlite.size).toBeGreaterThan(20);
    expect([...sqlite].filter((name) => !pg.has(name))).toEqual([]);
  });
});
