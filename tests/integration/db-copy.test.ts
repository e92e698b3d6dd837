import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { closeDatabase, openDatabase, sqliteClient, type Db } from "@/db/client";
import { copyPlan, copySqliteToPostgres, CopyRefused } from "@/db/copy";
import { engineOf } from "@/db/engine";
import { migrateDatabase } from "@/db/migrate";
import { run as copyCli } from "@/lib/cli/db-copy";
import { databaseUrlFor } from "../helpers/pg-names";

/**
 * `keeper db copy` (db/copy.ts, docs/decisions/0024): a SQLite file into an empty PostgreSQL
 * database. Needs a PostgreSQL server: KEEPER_TEST_PG_URL, or the DATABASE_URL of `npm run test:pg`;
 * each test makes its own empty database there (CREATE DATABASE) and drops it after.
 */
const PG_URL =
  process.env.KEEPER_TEST_PG_URL || (engineOf(process.env.DATABASE_URL ?? "") === "postgres" ? process.env.DATABASE_URL : undefined);
const SKIP_REASON = "needs PostgreSQL: runs in `npm run test:pg`, or set KEEPER_TEST_PG_URL=postgres://… for `npm test`";

const T0 = 1_790_000_000_123; // an epoch-ms time past 2^31, so a 32-bit column would not hold it

/** A migrated SQLite file with rows in the tables the checks read, and enough CSAT for several chunks. */
async function sourceDb(dir: string, csatRows: number): Promise<Db> {
  const db = openDatabase(join(dir, "source.db"));
  await migrateDatabase(db);
  const s = sqliteClient(db);
  s.exec(`
    insert into teams (id, name) values (1, 'Portland'), (2, 'Denver');
    -- Ava (id 1) reports to Mia (id 3): the manager's id is higher than the report's.
    insert into employees (id, email, name, team_id, manager_id, role, active, created_at, updated_at) values
      (3, 'mia@x.test', 'Mia', 1, null, 'manager', 1, ${T0}, ${T0}),
      (1, 'ava@x.test', 'Ava', 1, 3, 'agent', 1, ${T0}, ${T0 + 1}),
      (2, 'liam@x.test', 'Liam', 2, 3, 'agent', 0, ${T0}, ${T0}),
      (7, 'o''brien@x.test', 'Ó Briain "quoted", \\ back', 2, 1, 'agent', 1, ${T0}, ${T0});
    insert into identities (source, external_id, employee_id) values ('zendesk', 'z-1', 1), ('zendesk', 'z-2', 2);
    insert into trait_template (key, label, description, levels, position, retired)
      values ('empathy', 'Empathy', 'Reads the customer', '["one","two","three","four","five"]', 1, 0);
    insert into cycles (id, key, state, share_keeper, created_at, updated_at) values (5, '2026-Q4', 'open', 0, ${T0}, ${T0});
    insert into cycle_traits (cycle_id, key, label, description, levels, position)
      values (5, 'empathy', 'Empathy', 'Reads the customer', '["a","b","c","d","e"]', 1);
    insert into reviews (id, cycle_id, employee_id, reviewer_id, status, keeper_answer, submitted_at, created_at, updated_at)
      values (10, 5, 1, 3, 'submitted', 'keep', ${T0 + 5}, ${T0}, ${T0});
    insert into review_ratings (review_id, cycle_trait_id, rating, not_observed) values (10, 1, 4, 0);
    insert into audit_log (at, actor_id, action, detail) values (${T0}, 3, 'review.submit', '{"review":10,"nested":{"ok":true}}');
    insert into settings (key, value) values ('demo', 'yes');
    insert into csat_imports (id, created_at, via, file_name, source, report) values (1, ${T0}, 'cli', 'a.csv', 'csv', null);
    insert into csat_rollups (employee_id, quarter, responses, satisfied) values (1, '2026-Q4', 3, 2);
  `);
  const insert = s.prepare(
    `insert into csat_responses (source, source_record_id, agent_external_id, employee_id, rated_at, quarter, satisfied, raw_value, scale, comment, updated_at, import_id)
     values ('csv', ?, 'z-1', ?, ?, '2026-Q4', ?, '5', '1-5', ?, ?, 1)`,
  );
  s.transaction(() => {
    for (let i = 1; i <= csatRows; i++)
      insert.run(`r${i}`, i % 3 === 0 ? null : 1, T0 + i, i % 2, i % 100 === 0 ? `comment ${i}, with "quotes" and {braces}` : null, T0 + i);
  })();
  s.exec(`update data_versions set version = 42 where topic = 'talent'`);
  return db;
}

