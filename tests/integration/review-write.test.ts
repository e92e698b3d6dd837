import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, cycleTraits, cycles, reviewRatings, reviews } from "@/db/schema";
import { getReviewForPage, listMyReleasedReviews } from "@/lib/dal/review-read";
import { reopenReview, saveReviewDraft, submitReview } from "@/lib/dal/review-write";
import { transitionCycle, updateCycleSettings } from "@/lib/dal/cycles";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
let ava: number;
let traitIds: number[];
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  ava = idOf(ctx.db, "ava");
  const q4 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!;
  traitIds = (await ctx.db.select().from(cycleTraits).where(eq(cycleTraits.cycleId, q4.id))).map((t) => t.id);
  signInAs(idOf(ctx.db, "mia"));
});

const draft = (version: number, patch: Record<string, unknown> = {}) => ({
  cycleKey: "2026-Q4",
  employeeId: ava,
  version,
  keeperAnswer: null,
  keeperReason: "",
  summary: "",
  privateNotes: "",
  traits: [],
  ...patch,
});
const complete = (version: number) =>
  draft(version, {
    keeperAnswer: "fight_hard",
    keeperReason: "Customers ask for her.",
    summary: "Great quarter.",
    traits: traitIds.map((id, i) => ({ cycleTraitId: id, rating: i === 0 ? null : 4, notObserved: i === 0, comment: "ok" })),
  });

describe("saving a review", () => {
  it("creates the draft at version 1 and bumps the version on every save", async () => {
    const first = await saveReviewDraft(draft(0, { keeperReason: "first" }));
    expect(first).toMatchObject({ ok: true, version: 1, status: "draft" });
    const second = await saveReviewDraft(draft(1, { keeperReason: "second" }));
    expect(second).toMatchObject({ ok: true, version: 2 });
    const page = await getReviewForPage("2026-Q4", ava);
    expect(page?.version).toBe(2);
    expect(page?.status).toBe("draft");
  });

  it("refuses a save from a stale page and keeps what the other tab saved", async () => {
    await saveReviewDraft(draft(0, { summary: "tab A v1" }));
    expect((await saveReviewDraft(draft(1, { summary: "tab A v2" }))).ok).toBe(true);
    const stale = await saveReviewDraft(draft(1, { summary: "tab B, stale" }));
    expect(stale).toMatchObject({ ok: false, code: "stale" });
    const row = (await ctx.db.select().from(reviews).where(eq(reviews.employeeId, ava))).find((r) => r.status === "draft")!;
    expect(row.summary).toBe("tab A v2");
  });

  it("refuses a second 'first save' (two tabs on a review not started)", async () => {
    expect((await saveReviewDraft(draft(0, { summary: "A" }))).ok).toBe(true);
    expect(await saveReviewDraft(draft(0, { summary: "B" }))).toMatchObject({ ok: false, code: "stale" });
  });

  it("rejects malformed input with field errors and stores nothing", async () => {
    const result = await saveReviewDraft(draft(0, { keeperAnswer: "maybe", keeperReason: "x".repeat(5000) }));
    expect(result.ok).toBe(false);
    if (!result.ok && result.code === "invalid") {
      expect(Object.keys(result.fieldErrors)).toEqual(expect.arrayContaining(["keeperAnswer", "keeperReason"]));
    } else throw new Error("expected invalid");
    expect((await ctx.db.select().from(reviews).where(eq(reviews.employeeId, ava))).filter((r) => r.status === "draft")).toHaveLength(0);
  });
});

