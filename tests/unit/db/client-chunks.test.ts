import { sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";

// Next's production build bundles db/client.ts into several chunks, each with its own module state
// but one globalThis. A database one copy opened must work in every other copy (it did not: every
// sign-in's audit write threw "not opened by openDatabase()" in the e2e run).
describe("db/client loaded twice (two bundler chunks)", () => {
  afterEach(() => vi.resetModules());

  it("a database one copy opened is written, labelled and closed through the other", async () => {
    const first = await import("@/db/client");
    vi.resetModules();
    const second = await import("@/db/client");
    expect(second).not.toBe(first);

    const db = first.openDatabase(":memory:");
    try {
      expect(second.databaseLabel(db)).toBe(":memory:");
      expect(second.engineOfDb(db)).toBe("sqlite");
      await second.writeTx((tx) => tx.run(sql`create table t (x integer)`), db);
      await first.writeTx((tx) => tx.run(sql`insert into t values (1)`), db);
      expect(db.get(sql`select count(*) as n from t`)).toEqual({ n: 1 });
    } finally {
      await second.closeDatabase(db);
    }
  });
});
