import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, isNull, sql } from "drizzle-orm";
import {
  auditLog,
  csatRollups,
  cycleTraits,
  cycles,
  dataVersions,
  employees,
  notifications,
  reviewRatings,
  reviews,
  teams,
  cycleParticipants,
} from "@/db/schema";
import { saveReviewDraft, submitReview } from "@/lib/dal/review-write";
import { getTalentOverview } from "@/lib/dal/talent-overview";
import { closeDatabase, openDatabase } from "@/db/client";
import { exec } from "@/db/raw";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

// The talent memos are forgotten when data_versions' `talent` row moves (migration 0006's
// triggers). These tests pin down what moves it and what, on purpose, does not.
const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const talentVersion = async () => (await ctx.db.select().from(dataVersions).where(eq(dataVersions.topic, "talent")))[0]!.version;
const cycleId = async (key: string) => (await ctx.db.select().from(cycles).where(eq(cycles.key, key)))[0]!.id;

async function content(employeeId: number, version: number, summary: string) {
  const traits = await ctx.db
    .select()
    .from(cycleTraits)
    .where(eq(cycleTraits.cycleId, await cycleId("2026-Q4")));
  return {
    cycleKey: "2026-Q4",
    employeeId,
    version,
    keeperAnswer: "keep" as const,
    keeperReason: "Steady with customers.",
    summary,
    privateNotes: "",
    traits: traits.map((t) => ({ cycleTraitId: t.id, rating: 4, notObserved: false, comment: "" })),
  };
}

/** Someone in Mia's team with no 2026-Q4 review yet. */
async function notStartedInPortland(): Promise<number> {
  const row = (
    await ctx.db
      .select({ id: employees.id })
      .from(employees)
      .leftJoin(reviews, and(eq(reviews.employeeId, employees.id), eq(reviews.cycleId, await cycleId("2026-Q4"))))
      .where(and(eq(employees.managerId, idOf(ctx.db, "mia")), isNull(reviews.id)))
  )[0];
  if (!row) throw new Error("the demo has nobody in Team Portland without a 2026-Q4 review");
  return row.id;
}

describe("the talent version", () => {
  it("moves when a review starts and when it is submitted, not while a draft stays a draft", async () => {
    signInAs(idOf(ctx.db, "mia"));
    const employeeId = await notStartedInPortland();
    const before = await talentVersion();

    const first = await saveReviewDraft(await content(employeeId, 0, "first"));
    if (!first.ok) throw new Error(first.message);
    const started = await talentVersion();
    expect(started).toBeGreaterThan(before); // a new draft changes the team's completion counts

    const second = await saveReviewDraft(await content(employeeId, first.version, "second"));
    if (!second.ok) throw new Error(second.message);
    const third = await saveReviewDraft({ ...(await content(employeeId, second.version, "third")), keeperAnswer: "fight_hard" });
    if (!third.ok) throw new Error(third.message);
    expect(await talentVersion()).toBe(started); // text, answer and ratings of a draft: no talent figure reads them

    const submitted = await submitReview(await content(employeeId, third.version, "final"));
    if (!submitted.ok) throw new Error(submitted.message);
    expect(await talentVersion()).toBeGreaterThan(started);
  });

  it("moves when a submitted review's ratings change, not a draft's", async () => {
    const submittedRating = (
      await ctx.db
        .select({ id: reviewRatings.id })
        .from(reviewRatings)
        .innerJoin(reviews, eq(reviews.id, reviewRatings.reviewId))
        .where(eq(reviews.status, "submitted"))
    )[0]!;
    const draftRating = (
      await ctx.db
        .select({ id: reviewRatings.id })
        .from(reviewRatings)
        .innerJoin(reviews, eq(reviews.id, reviewRatings.reviewId))
        .where(eq(reviews.status, "draft"))
    )[0];
    if (draftRating) {
      const v = await talentVersion();
      await ctx.db.update(reviewRatings).set({ comment: "draft note" }).where(eq(reviewRatings.id, draftRating.id));
      expect(await talentVersion()).toBe(v);
    }
    const v = await talentVersion();
    await ctx.db.update(reviewRatings).set({ rating: 1 }).where(eq(reviewRatings.id, submittedRating.id));
    expect(await talentVersion()).toBe(v + 1);
    await ctx.db.delete(reviewRatings).where(eq(reviewRatings.id, submittedRating.id));
    expect(await talentVersion()).toBe(v + 2);
  });

  it("moves with the org chart, cycles, traits, participant records and CSAT rollups", async () => {
    const bumps: [string, () => Promise<unknown>][] = [
      [
        "employees",
        async () =>
          await ctx.db
            .update(employees)
            .set({ title: "Senior agent" })
            .where(eq(employees.id, idOf(ctx.db, "ava"))),
      ],
      ["teams", async () => await ctx.db.update(teams).set({ name: "Team Portland East" }).where(eq(teams.name, "Team Portland"))],
      ["cycles", async () => await ctx.db.update(cycles).set({ dueDate: "2026-12-31" }).where(eq(cycles.key, "2026-Q4"))],
      [
        "cycle_traits",
        async () =>
          await ctx.db
            .update(cycleTraits)
            .set({ label: "Warmth" })
            .where(and(eq(cycleTraits.cycleId, await cycleId("2026-Q4")), eq(cycleTraits.position, 0))),
      ],
      [
        "cycle_participants",
        async () =>
          await ctx.db
            .update(cycleParticipants)
            .set({ title: "Lead" })
            .where(eq(cycleParticipants.employeeId, idOf(ctx.db, "ava"))),
      ],
      [
        "cycle_participants delete",
        async () => await ctx.db.delete(cycleParticipants).where(eq(cycleParticipants.employeeId, idOf(ctx.db, "liam"))),
      ],
      [
        "csat_rollups",
        async () =>
          await ctx.db
            .update(csatRollups)
            .set({ responses: sql`${csatRollups.responses} + 1` })
            .where(eq(csatRollups.employeeId, idOf(ctx.db, "ava"))),
      ],
    ];
    for (const [table, write] of bumps) {
      const v = await talentVersion();
      await write();
      expect(await talentVersion(), table).toBeGreaterThan(v);
    }
  });

  it("ignores what talent figures never read: audit rows, notifications", async () => {
    const v = await talentVersion();
    await ctx.db
      .insert(auditLog)
      .values({ at: Date.now(), actorId: idOf(ctx.db, "hr"), action: "test.write", targetType: "test", targetId: "1", detail: {} });
    await ctx.db
      .insert(notifications)
      .values({ recipientId: idOf(ctx.db, "ava"), kind: "test", title: "t", body: "b", link: "/", createdAt: Date.now() });
    expect(await talentVersion()).toBe(v);
  });
});

