import { describe, expect, it } from "vitest";
import { memoUntilTalentChange } from "@/lib/dal/read-memo";
import { useFreshDb } from "../helpers/db";

const ctx = useFreshDb();

describe("the talent memo", () => {
  it("computes once for concurrent readers of the same key and version", async () => {
    let computed = 0;
    const compute = async () => {
      computed += 1;
      await new Promise((done) => setTimeout(done, 20));
      return { figures: computed };
    };
    const results = await Promise.all(Array.from({ length: 5 }, () => memoUntilTalentChange(ctx.db, "flight-test", compute)));
    expect(computed).toBe(1);
    expect(new Set(results).size).toBe(1);
  });

  it("does not share a result it would not keep: each request computes (and audits) its own denial", async () => {
    let computed = 0;
    const deny = async () => {
      computed += 1;
      await new Promise((done) => setTimeout(done, 20));
      return { ok: false as const };
    };
    await Promise.all(Array.from({ length: 3 }, () => memoUntilTalentChange(ctx.db, "denied-test", deny, (v) => v.ok)));
    expect(computed).toBe(3);
  });
});
