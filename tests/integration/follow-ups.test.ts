import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, cycles, keeperFollowUps, notifications, reminderLog, reviews } from "@/db/schema";
import { sendFollowUpReminders } from "@/lib/cli/remind";
import { listFollowUps, recordFollowUp } from "@/lib/dal/follow-ups";
import { listMyReleasedReviews } from "@/lib/dal/review-read";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const id = (who: string) => idOf(ctx.db, who);
const NOW = Date.UTC(2026, 11, 6, 12);
const q3 = async () => (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q3")))[0]!.id;

async function miaPending() {
  signInAs(id("mia"));
  const view = await listFollowUps();
  if (!view) throw new Error("Mia may see follow-ups");
  return view;
}

describe("follow-ups of unsure and let go answers", () => {
  it("asks the manager about each report's latest released unsure or let go answer, and HR sees them all", async () => {
    const mia = await miaPending();
    expect(mia.pending.length).toBeGreaterThan(0);
    expect(mia.pending.every((r) => r.cycleKey === "2026-Q3" && (r.answer === "unsure" || r.answer === "let_go") && r.canRecord)).toBe(
      true,
    );
    const expected = (
      await ctx.db
        .select()
        .from(reviews)
        .where(and(eq(reviews.cycleId, await q3()), eq(reviews.status, "submitted")))
    ).filter((r) => r.keeperAnswer === "unsure" || r.keeperAnswer === "let_go");
    signInAs(id("hr"));
    const hr = (await listFollowUps())!;
    expect([...hr.pending, ...hr.recorded].map((r) => r.reviewId).sort()).toEqual(expected.map((r) => r.id).sort());
    // The demo has one of Noah's and one of Grace's recorded already.
    expect(hr.recorded.map((r) => [r.managerName, r.kind]).sort()).toEqual([
      ["Grace Okoye", "improvement_plan"],
      ["Noah Park", "conversation"],
    ]);
    expect(hr.pending.every((r) => !r.canRecord)).toBe(true);
    // The director sees Mia's and Noah's; Noah none of Mia's; agents nothing at all.
    signInAs(id("director"));
    expect((await listFollowUps())!.pending).toHaveLength(hr.pending.length);
    signInAs(id("noah"));
    expect((await listFollowUps())!.pending.some((r) => mia.pending.some((m) => m.reviewId === r.reviewId))).toBe(false);
    signInAs(id("ava"));
    expect(await listFollowUps()).toBeNull();
  });

  it("records the manager's follow-up with typed errors, and audits it", async () => {
    const target = (await miaPending()).pending[0];
    expect(
      await recordFollowUp({ reviewId: target.reviewId, kind: "improvement_plan", happenedOn: "2026-11-02", reviewOn: "", note: "" }, NOW),
    ).toMatchObject({
      ok: false,
      fieldErrors: { reviewOn: "An improvement plan needs a review date." },
    });
    expect(
      await recordFollowUp({ reviewId: target.reviewId, kind: "conversation", happenedOn: "2027-01-01", reviewOn: "", note: "" }, NOW),
    ).toMatchObject({
      ok: false,
      fieldErrors: { happenedOn: expect.stringContaining("future") },
    });
    expect(
      await recordFollowUp(
        { reviewId: target.reviewId, kind: "improvement_plan", happenedOn: "2026-11-02", reviewOn: "2027-01-15", note: "Weekly pairing." },
        NOW,
      ),
    ).toMatchObject({ ok: true });
    expect((await ctx.db.select().from(keeperFollowUps).where(eq(keeperFollowUps.reviewId, target.reviewId)))[0]).toMatchObject({
      kind: "improvement_plan",
      happenedOn: "2026-11-02",
      reviewOn: "2027-01-15",
      note: "Weekly pairing.",
      recordedBy: id("mia"),
    });
    const after = await miaPending();
    expect(after.pending.some((r) => r.reviewId === target.reviewId)).toBe(false);
    expect(after.recorded.find((r) => r.reviewId === target.reviewId)).toMatchObject({
      kind: "improvement_plan",
      recordedByName: "Mia Chen",
    });
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.action, "review.follow_up"))).toHaveLength(1);

    // Nobody but the person's manager records one, HR included; each refusal is audited.
    for (const who of ["noah", "director", "hr", "ava"]) {
      signInAs(id(who));
      expect(
        await recordFollowUp({ reviewId: target.reviewId, kind: "conversation", happenedOn: "2026-11-02", reviewOn: "", note: "" }, NOW),
      ).toMatchObject({ ok: false });
    }
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).toHaveLength(4);
  });

  it("never shows the person their follow-up, nor an answer their cycle keeps from them", async () => {
    const target = (await miaPending()).pending[0];
    await ctx.db
      .update(cycles)
      .set({ shareKeeper: false })
      .where(eq(cycles.id, await q3()));
    signInAs(target.employeeId);
    expect(await listFollowUps()).toBeNull();
    const mine = await listMyReleasedReviews();
    expect(mine.find((r) => r.cycle.key === "2026-Q3")?.keeper).toBeNull();
  });

  it("reminds each manager weekly until the follow-up is recorded", async () => {
    const first = await sendFollowUpReminders(NOW);
    expect(first.followUps).toBeGreaterThan(0);
    const toMia = await ctx.db
      .select()
      .from(notifications)
      .where(and(eq(notifications.recipientId, id("mia")), eq(notifications.kind, "follow_up_due")));
    expect(toMia).toHaveLength(1);
    expect(toMia[0].link).toBe("/follow-ups");
    expect(await sendFollowUpReminders(NOW + 3_600_000)).toMatchObject({ followUps: 0, managers: 0 });
    expect(await sendFollowUpReminders(NOW + 6 * 86_400_000)).toMatchObject({ followUps: 0 });
    const pending = (await miaPending()).pending;
    for (const row of pending) {
      await recordFollowUp({ reviewId: row.reviewId, kind: "conversation", happenedOn: "2026-12-01", reviewOn: "", note: "" }, NOW);
    }
    const week = await sendFollowUpReminders(NOW + 7 * 86_400_000);
    expect(week.followUps).toBe(first.followUps - pending.length);
    expect(
      await ctx.db
        .select()
        .from(notifications)
        .where(and(eq(notifications.recipientId, id("mia")), eq(notifications.kind, "follow_up_due"))),
    ).toHaveLength(1);
    expect(await ctx.db.select().from(reminderLog).where(eq(reminderLog.kind, "follow_up"))).toHaveLength(first.followUps + week.followUps);
  });
});
