import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, writeTx } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { exec, row } from "@/db/raw";
import { useFreshDb } from "../helpers/db";

const ctx = useFreshDb();
const serializationFailure = () => Object.assign(new Error("could not serialize access"), { code: "40001" });
const settingCount = async () => (await row<{ n: number }>(ctx.db, sql`select count(*) as n from settings`))!.n;

describe("writeTx", () => {
  it("rolls back everything it wrote when it throws", async () => {
    await expect(
      writeTx(async (db) => {
        await exec(db, sql`insert into settings (key, value) values ('rolled-back', 'x')`);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await settingCount()).toBe(0);
  });

  it("joins the transaction it is called in: one commit, and getDb() is the transaction", async () => {
    await writeTx(async (outer) => {
      await writeTx(async (inner) => {
        expect(inner).toBe(outer);
        expect(getDb()).toBe(outer);
        await exec(inner, sql`insert into settings (key, value) values ('inner', 'x')`);
      });
      await exec(outer, sql`insert into settings (key, value) values ('outer', 'x')`);
    });
    expect(await settingCount()).toBe(2);
  });

  it.skipIf(ENGINE !== "postgres")("runs again after a serialization failure, from a clean transaction (PostgreSQL)", async () => {
    let attempts = 0;
    const result = await writeTx(async (db) => {
      attempts += 1;
      await exec(db, sql`insert into settings (key, value) values (${`try-${attempts}`}, 'x')`);
      if (attempts < 3) throw serializationFailure();
      return "done";
    });
    expect(result).toBe("done");
    expect(attempts).toBe(3);
    // Only the attempt that committed left its row.
    expect(await settingCount()).toBe(1);
  });

  it("does not retry other errors", async () => {
    let attempts = 0;
    await expect(
      writeTx(() => {
        attempts += 1;
        throw Object.assign(new Error("unique violation"), { code: "23505" });
      }),
    ).rejects.toThrow("unique violation");
    expect(attempts).toBe(1);
  });
});
