import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, calibrationChanges, cycleTraits, cycles, reviewRatings, reviews } from "@/db/schema";
import { calibrateReview, getReviewCalibration } from "@/lib/dal/calibration";
import { transitionCycle } from "@/lib/dal/cycles";
import { saveReviewDraft, submitReview } from "@/lib/dal/review-write";
import { getTalentReport } from "@/lib/dal/talent";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();

async function q4Traits() {
  const cycleId = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!.id;
  return await ctx.db.select().from(cycleTraits).where(eq(cycleTraits.cycleId, cycleId)).orderBy(cycleTraits.position);
}

async function avaReview() {
  const cycleId = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!.id;
  return (
    await ctx.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.cycleId, cycleId), eq(reviews.employeeId, idOf(ctx.db, "ava"))))
  )[0]!;
}

/** Mia submits Ava's 2026-Q4 review (all traits 5, fight hard) while the cycle is open. */
async function submitAvasReview() {
  const ava = idOf(ctx.db, "ava");
  const content = {
    cycleKey: "2026-Q4",
    employeeId: ava,
    keeperAnswer: "fight_hard" as const,
    keeperReason: "Customers ask for Ava by name.",
    summary: "A great quarter.",
    privateNotes: "",
    traits: (await q4Traits()).map((t) => ({ cycleTraitId: t.id, rating: 5, notObserved: false, comment: "" })),
  };
  signInAs(idOf(ctx.db, "mia"));
  const saved = await saveReviewDraft({ ...content, version: 0 });
  if (!saved.ok) throw new Error(saved.message);
  const submitted = await submitReview({ ...content, version: saved.version });
  if (!submitted.ok) throw new Error(submitted.message);
}

async function moveQ4To(state: "calibration" | "released") {
  signInAs(idOf(ctx.db, "hr"));
  const result = await transitionCycle({ key: "2026-Q4", to: state });
  if (!result.ok) throw new Error(result.message);
}

async function input(overrides: Record<string, unknown> = {}) {
  return {
    cycleKey: "2026-Q4",
    employeeId: idOf(ctx.db, "ava"),
    version: (await avaReview()).version,
    keeperAnswer: "keep",
    traits: [],
    reason: "Agreed in calibration: strong, but CSAT is only in line.",
    ...overrides,
  };
}

const historyRows = async () => await ctx.db.select().from(calibrationChanges);
const calibrateAudits = async () => await ctx.db.select().from(auditLog).where(eq(auditLog.action, "review.calibrate"));

beforeEach(async () => {
  await seedDemoFast(ctx.db);
  await submitAvasReview();
});

