import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { cycleParticipants, cycles, employees, reviews } from "@/db/schema";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

/** The backfill statement of migration 0009, as an upgrade runs it. */
function runBackfill() {
  const sql = readFileSync(join(process.cwd(), "db/migrations/0009_participants_backfill.sql"), "utf8");
  ctx.db.$client.exec(sql.split("--> statement-breakpoint")[0]);
}

describe("migration 0009's participant backfill", () => {
  it("records opened cycles from today's org chart plus everyone reviewed in them, the review's author as reviewer", () => {
    const q3 = ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q3")).get()!.id;
    const before = ctx.db.select().from(cycleParticipants).where(eq(cycleParticipants.cycleId, q3)).all();
    // An installation from before participant records: none at all; Ava's Q3 review written by Noah.
    ctx.db.$client.exec("delete from cycle_participants");
    ctx.db
      .update(reviews)
      .set({ reviewerId: idOf(ctx.db, "noah") })
      .where(and(eq(reviews.cycleId, q3), eq(reviews.employeeId, idOf(ctx.db, "ava"))))
      .run();
    runBackfill();
    const after = ctx.db.select().from(cycleParticipants).where(eq(cycleParticipants.cycleId, q3)).all();
    expect(after.map((p) => p.employeeId).sort()).toEqual(before.map((p) => p.employeeId).sort());
    expect(after.find((p) => p.employeeId === idOf(ctx.db, "ava"))).toMatchObject({
      managerId: idOf(ctx.db, "mia"),
      reviewerId: idOf(ctx.db, "noah"),
      addedBy: null,
    });
    // Leavers reviewed in a cycle are in its record; draft cycles get none.
    const q1 = ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q1")).get()!.id;
    const rosa = idOf(ctx.db, "rosa.delgado");
    expect(ctx.db.select().from(employees).where(eq(employees.id, rosa)).get()!.active).toBe(false);
    expect(
      ctx.db
        .select()
        .from(cycleParticipants)
        .where(and(eq(cycleParticipants.cycleId, q1), eq(cycleParticipants.employeeId, rosa)))
        .get(),
    ).toBeDefined();
    // Running it again adds nothing.
    const count = ctx.db.select().from(cycleParticipants).all().length;
    runBackfill();
    expect(ctx.db.select().from(cycleParticipants).all()).toHaveLength(count);
  });
});
