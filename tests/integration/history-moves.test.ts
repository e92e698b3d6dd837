import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { auditLog, cycleParticipants, cycles, employees, reviews, teams } from "@/db/schema";
import { GET as talentApi } from "@/app/api/v1/talent/route";
import { GET as exportCsv } from "@/app/api/v1/export/reviews.csv/route";
import { createCycle, transitionCycle } from "@/lib/dal/cycles";
import { addLateHires, reassignReviewer } from "@/lib/dal/participants";
import { getReviewForPage } from "@/lib/dal/review-read";
import { listDirectReports } from "@/lib/dal/team";
import { saveReviewDraft } from "@/lib/dal/review-write";
import { getTalentReport } from "@/lib/dal/talent";
import { getCalibrationMeeting } from "@/lib/dal/calibration-meeting";
import { getTalentOverview } from "@/lib/dal/talent-overview";
import { getTalentTrends } from "@/lib/dal/talent-trends";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const id = (who: string) => idOf(ctx.db, who);
const teamId = async (name: string) => (await ctx.db.select().from(teams).where(eq(teams.name, name)))[0]!.id;
const cycleId = async (key: string) => (await ctx.db.select().from(cycles).where(eq(cycles.key, key)))[0]!.id;

/** Moves someone in today's org chart, as an org import or SCIM would. */
async function move(who: string, team: string, manager: string) {
  await ctx.db
    .update(employees)
    .set({ teamId: await teamId(team), managerId: id(manager), updatedAt: Date.now() })
    .where(eq(employees.id, id(who)));
}

/** Everything a past cycle shows, as seen by one person, with nothing that depends on the clock. */
async function figures(who: string, cycle: string) {
  signInAs(id(who));
  const report = await getTalentReport({ cycle });
  const overview = await getTalentOverview({ cycle });
  const trends = await getTalentTrends({ cycle });
  const meeting = await getCalibrationMeeting({ cycle });
  const api = await talentApi(new NextRequest(`http://localhost/api/v1/talent?cycle=${cycle}`));
  const csv = await exportCsv(new NextRequest(`http://localhost/api/v1/export/reviews.csv?cycle=${cycle}`));
  if (!report.ok || !overview.ok || !trends.ok || !meeting.ok) throw new Error("talent not available");
  return {
    teams: report.value.teams.map((t) => ({
      team: t.team,
      manager: t.manager,
      headcount: t.headcount,
      keeperRate: t.keeperRate,
      csat: t.csat,
      previous: t.previous,
      people: t.people.map((p) => [p.email, p.keeperAnswer, p.flags.map((f) => f.kind)]),
    })),
    overview: overview.value.teams,
    trends: trends.value.teams,
    calibration: {
      flagged: meeting.value.flagged.map((p) => [p.email, p.flags.map((f) => f.kind), p.history]),
      managerFlags: meeting.value.managerFlags,
    },
    api: await api.json(),
    csv: await csv.text(),
  };
}