describe("calibration", () => {
  it("lets HR change the keeper answer with a reason, stored as history and audited", async () => {
    await moveQ4To("calibration");
    const before = await avaReview();
    signInAs(idOf(ctx.db, "hr"));
    const result = await calibrateReview(await input());
    expect(result).toMatchObject({ ok: true, changes: 1, version: before.version + 1 });
    expect(await avaReview()).toMatchObject({ keeperAnswer: "keep", status: "submitted", keeperReason: before.keeperReason });
    expect(await historyRows()).toEqual([
      expect.objectContaining({
        reviewId: before.id,
        actorId: idOf(ctx.db, "hr"),
        field: "keeper_answer",
        before: "fight_hard",
        after: "keep",
        reason: "Agreed in calibration: strong, but CSAT is only in line.",
      }),
    ]);
    expect(await calibrateAudits()).toEqual([
      expect.objectContaining({ actorId: idOf(ctx.db, "hr"), targetId: String(before.id), outcome: "ok" }),
    ]);

    const view = await getReviewCalibration("2026-Q4", idOf(ctx.db, "ava"));
    expect(view?.canCalibrate).toBe(true);
    expect(view?.history).toEqual([
      expect.objectContaining({
        actor: { id: idOf(ctx.db, "hr"), name: "Harper Quinn" },
        fieldLabel: "Keeper answer",
        before: "fight_hard",
        after: "keep",
      }),
    ]);
  });

  it("lets the director (the reviewer's manager) change a trait rating", async () => {
    await moveQ4To("calibration");
    const politeness = (await q4Traits())[0];
    signInAs(idOf(ctx.db, "director"));
    const result = await calibrateReview(
      await input({
        keeperAnswer: "fight_hard",
        traits: [{ cycleTraitId: politeness.id, rating: 3, notObserved: false }],
        reason: "Two complaints about tone.",
      }),
    );
    expect(result).toMatchObject({ ok: true, changes: 1 });
    const rating = (
      await ctx.db
        .select()
        .from(reviewRatings)
        .where(and(eq(reviewRatings.reviewId, (await avaReview()).id), eq(reviewRatings.cycleTraitId, politeness.id)))
    )[0];
    expect(rating).toMatchObject({ rating: 3, notObserved: false });
    expect(await historyRows()).toEqual([
      expect.objectContaining({
        actorId: idOf(ctx.db, "director"),
        field: "trait:politeness",
        before: "5",
        after: "3",
        reason: "Two complaints about tone.",
      }),
    ]);
    const view = await getReviewCalibration("2026-Q4", idOf(ctx.db, "ava"));
    expect(view?.history[0]).toMatchObject({ fieldLabel: "Politeness" });
  });

  it("refuses mia (the reviewer) and noah, audits it and changes nothing", async () => {
    await moveQ4To("calibration");
    for (const who of ["mia", "noah", "ava"]) {
      signInAs(idOf(ctx.db, who));
      expect(await calibrateReview(await input())).toMatchObject({ ok: false, code: "not_found" });
    }
    expect((await avaReview()).keeperAnswer).toBe("fight_hard");
    expect(await historyRows()).toEqual([]);
    expect(
      (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).filter(
        (a) => a.targetId === `2026-Q4/${idOf(ctx.db, "ava")}`,
      ),
    ).toHaveLength(3);
    // Managers' editing stays locked in calibration, and mia sees no calibration form.
    signInAs(idOf(ctx.db, "mia"));
    const edit = await saveReviewDraft({
      cycleKey: "2026-Q4",
      employeeId: idOf(ctx.db, "ava"),
      version: (await avaReview()).version,
      keeperAnswer: "keep",
      keeperReason: "x",
      summary: "",
      privateNotes: "",
      traits: [],
    });
    expect(edit).toMatchObject({ ok: false, code: "locked" });
    const view = await getReviewCalibration("2026-Q4", idOf(ctx.db, "ava"));
    expect(view).toMatchObject({ canCalibrate: false, history: [] });
  });

  it("requires a reason", async () => {
    await moveQ4To("calibration");
    signInAs(idOf(ctx.db, "hr"));
    for (const reason of ["", "   "]) {
      const result = await calibrateReview(await input({ reason }));
      expect(result).toMatchObject({ ok: false, code: "invalid", fieldErrors: { reason: "Give a reason for the change." } });
    }
    expect((await avaReview()).keeperAnswer).toBe("fight_hard");
    expect(await historyRows()).toEqual([]);
  });

  it("only works while the cycle is in calibration", async () => {
    signInAs(idOf(ctx.db, "hr"));
    expect(await calibrateReview(await input())).toMatchObject({ ok: false, code: "locked" });
    await moveQ4To("calibration");
    await moveQ4To("released");
    signInAs(idOf(ctx.db, "hr"));
    expect(await calibrateReview(await input())).toMatchObject({ ok: false, code: "locked" });
    expect((await avaReview()).keeperAnswer).toBe("fight_hard");
    expect(await historyRows()).toEqual([]);
  });

  it("refuses drafts, stale versions and changes that change nothing", async () => {
    await moveQ4To("calibration");
    signInAs(idOf(ctx.db, "hr"));
    const liam = idOf(ctx.db, "liam");
    expect(await calibrateReview(await input({ employeeId: liam, version: 1 }))).toMatchObject({ ok: false, code: "not_submitted" });
    expect(await calibrateReview(await input({ version: (await avaReview()).version - 1 }))).toMatchObject({ ok: false, code: "stale" });
    expect(await calibrateReview(await input({ keeperAnswer: "fight_hard" }))).toMatchObject({ ok: false, code: "unchanged" });
    const unknownTrait = await calibrateReview(await input({ traits: [{ cycleTraitId: 999_999, rating: 3, notObserved: false }] }));
    expect(unknownTrait).toMatchObject({ ok: false, code: "invalid" });
    expect(await historyRows()).toEqual([]);
  });

  it("records one history row per changed field, and the talent review shows who may calibrate", async () => {
    await moveQ4To("calibration");
    const [first, second] = await q4Traits();
    signInAs(idOf(ctx.db, "hr"));
    const result = await calibrateReview(
      await input({
        keeperAnswer: "unsure",
        traits: [
          { cycleTraitId: first.id, rating: 5, notObserved: false },
          { cycleTraitId: second.id, rating: null, notObserved: true },
        ],
      }),
    );
    expect(result).toMatchObject({ ok: true, changes: 2 });
    expect((await historyRows()).map((r) => [r.field, r.before, r.after])).toEqual([
      ["keeper_answer", "fight_hard", "unsure"],
      [`trait:${second.key}`, "5", "not_observed"],
    ]);
    expect(await calibrateAudits()).toHaveLength(2);

    const ava = idOf(ctx.db, "ava");
    const canCalibrate = async (who: string) => {
      signInAs(idOf(ctx.db, who));
      const report = await getTalentReport({ cycle: "2026-Q4", teamName: "Team Portland" });
      if (!report.ok) throw new Error(report.reason);
      return report.value.teams[0].people.find((p) => p.employeeId === ava)!.canCalibrate;
    };
    expect(await canCalibrate("hr")).toBe(true);
    expect(await canCalibrate("director")).toBe(true);
    expect(await canCalibrate("mia")).toBe(false);
  });
});
