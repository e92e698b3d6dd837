import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, cycles, notifications, outboxEmails, reviewRatings, reviews } from "@/db/schema";
import { transitionCycle } from "@/lib/dal/cycles";
import { acknowledgeReview, getMyFeedback, getReviewResponse, replyToReview } from "@/lib/dal/feedback";
import { getReviewForPage } from "@/lib/dal/review-read";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
let ava: number;
let mia: number;
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  ava = idOf(ctx.db, "ava");
  mia = idOf(ctx.db, "mia");
  signInAs(ava);
});

async function avaReview(cycleKey: string) {
  const cycle = (await ctx.db.select().from(cycles).where(eq(cycles.key, cycleKey)))[0]!;
  return (
    await ctx.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.cycleId, cycle.id), eq(reviews.employeeId, ava)))
  )[0];
}

describe("acknowledging a released review", () => {
  it("records the first acknowledgement and keeps it; acknowledging again changes nothing", async () => {
    expect(await acknowledgeReview({ cycleKey: "2026-Q3" })).toMatchObject({ ok: true });
    const first = (await avaReview("2026-Q3"))!.acknowledgedAt;
    expect(first).toBeTypeOf("number");
    await new Promise((r) => setTimeout(r, 5));
    expect(await acknowledgeReview({ cycleKey: "2026-Q3" })).toMatchObject({ ok: true });
    expect((await avaReview("2026-Q3"))!.acknowledgedAt).toBe(first);
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.action, "review.acknowledge"))).toHaveLength(1);
  });

  it("is impossible for a review that is not released to the agent (open cycle, not submitted)", async () => {
    expect(await acknowledgeReview({ cycleKey: "2026-Q4" })).toMatchObject({ ok: false, code: "not_found" });
    expect(await acknowledgeReview({ cycleKey: "Q4-2026" })).toMatchObject({ ok: false, code: "invalid" });
  });

  it("is read only once the cycle is closed, though the review stays readable", async () => {
    await ctx.db.update(cycles).set({ state: "closed" }).where(eq(cycles.key, "2026-Q2"));
    expect(await acknowledgeReview({ cycleKey: "2026-Q2" })).toMatchObject({ ok: false, code: "closed" });
    expect(await replyToReview({ cycleKey: "2026-Q2", reply: "Too late?" })).toMatchObject({ ok: false, code: "closed" });
    const q2 = (await getMyFeedback()).items.find((i) => i.review.cycle.key === "2026-Q2")!;
    expect(q2).toMatchObject({ canAcknowledge: false, canReply: false });
    expect(await avaReview("2026-Q2")).toMatchObject({ acknowledgedAt: null, agentReply: null });
  });
});

