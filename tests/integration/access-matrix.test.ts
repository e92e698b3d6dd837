import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, cycleTraits, cycles, reviews } from "@/db/schema";
import { getReviewById, getReviewForPage, listMyReleasedReviews, listVisibleReviews } from "@/lib/dal/review-read";
import { saveReviewDraft, submitReview } from "@/lib/dal/review-write";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const ROLES = {
  agent: "ava", // the employee under review
  otherAgent: "liam",
  manager: "mia",
  otherManager: "noah",
  managersManager: "director",
  hr: "hr",
  // Not HR (docs/decisions/0012-admins-are-not-hr.md): no review content at all.
  admin: "admin",
} as const;
type RoleName = keyof typeof ROLES;

const EXPECTED: Record<RoleName, { readReleased: boolean; readOpenDraft: boolean; save: boolean; submit: boolean }> = {
  agent: { readReleased: true, readOpenDraft: false, save: false, submit: false },
  otherAgent: { readReleased: false, readOpenDraft: false, save: false, submit: false },
  manager: { readReleased: true, readOpenDraft: true, save: true, submit: true },
  otherManager: { readReleased: false, readOpenDraft: false, save: false, submit: false },
  managersManager: { readReleased: true, readOpenDraft: true, save: false, submit: false },
  hr: { readReleased: true, readOpenDraft: true, save: false, submit: false },
  admin: { readReleased: false, readOpenDraft: false, save: false, submit: false },
};

async function completeContent(cycleKey: string, employeeId: number, version: number) {
  const cycleId = (await ctx.db.select().from(cycles).where(eq(cycles.key, cycleKey)))[0]!.id;
  const traits = await ctx.db.select().from(cycleTraits).where(eq(cycleTraits.cycleId, cycleId));
  return {
    cycleKey,
    employeeId,
    version,
    keeperAnswer: "fight_hard" as const,
    keeperReason: "Customers ask for Ava by name.",
    summary: "A great quarter.",
    privateNotes: "Consider for senior agent.",
    traits: traits.map((t) => ({ cycleTraitId: t.id, rating: 5, notObserved: false, comment: "" })),
  };
}

async function deniedCount(): Promise<number> {
  return (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).length;
}

describe("access matrix: a review of Ava (Team Portland)", () => {
  for (const [role, local] of Object.entries(ROLES) as [RoleName, string][]) {
    const expected = EXPECTED[role];

    it(`${role} read of the released 2026-Q3 review: ${expected.readReleased ? "allow" : "deny"}`, async () => {
      const ava = idOf(ctx.db, "ava");
      signInAs(idOf(ctx.db, local));
      const before = await deniedCount();
      const page = await getReviewForPage("2026-Q3", ava);
      const reviewId = (await ctx.db.select().from(reviews).where(eq(reviews.employeeId, ava))).find((r) => r.status === "submitted")!.id;
      const api = await getReviewById(reviewId);
      expect(page !== null).toBe(expected.readReleased);
      expect(api !== null).toBe(expected.readReleased);
      if (!expected.readReleased) expect(await deniedCount()).toBe(before + 2);
      if (page && role === "agent") {
        expect(page.privateNotes).toBeUndefined();
        expect(JSON.stringify(page)).not.toContain("Discussed with HR");
        expect(JSON.stringify(page)).not.toContain("Candidate for senior agent");
      }
      if (page && role !== "agent") expect(page.privateNotes).toBeTypeOf("string");
    });

    it(`${role} read of the open 2026-Q4 draft: ${expected.readOpenDraft ? "allow" : "deny"}`, async () => {
      const ava = idOf(ctx.db, "ava");
      signInAs(idOf(ctx.db, "mia"));
      expect((await saveReviewDraft({ ...(await completeContent("2026-Q4", ava, 0)), summary: "draft" })).ok).toBe(true);
      signInAs(idOf(ctx.db, local));
      const page = await getReviewForPage("2026-Q4", ava);
      expect(page !== null).toBe(expected.readOpenDraft);
    });

    it(`${role} save and submit in the open cycle: ${expected.save ? "allow" : "deny"}`, async () => {
      const ava = idOf(ctx.db, "ava");
      signInAs(idOf(ctx.db, local));
      const saved = await saveReviewDraft(await completeContent("2026-Q4", ava, 0));
      expect(saved.ok).toBe(expected.save);
      const version = saved.ok ? saved.version : 0;
      const submitted = await submitReview(await completeContent("2026-Q4", ava, version));
      expect(submitted.ok).toBe(expected.submit);
      const stored = await ctx.db
        .select()
        .from(reviews)
        .where(and(eq(reviews.employeeId, ava)));
      const q4 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!;
      expect(stored.some((r) => r.cycleId === q4.id)).toBe(expected.save);
      if (!expected.save) expect(saved).toMatchObject({ ok: false, code: "not_found" });
    });
  }
});

describe("the release-state rule of review visibility", () => {
  // Guards the `agentsCanRead` half of reviewVisibleSql (lib/dal/policy.ts): without it, an agent
  // would read a submitted review while managers and HR are still working on it.
  it("keeps Ava's submitted review from her until the cycle is released, by page, API and list", async () => {
    const ava = idOf(ctx.db, "ava");
    signInAs(idOf(ctx.db, "mia"));
    const saved = await submitReview(await completeContent("2026-Q4", ava, 0));
    expect(saved.ok).toBe(true);
    const reviewId = saved.ok ? saved.reviewId : 0;
    const q4 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!;
    for (const state of ["open", "calibration", "released", "closed"] as const) {
      await ctx.db.update(cycles).set({ state }).where(eq(cycles.id, q4.id));
      signInAs(ava);
      const readable = state === "released" || state === "closed";
      expect((await getReviewForPage("2026-Q4", ava)) !== null, `page in ${state}`).toBe(readable);
      expect((await getReviewById(reviewId)) !== null, `API in ${state}`).toBe(readable);
      expect(
        (await listVisibleReviews("2026-Q4", { afterId: 0, limit: 500 })).some((r) => r.id === reviewId),
        `list in ${state}`,
      ).toBe(readable);
      expect(
        (await listMyReleasedReviews()).some((r) => r.id === reviewId),
        `own reviews in ${state}`,
      ).toBe(readable);
    }
  });
});
