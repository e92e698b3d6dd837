import Database from "better-sqlite3";
import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/db/client";
import { cachingClient } from "@/db/statement-cache";

const open: Database.Database[] = [];
afterEach(() => open.splice(0).forEach((db) => db.close()));

function memoryDb(): { sqlite: Database.Database; compiled: string[] } {
  const sqlite = new Database(":memory:");
  open.push(sqlite);
  sqlite.exec("create table t (a integer, b text); insert into t values (1, 'x'), (2, 'y')");
  const compiled: string[] = [];
  const real = sqlite.prepare.bind(sqlite);
  sqlite.prepare = ((source: string) => {
    compiled.push(source);
    return real(source);
  }) as typeof sqlite.prepare;
  return { sqlite, compiled };
}

describe("cachingClient", () => {
  it("compiles a query text once and hands back the same statement", () => {
    const { sqlite, compiled } = memoryDb();
    const client = cachingClient(sqlite);
    const first = client.prepare("select a from t order by a");
    const second = client.prepare("select a from t order by a");
    expect(second).toBe(first);
    expect(second.all()).toEqual([{ a: 1 }, { a: 2 }]);
    client.prepare("select b from t");
    expect(compiled).toEqual(["select a from t order by a", "select b from t"]);
  });

  it("turns raw mode off again, so a caller expecting objects gets objects", () => {
    const { sqlite } = memoryDb();
    const client = cachingClient(sqlite);
    expect(client.prepare("select a from t order by a").raw().all()).toEqual([[1], [2]]);
    expect(client.prepare("select a from t order by a").all()).toEqual([{ a: 1 }, { a: 2 }]);
    // Writes have no raw mode; asking for one would throw.
    expect(client.prepare("update t set b = b").run().changes).toBe(2);
    expect(client.prepare("update t set b = b").run().changes).toBe(2);
  });

  it("keeps only the most recently used statements", () => {
    const { sqlite, compiled } = memoryDb();
    const client = cachingClient(sqlite, 2);
    client.prepare("select 1");
    client.prepare("select 2");
    client.prepare("select 1"); // now the most recent
    client.prepare("select 3"); // evicts "select 2"
    client.prepare("select 1");
    client.prepare("select 2");
    expect(compiled).toEqual(["select 1", "select 2", "select 3", "select 2"]);
    expect(client.cachedStatements()).toBe(2);
  });

  it("runs transactions on the real connection", () => {
    const { sqlite } = memoryDb();
    const client = cachingClient(sqlite);
    client.transaction(() => client.prepare("insert into t values (3, 'z')").run()).immediate();
    expect(sqlite.prepare("select count(*) from t").pluck().get()).toBe(3);
  });
});

describe("openDatabase", () => {
  it("answers repeated drizzle queries correctly, in both row shapes, across a schema change", () => {
    const db = openDatabase(":memory:");
    open.push(db.$client);
    db.run(sql`create table t (a integer)`);
    db.run(sql`insert into t values (1), (2)`);
    for (let i = 0; i < 3; i++) {
      expect(db.values(sql`select a from t order by a`)).toEqual([[1], [2]]);
      expect(db.all(sql`select a from t order by a`)).toEqual([{ a: 1 }, { a: 2 }]);
    }
    expect(db.all(sql`select * from t order by a`)).toEqual([{ a: 1 }, { a: 2 }]);
    db.run(sql`alter table t add column b text default 'new'`);
    expect(db.all(sql`select * from t order by a`)).toEqual([
      { a: 1, b: "new" },
      { a: 2, b: "new" },
    ]);
    // Our own prepared statements stay apart from drizzle's: pluck here does not leak there.
    expect(db.$client.prepare("select a from t order by a").pluck().all()).toEqual([1, 2]);
    expect(db.all(sql`select a from t order by a`)).toEqual([{ a: 1 }, { a: 2 }]);
  });
});
