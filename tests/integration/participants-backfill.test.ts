import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { cycleParticipants, cycles, employees, reviews } from "@/db/schema";
import { sqliteClient } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

/** The backfill statement of migration 0009, as an upgrade runs it. */
function runBackfill() {
  const sql = readFileSync(join(process.cwd(), "db/migrations/0009_participants_backfill.sql"), "utf8");
  sqliteClient(ctx.db).exec(sql.split("--> statement-breakpoint")[0]);
}

// An upgrade step of SQLite installations from before participant records; PostgreSQL starts with them.
describe.skipIf(ENGINE === "postgres")("migration 0009's participant backfill (SQLite upgrades only)", () => {
  it("records opened cycles from today's org chart plus everyone reviewed in them, the review's author as reviewer", async () => {
    const q3 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q3")))[0]!.id;
    const before = await ctx.db.select().from(cycleParticipants).where(eq(cycleParticipants.cycleId, q3));
    // An installation from before participant records: none at all; Ava's Q3 review written by Noah.
    sqliteClient(ctx.db).exec("delete from cycle_participants");
    await ctx.db
      .update(reviews)
      .set({ reviewerId: idOf(ctx.db, "noah") })
      .where(and(eq(reviews.cycleId, q3), eq(reviews.employeeId, idOf(ctx.db, "ava"))));
    runBackfill();
    const after = await ctx.db.select().from(cycleParticipants).where(eq(cycleParticipants.cycleId, q3));
    expect(after.map((p) => p.employeeId).sort()).toEqual(before.map((p) => p.employeeId).sort());
    expect(after.find((p) => p.employeeId === idOf(ctx.db, "ava"))).toMatchObject({
      managerId: idOf(ctx.db, "mia"),
      reviewerId: idOf(ctx.db, "noah"),
      addedBy: null,
    });
    // Leavers reviewed in a cycle are in its record; draft cycles get none.
    const q1 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q1")))[0]!.id;
    const rosa = idOf(ctx.db, "rosa.delgado");
    expect((await ctx.db.select().from(employees).where(eq(employees.id, rosa)))[0]!.active).toBe(false);
    expect(
      (
        await ctx.db
          .select()
          .from(cycleParticipants)
          .where(and(eq(cycleParticipants.cycleId, q1), eq(cycleParticipants.employeeId, rosa)))
      )[0],
    ).toBeDefined();
    // Running it again adds nothing.
    const count = (await ctx.db.select().from(cycleParticipants)).length;
    runBackfill();
    expect(await ctx.db.select().from(cycleParticipants)).toHaveLength(count);
  });
});