describe("a past cycle's figures never follow later moves", () => {
  it("keeps the team review, overview, trends, calibration flags, API and export of released cycles when people change team and manager", async () => {
    const before = { hr: await figures("hr", "2026-Q3"), mia: await figures("mia", "2026-Q3"), noah: await figures("noah", "2026-Q2") };
    expect(before.mia.teams.map((t) => t.team)).toEqual(["Team Portland"]);
    expect(before.mia.teams[0].people.map((p) => p[0])).toContain("ava@demo.keeper.test");

    // Ava moves to Denver under Noah; a Denver agent moves to Austin; Grace's team is renamed nothing.
    await move("ava", "Team Denver", "noah");
    const denverAgent = (
      await ctx.db
        .select()
        .from(employees)
        .where(and(eq(employees.teamId, await teamId("Team Denver")), eq(employees.role, "agent")))
    )[0]!;
    await ctx.db
      .update(employees)
      .set({ teamId: await teamId("Team Austin"), managerId: id("grace") })
      .where(eq(employees.id, denverAgent.id));

    expect(await figures("hr", "2026-Q3")).toEqual(before.hr);
    expect(await figures("mia", "2026-Q3")).toEqual(before.mia);
    expect(await figures("noah", "2026-Q2")).toEqual(before.noah);

    // Noah does not gain Ava's past through the move, and Mia does not lose it.
    const noahQ3 = await figures("noah", "2026-Q3");
    expect(noahQ3.teams.flatMap((t) => t.people.map((p) => p[0]))).not.toContain("ava@demo.keeper.test");
  });

  it("keeps a released cycle's figures when its team's manager changes and a manager leaves", async () => {
    const before = await figures("director", "2026-Q3");
    // Mia hands Portland to Grace, then leaves.
    await ctx.db
      .update(employees)
      .set({ managerId: id("grace") })
      .where(eq(employees.managerId, id("mia")));
    await ctx.db
      .update(employees)
      .set({ active: false })
      .where(eq(employees.id, id("mia")));
    expect(await figures("director", "2026-Q3")).toEqual(before);
  });
});

describe("the participant record", () => {
  it("is written when a cycle opens, from the org chart of that moment", async () => {
    signInAs(id("hr"));
    expect((await transitionCycle({ key: "2026-Q4", to: "calibration" })).ok).toBe(true);
    expect((await createCycle({ key: "2027-Q1" })).ok).toBe(true);
    const q1 = await cycleId("2027-Q1");
    expect(await ctx.db.select().from(cycleParticipants).where(eq(cycleParticipants.cycleId, q1))).toHaveLength(0);
    expect((await transitionCycle({ key: "2027-Q1", to: "open" })).ok).toBe(true);
    const rows = await ctx.db.select().from(cycleParticipants).where(eq(cycleParticipants.cycleId, q1));
    const reviewable = (await ctx.db.select().from(employees).where(eq(employees.active, true))).filter((e) => e.managerId !== null);
    expect(rows.map((r) => r.employeeId).sort((a, b) => a - b)).toEqual(reviewable.map((e) => e.id).sort((a, b) => a - b));
    const ava = rows.find((r) => r.employeeId === id("ava"))!;
    expect(ava).toMatchObject({
      teamId: await teamId("Team Portland"),
      managerId: id("mia"),
      reviewerId: id("mia"),
      role: "agent",
      title: "Customer Support Agent",
      addedBy: null,
    });
  });

  it("lets HR add a late hire to the open cycle, audited, and counts them in its figures", async () => {
    const now = Date.now();
    const newcomer = (
      await ctx.db
        .insert(employees)
        .values({
          email: "new.hire@demo.keeper.test",
          name: "New Hire",
          teamId: await teamId("Team Portland"),
          managerId: id("mia"),
          role: "agent",
          hiredAt: "2026-11-30",
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: employees.id })
    )[0].id;
    signInAs(id("hr"));
    const portland = async () => (await getTalentReport({ cycle: "2026-Q4", teamName: "Team Portland" })).ok;
    const headcount = async () => {
      const r = await getTalentReport({ cycle: "2026-Q4", teamName: "Team Portland" });
      return r.ok ? r.value.teams[0].headcount : -1;
    };
    expect(await portland()).toBe(true);
    const before = await headcount();
    signInAs(id("mia"));
    expect((await addLateHires({ key: "2026-Q4", employeeIds: [newcomer] })).ok).toBe(false);
    signInAs(id("hr"));
    expect(await addLateHires({ key: "2026-Q4", employeeIds: [] })).toMatchObject({
      ok: false,
      fieldErrors: { employeeIds: expect.any(String) },
    });
    expect(await addLateHires({ key: "2026-Q3", employeeIds: [newcomer] })).toMatchObject({ ok: false });
    expect(await addLateHires({ key: "2026-Q4", employeeIds: [newcomer] })).toMatchObject({ ok: true });
    expect(await headcount()).toBe(before + 1);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "cycle.participants_add"));
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toEqual({ employeeIds: [newcomer] });
    // Mia may now write the review.
    signInAs(id("mia"));
    const saved = await saveReviewDraft({
      cycleKey: "2026-Q4",
      employeeId: newcomer,
      version: 0,
      keeperAnswer: "keep",
      keeperReason: "",
      summary: "",
      privateNotes: "",
      traits: [],
    });
    expect(saved.ok).toBe(true);
  });
});

