import { beforeEach, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog, employees } from "@/db/schema";
import { checkCredentials, signInRefusal } from "@/lib/dal/credentials";
import { blockedUntil, THROTTLE_WINDOW_MS } from "@/lib/domain/throttle";
import { useFreshDb } from "../helpers/db";
import { seedDemoFast } from "../helpers/demo";

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const mia = { email: "mia@demo.keeper.test", password: "keeper-demo-pass" };

describe("sign-in", () => {
  it("accepts the right password case-insensitively by email and audits it", async () => {
    const result = await checkCredentials({ ...mia, email: "MIA@demo.keeper.test" }, "10.0.0.1");
    expect(result.ok).toBe(true);
    const rows = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in"));
    expect(rows.at(-1)).toMatchObject({ outcome: "ok" });
  });

  it("fails the same way for a wrong password and an unknown account, and audits both", async () => {
    expect(await checkCredentials({ ...mia, password: "nope" }, "10.0.0.1")).toEqual({ ok: false, blockedUntil: null });
    expect(await checkCredentials({ email: "ghost@demo.keeper.test", password: "nope" }, "10.0.0.1")).toEqual({
      ok: false,
      blockedUntil: null,
    });
    const reasons = (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in"))).map(
      (r) => (r.detail as { reason?: string }).reason,
    );
    expect(reasons).toEqual(["wrong_password", "unknown_account"]);
  });

  it("refuses a deactivated employee", async () => {
    await ctx.db.update(employees).set({ active: false }).where(eq(employees.email, mia.email));
    expect((await checkCredentials(mia, null)).ok).toBe(false);
  });

  it("blocks an account after 10 failures in 15 minutes, even with the right password", async () => {
    for (let i = 0; i < 10; i++) await checkCredentials({ ...mia, password: `guess-${i}` }, `10.0.0.${i}`);
    const blocked = await checkCredentials(mia, "10.9.9.9");
    expect(blocked.ok).toBe(false);
    expect(!blocked.ok && blocked.blockedUntil).toBeGreaterThan(Date.now());
    expect((await signInRefusal(mia.email, new Headers({ "x-forwarded-for": "10.9.9.9" })))?.retryAfterSeconds).toBeGreaterThan(800);
    // Other accounts from other addresses are unaffected.
    expect((await checkCredentials({ email: "noah@demo.keeper.test", password: "keeper-demo-pass" }, "10.8.8.8")).ok).toBe(true);
  });

  it("blocks a client address after 10 failures across accounts", async () => {
    for (let i = 0; i < 10; i++) await checkCredentials({ email: `user${i}@demo.keeper.test`, password: "x" }, "203.0.113.7");
    expect((await checkCredentials(mia, "203.0.113.7")).ok).toBe(false);
    expect((await checkCredentials(mia, "203.0.113.8")).ok).toBe(true);
  });
});

describe("blockedUntil", () => {
  it("lifts 15 minutes after the tenth most recent failure", () => {
    const now = 1_000_000_000;
    const nine = Array.from({ length: 9 }, (_, i) => now - i * 1000);
    expect(blockedUntil(nine, now)).toBeNull();
    const ten = [...nine, now - 60_000];
    expect(blockedUntil(ten, now)).toBe(now - 60_000 + THROTTLE_WINDOW_MS);
    expect(
      blockedUntil(
        ten.map((t) => t - THROTTLE_WINDOW_MS),
        now,
      ),
    ).toBeNull();
  });
});