describe.skipIf(!PG_URL)(`keeper db copy (${PG_URL ? "PostgreSQL" : SKIP_REASON})`, () => {
  let dir: string;
  let targetUrl: string;
  let name: string;
  let source: Db;
  let target: Db;
  let sql: pg.Client;
  let counter = 0;

  async function admin(statement: string): Promise<void> {
    const client = new pg.Client({ connectionString: PG_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  }

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), "keeper-copy-"));
    name = `keeper_copy_${process.pid}_${++counter}`;
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin(`CREATE DATABASE ${name}`);
    targetUrl = databaseUrlFor(PG_URL!, name);
    target = openDatabase(targetUrl);
    sql = new pg.Client({ connectionString: targetUrl });
    await sql.connect();
  });

  afterEach(async () => {
    await sql.end();
    await closeDatabase(target);
    if (source) await closeDatabase(source);
    rmSync(dir, { recursive: true, force: true });
    await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });

  const count = async (table: string) => Number((await sql.query(`select count(*) as n from ${table}`)).rows[0].n);

  it("copies every table with its values, continues the ids, and refuses a second copy", async () => {
    source = await sourceDb(dir, 12_345);
    const lines: string[] = [];
    const report = await copySqliteToPostgres(source, target, { chunkSize: 5_000, log: (line) => lines.push(line) });

    expect(report.ok).toBe(true);
    expect(report.tables.map((t) => t.table).sort()).toEqual(
      copyPlan()
        .map((t) => t.name)
        .sort(),
    );
    for (const t of report.tables) expect(t.target, t.table).toBe(t.source);
    expect(report.tables.find((t) => t.table === "csat_responses")).toMatchObject({ source: 12_345, target: 12_345 });
    expect(await count("csat_responses")).toBe(12_345);
    expect(lines.some((l) => /csat_responses\s+12,345 rows/.test(l))).toBe(true);

    // Self-reference written after every row existed; flags stay 0/1; times are bigint ms.
    const people = (await sql.query(`select id, manager_id, active, created_at, updated_at, name from employees order by id`)).rows;
    expect(people).toEqual([
      { id: 1, manager_id: 3, active: 1, created_at: T0, updated_at: T0 + 1, name: "Ava" },
      { id: 2, manager_id: 3, active: 0, created_at: T0, updated_at: T0, name: "Liam" },
      { id: 3, manager_id: null, active: 1, created_at: T0, updated_at: T0, name: "Mia" },
      { id: 7, manager_id: 1, active: 1, created_at: T0, updated_at: T0, name: 'Ó Briain "quoted", \\ back' },
    ]);
    expect((await sql.query(`select pg_typeof(created_at)::text as t from employees limit 1`)).rows[0].t).toBe("bigint");
    expect((await sql.query(`select share_keeper from cycles where id = 5`)).rows[0].share_keeper).toBe(0);

    // JSON text became jsonb, queryable as such; SQL NULL stayed NULL.
    expect((await sql.query(`select levels from trait_template`)).rows[0].levels).toEqual(["one", "two", "three", "four", "five"]);
    expect((await sql.query(`select detail->'nested'->>'ok' as ok, jsonb_typeof(detail) as t from audit_log`)).rows[0]).toEqual({
      ok: "true",
      t: "object",
    });
    expect((await sql.query(`select report from csat_imports`)).rows[0].report).toBeNull();

    // CSAT rows across chunk boundaries, nulls and text with quotes intact.
    const r = (
      await sql.query(
        `select employee_id, satisfied, rated_at, comment from csat_responses where source_record_id in ('r5000', 'r5001', 'r12300') order by id`,
      )
    ).rows;
    expect(r).toEqual([
      { employee_id: 1, satisfied: 0, rated_at: T0 + 5000, comment: 'comment 5000, with "quotes" and {braces}' },
      { employee_id: null, satisfied: 1, rated_at: T0 + 5001, comment: null },
      { employee_id: null, satisfied: 0, rated_at: T0 + 12300, comment: 'comment 12300, with "quotes" and {braces}' },
    ]);

    // The counter is the source's, not the target's seed plus whatever its triggers did.
    expect((await sql.query(`select version from data_versions where topic = 'talent'`)).rows).toEqual([{ version: 42 }]);
    // drizzle's ledger is the target's own (written by its migrate), not copied.
    expect(await count("drizzle.__drizzle_migrations")).toBeGreaterThan(0);

    // Sequences continue after the copied ids.
    const next = await sql.query(
      `insert into employees (email, name, created_at, updated_at) values ('new@x.test', 'New', 1, 1) returning id`,
    );
    expect(next.rows[0].id).toBe(8);
    const nextCsat = await sql.query(
      `insert into csat_responses (source, source_record_id, agent_external_id, rated_at, quarter, satisfied, raw_value, scale, updated_at)
       values ('csv', 'new', 'z', 1, '2026-Q4', 1, '5', '1-5', 1) returning id`,
    );
    expect(nextCsat.rows[0].id).toBe(12_346);
    expect((await sql.query(`insert into teams (name) values ('Austin') returning id`)).rows[0].id).toBe(3);
    expect((await sql.query(`insert into sign_in_attempts (key, at, ok) values ('k', 1, 1) returning id`)).rows[0].id).toBe(1);

    // A second copy into the now non-empty target is refused, and writes nothing.
    sqliteClient(source).exec(`insert into teams (name) values ('Not copied')`);
    const before = await count("teams");
    const second = copySqliteToPostgres(source, target);
    await expect(second).rejects.toThrow(CopyRefused);
    await expect(second).rejects.toThrow(/already has data \(teams, employees.*nothing was written/);
    expect(await count("teams")).toBe(before);
    expect(await count("csat_responses")).toBe(12_346);
  });

  it("commits nothing when a count differs after the copy, or when a row fails", async () => {
    source = await sourceDb(dir, 100);
    const mismatch = await copySqliteToPostgres(source, target, {
      beforeVerify: async (client) => {
        await client.query(`delete from csat_responses where source_record_id = 'r7'`);
      },
    });
    expect(mismatch.ok).toBe(false);
    expect(mismatch.tables.find((t) => t.table === "csat_responses")).toMatchObject({ source: 100, target: 99 });
    expect(await count("employees")).toBe(0);
    expect(await count("csat_responses")).toBe(0);
    expect((await sql.query(`select version from data_versions`)).rows).toEqual([{ version: 0 }]);

    // PostgreSQL text cannot hold NUL; SQLite can. The failure rolls the whole copy back.
    sqliteClient(source).exec(`update csat_responses set comment = 'bad' || char(0) || 'byte' where source_record_id = 'r60'`);
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(/0x00/);
    expect(await count("teams")).toBe(0);
    expect(await count("csat_responses")).toBe(0);

    // The target is still empty, so a corrected source copies.
    sqliteClient(source).exec(`update csat_responses set comment = null where source_record_id = 'r60'`);
    expect((await copySqliteToPostgres(source, target)).ok).toBe(true);
    expect(await count("csat_responses")).toBe(100);
  });

  it("keeper db copy --to: prints the counts and never the password", async () => {
    source = await sourceDb(dir, 10);
    await closeDatabase(source);
    source = undefined as unknown as Db;
    const withPassword = new URL(targetUrl);
    withPassword.password = "s3cret-pw";
    const out: string[] = [];
    vi.spyOn(console, "log").mockImplementation((...a: unknown[]) => void out.push(a.join(" ")));
    vi.stubEnv("DATABASE_URL", `file:${join(dir, "source.db")}`);
    try {
      // trust authentication (the test cluster) ignores the password; it must not be echoed anyway.
      expect(await copyCli(["--to", withPassword.toString()])).toBe(0);
    } finally {
      vi.unstubAllEnvs();
    }
    const text = out.join("\n");
    expect(text).toMatch(/csat_responses\s+10\s+10/);
    expect(text).toMatch(/counts match/);
    expect(text).not.toContain("s3cret-pw");
    expect(await count("csat_responses")).toBe(10);
  });
});

