import { sql } from "drizzle-orm";
import { customType } from "drizzle-orm/pg-core";

/**
 * A yes/no flag stored as a 0/1 INTEGER, exactly as SQLite stores `integer(..., { mode: "boolean" })`
 * (docs/decisions/0023-postgres-schema-types.md). Drizzle reads and writes `boolean`; hand-written
 * SQL shared by both engines (`active = 1`, `sum(satisfied)`) sees integers on both and runs
 * unchanged. (A bare `WHERE active` would not: PostgreSQL wants a boolean there; write `active = 1`.)
 */
export const flag = customType<{ data: boolean; driverData: number }>({
  dataType() {
    return "integer";
  },
  toDriver(value: boolean): number {
    return value ? 1 : 0;
  },
  fromDriver(value: number | string | boolean): boolean {
    return Number(value) !== 0;
  },
});

/**
 * Defaults for `flag` columns. Written as SQL so drizzle-kit emits `DEFAULT 1` / `DEFAULT 0`: a
 * plain `.default(true)` would be rendered as `DEFAULT true`, which PostgreSQL refuses on an integer.
 */
export const TRUE = sql`1`;
export const FALSE = sql`0`;