describe("the organisation overview's memo", () => {
  it("is kept while drafts are saved and redone when a review is submitted", async () => {
    signInAs(idOf(ctx.db, "hr"));
    const overview = async () => {
      const result = await getTalentOverview({ cycle: "2026-Q4" });
      if (!result.ok) throw new Error(result.reason);
      return result.value;
    };
    const portland = (o: Awaited<ReturnType<typeof overview>>) => o.teams.find((t) => t.team === "Team Portland")!;

    signInAs(idOf(ctx.db, "mia"));
    const employeeId = await notStartedInPortland();
    const started = await saveReviewDraft(await content(employeeId, 0, "first"));
    if (!started.ok) throw new Error(started.message);

    signInAs(idOf(ctx.db, "hr"));
    const first = await overview();
    signInAs(idOf(ctx.db, "mia"));
    const again = await saveReviewDraft(await content(employeeId, started.version, "second"));
    if (!again.ok) throw new Error(again.message);
    signInAs(idOf(ctx.db, "hr"));
    // The very same object: nothing was recomputed for a draft that stays a draft.
    expect(await overview()).toBe(first);

    signInAs(idOf(ctx.db, "mia"));
    const submitted = await submitReview(await content(employeeId, again.version, "final"));
    if (!submitted.ok) throw new Error(submitted.message);
    signInAs(idOf(ctx.db, "hr"));
    const after = await overview();
    expect(after).not.toBe(first);
    expect(portland(after).completion.submitted).toBe(portland(first).completion.submitted + 1);
    expect(portland(after).completion.draft).toBe(portland(first).completion.draft - 1);
  });
});

describe("another process's write", () => {
  it("is seen by the next read: the other server process or the CLI moves the same version", async () => {
    signInAs(idOf(ctx.db, "hr"));
    const before = await getTalentOverview({ cycle: "2026-Q3" });
    if (!before.ok) throw new Error(before.reason);
    const portland = (o: typeof before.value) => o.teams.find((t) => t.team === "Team Portland")!;

    expect(portland(before.value).distribution.fight_hard).toBeLessThan(portland(before.value).submitted);
    // A second connection, as `keeper start`'s other process or `keeper` on the command line has.
    const other = openDatabase(ctx.url);
    try {
      await exec(
        other,
        sql`update reviews set keeper_answer = 'fight_hard' where cycle_id = ${await cycleId("2026-Q3")} and status = 'submitted' and reviewer_id = ${idOf(ctx.db, "mia")}`,
      );
    } finally {
      await closeDatabase(other);
    }
    const after = await getTalentOverview({ cycle: "2026-Q3" });
    if (!after.ok) throw new Error(after.reason);
    expect(after.value).not.toBe(before.value);
    expect(portland(after.value).distribution.fight_hard).toBe(portland(after.value).submitted);
  });
});