describe("keeper db copy refuses before touching anything", () => {
  let errors: string[];
  beforeEach(() => {
    errors = [];
    vi.spyOn(console, "error").mockImplementation((...a: unknown[]) => void errors.push(a.join(" ")));
  });
  afterEach(() => vi.unstubAllEnvs());

  it("a --to that is not PostgreSQL, naming the supported forms", async () => {
    vi.stubEnv("DATABASE_URL", "file:/nonexistent/keeper.db");
    expect(await copyCli(["--to", "file:./other.db"])).toBe(2);
    expect(await copyCli(["--to", "mysql://root:hunter2@db/keeper"])).toBe(2);
    expect(await copyCli([])).toBe(2);
    expect(errors[0]).toMatch(/--to must be a PostgreSQL URL.*postgres:\/\/.*file:PATH/);
    expect(errors.join("\n")).not.toContain("hunter2");
    expect(errors[2]).toMatch(/Usage: keeper db copy --to/);
  });

  it("a source that is already PostgreSQL", async () => {
    vi.stubEnv("DATABASE_URL", "postgres://keeper:hunter2@127.0.0.1:1/keeper");
    expect(await copyCli(["--to", "postgres://keeper:pw@127.0.0.1:1/other"])).toBe(2);
    expect(errors[0]).toMatch(/already PostgreSQL.*SQLite/);
    expect(errors[0]).not.toContain("hunter2");
  });
});
