import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { engineOfDb } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { exec, row } from "@/db/raw";
import { freshDb, useFreshDb } from "../../helpers/db";

describe("freshDb (tests/helpers/db.ts)", () => {
  const ctx = useFreshDb();

  it("gives each test a migrated database of the run's engine", async () => {
    expect(engineOfDb(ctx.db)).toBe(ENGINE);
    if (ENGINE === "postgres") expect(ctx.path).toMatch(/^postgres:\/\/.+\/keeper_t_\d+_/);
    else expect(ctx.url).toBe(`file:${ctx.path}`);
    const teams = await row<{ n: number }>(ctx.db, sql`select count(*) as n from teams`);
    expect(Number(teams?.n)).toBe(0);
    await exec(ctx.db, sql`insert into settings (key, value) values ('fresh-db-test', 'x')`);
  });

  it("does not see what another test wrote", async () => {
    const left = await row<{ n: number }>(ctx.db, sql`select count(*) as n from settings where key = 'fresh-db-test'`);
    expect(Number(left?.n)).toBe(0);
  });

  it("makes databases that are independent and removed on dispose", async () => {
    const a = await freshDb();
    const b = await freshDb();
    try {
      expect(a.path).not.toBe(b.path);
      await exec(a.db, sql`insert into settings (key, value) values ('only-in-a', 'x')`);
      const inB = await row<{ n: number }>(b.db, sql`select count(*) as n from settings where key = 'only-in-a'`);
      expect(Number(inB?.n)).toBe(0);
    } finally {
      await b.dispose();
      await a.dispose();
    }
    if (ENGINE === "sqlite") expect(existsSync(a.path)).toBe(false);
  });
});

const hasPostgres =
  spawnSync("pg_ctl", ["--version"]).status === 0 ||
  (existsSync("/usr/lib/postgresql") && readdirSync("/usr/lib/postgresql").some((v) => Number(v) >= 15));

describe.skipIf(!hasPostgres)("scripts/pg-cluster.mjs run", () => {
  it("starts a throwaway cluster, hands the command its URL, stops it and passes on the exit code", () => {
    const script = [
      "const { Client } = require('pg');",
      "const c = new Client({ connectionString: process.env.DATABASE_URL });",
      "c.connect().then(() => c.query('show fsync')).then((r) => {",
      "  console.log(process.env.DATABASE_URL + ' fsync=' + r.rows[0].fsync);",
      "  return c.end();",
      "}).then(() => process.exit(7));",
    ].join("\n");
    const result = spawnSync("node", ["scripts/pg-cluster.mjs", "run", "--", "node", "-e", script], {
      encoding: "utf8",
      env: { ...process.env, DATABASE_URL: "file::memory:" },
      timeout: 60_000,
    });
    expect(result.status, result.stderr).toBe(7);
    const [url, fsync] = result.stdout.trim().split(" ");
    expect(url).toMatch(/^postgres:\/\/keeper@127\.0\.0\.1:\d+\/keeper$/);
    expect(fsync).toBe("fsync=off");
    const dir = /data in (\S+)\/data/.exec(result.stderr)?.[1];
    expect(dir && existsSync(dir)).toBe(false);
  });
});