describe("a report who changes manager mid-cycle", () => {
  const draft = async (who: string, version: number) => ({
    cycleKey: "2026-Q4",
    employeeId: id(who),
    version,
    keeperAnswer: "keep" as const,
    keeperReason: "",
    summary: "Mid-cycle",
    privateNotes: "",
    traits: [],
  });

  it("stays readable by the manager who wrote the review, readable by the new manager, and HR can reassign who writes it", async () => {
    // Liam's Q4 review is a draft by Noah. Liam moves to Mia.
    const liam = id("liam");
    const review = (
      await ctx.db
        .select()
        .from(reviews)
        .where(and(eq(reviews.cycleId, await cycleId("2026-Q4")), eq(reviews.employeeId, liam)))
    )[0]!;
    await move("liam", "Team Portland", "mia");

    signInAs(id("noah"));
    const noahView = await getReviewForPage("2026-Q4", liam);
    expect(noahView?.id).toBe(review.id);
    expect(noahView?.can.edit).toBe(true);
    // Liam stays on Noah's list of reviews to write; Mia sees him as her report.
    expect((await listDirectReports("2026-Q4")).map((r) => r.email)).toContain("liam@demo.keeper.test");
    signInAs(id("mia"));
    const miaView = await getReviewForPage("2026-Q4", liam);
    expect(miaView?.id).toBe(review.id);
    expect(miaView?.can.edit).toBe(false);
    expect(miaView?.notWritableBecause).toBe("other_reviewer");
    expect((await saveReviewDraft(await draft("liam", review.version))).ok).toBe(false);
    signInAs(id("grace"));
    expect(await getReviewForPage("2026-Q4", liam)).toBeNull();

    // HR gives the review to Mia.
    signInAs(id("mia"));
    expect(
      (await reassignReviewer({ key: "2026-Q4", employeeEmail: "liam@demo.keeper.test", reviewerEmail: "mia@demo.keeper.test" })).ok,
    ).toBe(false);
    signInAs(id("hr"));
    expect(
      await reassignReviewer({ key: "2026-Q4", employeeEmail: "nobody@demo.keeper.test", reviewerEmail: "mia@demo.keeper.test" }),
    ).toMatchObject({ ok: false, fieldErrors: { employeeEmail: expect.any(String) } });
    expect(
      await reassignReviewer({ key: "2026-Q4", employeeEmail: "liam@demo.keeper.test", reviewerEmail: "liam@demo.keeper.test" }),
    ).toMatchObject({ ok: false, fieldErrors: { reviewerEmail: expect.any(String) } });
    expect(
      (await reassignReviewer({ key: "2026-Q4", employeeEmail: "liam@demo.keeper.test", reviewerEmail: "mia@demo.keeper.test" })).ok,
    ).toBe(true);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "cycle.reviewer_reassign"));
    expect(audit).toHaveLength(1);
    expect(audit[0].detail).toEqual({ from: id("noah"), to: id("mia") });

    signInAs(id("mia"));
    expect((await saveReviewDraft(await draft("liam", review.version))).ok).toBe(true);
    signInAs(id("noah"));
    expect((await saveReviewDraft(await draft("liam", review.version + 1))).ok).toBe(false);
    // Noah, who was Liam's manager when the cycle opened, still reads it after Mia took it over.
    const after = await getReviewForPage("2026-Q4", liam);
    expect(after?.summary).toBe("Mid-cycle");
    expect(after?.can.edit).toBe(false);
  });
});
