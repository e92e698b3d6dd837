import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { cycleTraits, cycles, reviews } from "@/db/schema";
import { calibrateReview, getReviewCalibration } from "@/lib/dal/calibration";
import { getReviewForPage } from "@/lib/dal/review-read";
import { reopenReview, saveReviewDraft, submitReview } from "@/lib/dal/review-write";
import { getTalentReport } from "@/lib/dal/talent";
import { CYCLE_STATES } from "@/lib/domain/cycle-state";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

/**
 * The `can` hints a page shows come from the same predicates as the writes (lib/dal/policy.ts):
 * for every demo role and every cycle state, the hint is true exactly when the write succeeds.
 */
const ctx = useFreshDb();
const PEOPLE = ["ava", "liam", "mia", "noah", "director", "hr", "admin"] as const;

beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const q4 = async () => (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!;
const setQ4 = async (state: (typeof CYCLE_STATES)[number]) =>
  await ctx.db
    .update(cycles)
    .set({ state })
    .where(eq(cycles.id, (await q4()).id));
const avaQ4 = async () =>
  (
    await ctx.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.cycleId, (await q4()).id), eq(reviews.employeeId, idOf(ctx.db, "ava"))))
  )[0];

async function content(version: number) {
  const traits = await ctx.db
    .select()
    .from(cycleTraits)
    .where(eq(cycleTraits.cycleId, (await q4()).id));
  return {
    cycleKey: "2026-Q4",
    employeeId: idOf(ctx.db, "ava"),
    version,
    keeperAnswer: "fight_hard" as const,
    keeperReason: "Customers ask for Ava by name.",
    summary: "A great quarter.",
    privateNotes: "",
    traits: traits.map((t) => ({ cycleTraitId: t.id, rating: 5, notObserved: false, comment: "" })),
  };
}

describe("can hints match the writes", () => {
  it("can.edit is true exactly when saving the draft succeeds, and can.reopen when reopening does", async () => {
    for (const state of CYCLE_STATES.filter((s) => s !== "draft")) {
      await setQ4(state);
      for (const local of PEOPLE) {
        signInAs(idOf(ctx.db, local));
        const page = await getReviewForPage("2026-Q4", idOf(ctx.db, "ava"));
        const saved = await saveReviewDraft(await content((await avaQ4())?.version ?? 0));
        expect(saved.ok, `${local} save in ${state}`).toBe(page?.can.edit ?? false);
      }
    }
    await setQ4("open");
    signInAs(idOf(ctx.db, "mia"));
    expect((await submitReview(await content((await avaQ4())!.version))).ok).toBe(true);
    for (const state of CYCLE_STATES.filter((s) => s !== "draft")) {
      await setQ4(state);
      for (const local of PEOPLE) {
        signInAs(idOf(ctx.db, local));
        const page = await getReviewForPage("2026-Q4", idOf(ctx.db, "ava"));
        const hint = page?.can.reopen ?? false;
        const reopened = await reopenReview({ cycleKey: "2026-Q4", employeeId: idOf(ctx.db, "ava"), version: (await avaQ4())!.version });
        expect(reopened.ok, `${local} reopen in ${state}`).toBe(hint);
        if (reopened.ok) {
          signInAs(idOf(ctx.db, "mia"));
          expect((await submitReview(await content((await avaQ4())!.version))).ok).toBe(true);
        }
      }
    }
  });

  it("canCalibrate on the talent page and the review page is true exactly when calibrating succeeds", async () => {
    signInAs(idOf(ctx.db, "mia"));
    expect((await submitReview(await content(0))).ok).toBe(true);
    let answer: "keep" | "fight_hard" = "keep";
    let calibrated = 0;
    for (const state of CYCLE_STATES.filter((s) => s !== "draft")) {
      await setQ4(state);
      for (const local of PEOPLE) {
        signInAs(idOf(ctx.db, local));
        const calibration = await getReviewCalibration("2026-Q4", idOf(ctx.db, "ava"));
        const report = await getTalentReport({ cycle: "2026-Q4" });
        const person = report.ok
          ? report.value.teams.flatMap((t) => t.people).find((p) => p.employeeId === idOf(ctx.db, "ava"))
          : undefined;
        const reviewHint = calibration?.canCalibrate ?? false;
        const talentHint = person?.canCalibrate ?? false;
        const result = await calibrateReview({
          cycleKey: "2026-Q4",
          employeeId: idOf(ctx.db, "ava"),
          version: (await avaQ4())!.version,
          keeperAnswer: answer,
          traits: [],
          reason: "Second opinion.",
        });
        expect(result.ok, `${local} calibrate in ${state}`).toBe(reviewHint);
        // The talent page lists only people below the viewer; where it lists Ava, it agrees.
        if (person) expect(talentHint, `${local} talent hint in ${state}`).toBe(result.ok);
        if (result.ok) {
          calibrated += 1;
          answer = answer === "keep" ? "fight_hard" : "keep";
        }
      }
    }
    // HR and the director calibrate in calibration, so the comparison was made both ways.
    expect(calibrated).toBe(2);
  });
});