describe("replying to a released review", () => {
  it("takes one reply, acknowledges the review with it, and tells the reviewer in-app and by mail", async () => {
    const result = await replyToReview({ cycleKey: "2026-Q3", reply: "  Thanks. I'd like more billing tickets next quarter.  " });
    expect(result).toMatchObject({ ok: true });
    const row = (await avaReview("2026-Q3"))!;
    expect(row.agentReply).toBe("Thanks. I'd like more billing tickets next quarter.");
    expect(row.repliedAt).toBeTypeOf("number");
    expect(row.acknowledgedAt).toBe(row.repliedAt);

    const told = await ctx.db.select().from(notifications).where(eq(notifications.recipientId, row.reviewerId));
    expect(told).toEqual([expect.objectContaining({ kind: "reply_received", link: `/reviews/2026-Q3/${ava}`, readAt: null })]);
    expect(told[0].title).toContain("Ava replied");
    const mail = await ctx.db.select().from(outboxEmails);
    expect(mail).toEqual([expect.objectContaining({ toAddress: "mia@demo.keeper.test", sentAt: null })]);
    // Mail says that something happened; the reply itself stays in the app.
    expect(mail[0].body).not.toContain("billing tickets");
  });

  it("refuses a second reply and keeps the first", async () => {
    await replyToReview({ cycleKey: "2026-Q3", reply: "First." });
    expect(await replyToReview({ cycleKey: "2026-Q3", reply: "Second thoughts." })).toMatchObject({ ok: false, code: "already_replied" });
    expect((await avaReview("2026-Q3"))!.agentReply).toBe("First.");
    expect(await ctx.db.select().from(notifications)).toHaveLength(1);
  });

  it("refuses an empty or over-long reply and stores nothing", async () => {
    expect(await replyToReview({ cycleKey: "2026-Q3", reply: "   " })).toMatchObject({ ok: false, code: "invalid" });
    expect(await replyToReview({ cycleKey: "2026-Q3", reply: "x".repeat(2001) })).toMatchObject({ ok: false, code: "invalid" });
    expect(await avaReview("2026-Q3")).toMatchObject({ agentReply: null, acknowledgedAt: null });
  });

  it("is shown to the manager and HR with the review, never the manager's private notes to the agent", async () => {
    await replyToReview({ cycleKey: "2026-Q3", reply: "Noted, thank you." });
    for (const reader of [mia, idOf(ctx.db, "hr")]) {
      signInAs(reader);
      const page = await getReviewForPage("2026-Q3", ava);
      expect(page).toMatchObject({ agentReply: "Noted, thank you." });
      expect(page!.acknowledgedAt).toBeTypeOf("number");
      expect(await getReviewResponse("2026-Q3", ava)).toMatchObject({ agentReply: "Noted, thank you.", repliedAt: expect.any(Number) });
    }
    signInAs(ava);
    const mine = (await getMyFeedback()).items.find((i) => i.review.cycle.key === "2026-Q3")!;
    expect(mine).toMatchObject({ canAcknowledge: false, canReply: false, repliedAt: expect.any(Number) });
    expect(mine.review.privateNotes).toBeUndefined();
  });
});

describe("my feedback", () => {
  it("lists every released review newest first with traits quarter over quarter", async () => {
    const { items, trend } = await getMyFeedback();
    expect(items.map((i) => i.review.cycle.key)).toEqual(["2026-Q3", "2026-Q2", "2026-Q1"]);
    expect(trend.quarters).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
    const q3 = items[0].review;
    expect(trend.rows.map((r) => r.label)).toEqual(q3.traits.map((t) => t.label));
    expect(trend.rows).toHaveLength(6);
    // The Q3 column is exactly what the Q3 review says (null for "not observed").
    for (const row of trend.rows) {
      const t = q3.traits.find((x) => x.key === row.key)!;
      expect(row.ratings[2]).toBe(t.notObserved ? null : t.rating);
    }
    const stored = await ctx.db.select().from(reviewRatings).where(eq(reviewRatings.reviewId, q3.id!));
    expect(stored).toHaveLength(6);
  });

  it("hides the keeper answer when the cycle does not share it", async () => {
    await ctx.db.update(cycles).set({ shareKeeper: false }).where(eq(cycles.key, "2026-Q3"));
    const { items } = await getMyFeedback();
    expect(items.find((i) => i.review.cycle.key === "2026-Q3")!.review.keeper).toBeNull();
    expect(items.find((i) => i.review.cycle.key === "2026-Q2")!.review.keeper).not.toBeNull();
  });
});

describe("releasing a cycle", () => {
  it("notifies each employee with a submitted review, in-app and by mail, and nobody else", async () => {
    signInAs(idOf(ctx.db, "hr"));
    expect(await transitionCycle({ key: "2026-Q4", to: "calibration" })).toMatchObject({ ok: true });
    expect(await ctx.db.select().from(notifications)).toEqual([]);
    expect(await transitionCycle({ key: "2026-Q4", to: "released" })).toMatchObject({ ok: true });
    const q4 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!;
    const submitted = await ctx.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.cycleId, q4.id), eq(reviews.status, "submitted")));
    const told = await ctx.db.select().from(notifications).where(eq(notifications.kind, "review_released"));
    expect(told.map((n) => n.recipientId).sort()).toEqual(submitted.map((r) => r.employeeId).sort());
    expect(told.every((n) => n.link === "/feedback/2026-Q4")).toBe(true);
    expect(told.some((n) => n.recipientId === ava)).toBe(false); // Ava's Q4 review was never started
    expect(await ctx.db.select().from(outboxEmails)).toHaveLength(submitted.length);
  });
});