describe("submitting and reopening", () => {
  it("lists every missing answer next to its field", async () => {
    const result = await submitReview(draft(0, { traits: [{ cycleTraitId: traitIds[1], rating: 3, notObserved: false, comment: "" }] }));
    expect(result.ok).toBe(false);
    if (result.ok || result.code !== "invalid") throw new Error("expected invalid");
    expect(result.fieldErrors).toHaveProperty("keeperAnswer");
    expect(result.fieldErrors).toHaveProperty("keeperReason");
    expect(result.fieldErrors).toHaveProperty("summary");
    expect(result.fieldErrors).toHaveProperty(`trait.${traitIds[0]}`);
    expect(result.fieldErrors).not.toHaveProperty(`trait.${traitIds[1]}`);
  });

  it("submits a complete review, blocks later saves, and reopens", async () => {
    const submitted = await submitReview(complete(0));
    expect(submitted).toMatchObject({ ok: true, status: "submitted", version: 1 });
    if (!submitted.ok) throw new Error("expected submit");
    const ratings = await ctx.db.select().from(reviewRatings).where(eq(reviewRatings.reviewId, submitted.reviewId));
    expect(ratings.find((r) => r.cycleTraitId === traitIds[0])).toMatchObject({ rating: null, notObserved: true });
    expect(await saveReviewDraft(draft(1, { summary: "late edit" }))).toMatchObject({ ok: false, code: "submitted" });
    const reopened = await reopenReview({ cycleKey: "2026-Q4", employeeId: ava, version: 1 });
    expect(reopened).toMatchObject({ ok: true, status: "draft", version: 2 });
    expect((await saveReviewDraft(draft(2, { summary: "edited" }))).ok).toBe(true);
    const actions = (await ctx.db.select().from(auditLog)).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(["review.submit", "review.reopen"]));
  });

  it("locks managers out once the cycle leaves open", async () => {
    await submitReview(complete(0));
    signInAs(idOf(ctx.db, "hr"));
    expect((await transitionCycle({ key: "2026-Q4", to: "calibration" })).ok).toBe(true);
    signInAs(idOf(ctx.db, "mia"));
    expect(await reopenReview({ cycleKey: "2026-Q4", employeeId: ava, version: 1 })).toMatchObject({ ok: false, code: "locked" });
    const page = await getReviewForPage("2026-Q4", ava);
    expect(page?.can).toMatchObject({ edit: false, reopen: false });
  });
});

describe("releasing to the agent", () => {
  it("shows the agent their submitted review once released, with the keeper answer only when shared", async () => {
    await submitReview(complete(0));
    signInAs(idOf(ctx.db, "ava"));
    expect(await getReviewForPage("2026-Q4", ava)).toBeNull();
    signInAs(idOf(ctx.db, "hr"));
    await transitionCycle({ key: "2026-Q4", to: "calibration" });
    await transitionCycle({ key: "2026-Q4", to: "released" });
    signInAs(ava);
    const released = await getReviewForPage("2026-Q4", ava);
    expect(released?.keeper?.answer).toBe("fight_hard");
    expect(released?.privateNotes).toBeUndefined();
    const mine = await listMyReleasedReviews();
    expect(mine.map((r) => r.cycle.key)).toEqual(["2026-Q4", "2026-Q3", "2026-Q2", "2026-Q1"]);

    signInAs(idOf(ctx.db, "hr"));
    expect((await updateCycleSettings({ key: "2026-Q4", dueDate: "2026-12-15", shareKeeper: false })).ok).toBe(true);
    signInAs(ava);
    expect((await getReviewForPage("2026-Q4", ava))?.keeper).toBeNull();
  });
});

describe("cycle transitions", () => {
  it("only HR moves cycles, one step forward at a time, and every move is audited", async () => {
    expect((await transitionCycle({ key: "2026-Q4", to: "calibration" })).ok).toBe(false);
    signInAs(idOf(ctx.db, "hr"));
    expect((await transitionCycle({ key: "2026-Q4", to: "released" })).ok).toBe(false);
    expect((await transitionCycle({ key: "2026-Q4", to: "calibration" })).ok).toBe(true);
    const moves = await ctx.db
      .select()
      .from(auditLog)
      .where(and(eq(auditLog.action, "cycle.transition")));
    expect(moves).toHaveLength(1);
    expect(moves[0].detail).toMatchObject({ from: "open", to: "calibration" });
    const denied = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"));
    expect(denied.length).toBeGreaterThanOrEqual(1);
  });
});
