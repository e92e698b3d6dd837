import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, sql } from "drizzle-orm";
import { auditLog, csatRollups, cycles, employees, reviews, teams } from "@/db/schema";
import { wilsonInterval } from "@/lib/domain/wilson";
import { calibrationQueue, getTalentReport, type TalentReport } from "@/lib/dal/talent";
import { getTalentTrends } from "@/lib/dal/talent-trends";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

async function reportAs(local: string, input: Parameters<typeof getTalentReport>[0]): Promise<TalentReport> {
  signInAs(idOf(ctx.db, local));
  const result = await getTalentReport(input);
  if (!result.ok) throw new Error(`expected a report for ${local}, got ${result.reason}`);
  return result.value;
}

/** The team's agents, straight from the tables: the population the talent review should cover. */
async function agentsOf(teamName: string): Promise<number[]> {
  return (
    await ctx.db
      .select({ id: employees.id })
      .from(employees)
      .innerJoin(teams, eq(teams.id, employees.teamId))
      .where(and(eq(teams.name, teamName), eq(employees.role, "agent"), eq(employees.active, true)))
  ).map((r) => r.id);
}

async function cycleId(key: string): Promise<number> {
  return (await ctx.db.select().from(cycles).where(eq(cycles.key, key)))[0]!.id;
}

async function reviewsOf(key: string, ids: number[]) {
  return (
    await ctx.db
      .select()
      .from(reviews)
      .where(eq(reviews.cycleId, await cycleId(key)))
  ).filter((r) => ids.includes(r.employeeId));
}

async function deniedCount(): Promise<number> {
  return (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).length;
}

describe("talent data layer", () => {
  it("covers each team's people, not its manager, with completion from the review rows", async () => {
    const report = await reportAs("hr", { cycle: "2026-Q4" });
    expect(report.teams.map((t) => [t.team, t.managerRef?.email])).toEqual([
      ["Team Austin", "grace@demo.keeper.test"],
      ["Team Denver", "noah@demo.keeper.test"],
      ["Team Portland", "mia@demo.keeper.test"],
    ]);
    for (const team of report.teams) {
      const ids = await agentsOf(team.team);
      const rows = await reviewsOf("2026-Q4", ids);
      expect(team.headcount).toBe(ids.length);
      expect(team.people.map((p) => p.employeeId).sort()).toEqual([...ids].sort());
      expect(team.completion).toEqual({
        submitted: rows.filter((r) => r.status === "submitted").length,
        draft: rows.filter((r) => r.status === "draft").length,
        notStarted: ids.length - rows.length,
      });
    }
    const portland = report.teams.find((t) => t.team === "Team Portland")!;
    expect(portland.people.some((p) => p.employeeId === idOf(ctx.db, "mia"))).toBe(false);
    const ava = portland.people.find((p) => p.employeeId === idOf(ctx.db, "ava"))!;
    expect(ava).toMatchObject({ status: "not_started", keeperAnswer: null, reviewId: null });
    // Liam's draft has an answer stored, but a draft is not the manager's answer yet.
    const denver = report.teams.find((t) => t.team === "Team Denver")!;
    const liam = denver.people.find((p) => p.employeeId === idOf(ctx.db, "liam"))!;
    expect(liam).toMatchObject({ status: "draft", keeperAnswer: null, flags: [] });
    expect(denver.grid.unanswered.map((p) => p.employeeId)).toContain(liam.employeeId);
  });

  it("computes keeper rate, distribution and CSAT from submitted reviews and the rollups", async () => {
    const report = await reportAs("hr", { cycle: "2026-Q3" });
    for (const team of report.teams) {
      const ids = await agentsOf(team.team);
      const submitted = (await reviewsOf("2026-Q3", ids)).filter((r) => r.status === "submitted");
      const fightHard = submitted.filter((r) => r.keeperAnswer === "fight_hard").length;
      expect(team.keeperRate).toBeCloseTo(fightHard / submitted.length, 12);
      expect(Object.values(team.distribution).reduce((a, b) => a + b, 0)).toBe(submitted.length);
      expect(team.distribution.fight_hard).toBe(fightHard);
      const rollups = (await ctx.db.select().from(csatRollups).where(eq(csatRollups.quarter, "2026-Q3"))).filter((r) =>
        ids.includes(r.employeeId),
      );
      expect(team.csat.responses).toBe(rollups.reduce((n, r) => n + r.responses, 0));
      expect(team.csat.satisfied).toBe(rollups.reduce((n, r) => n + r.satisfied, 0));
      expect(team.traitAverages).toHaveLength(6);
    }
    const org = (
      await ctx.db
        .select({ r: sql<number>`sum(responses)`, s: sql<number>`sum(satisfied)` })
        .from(csatRollups)
        .where(eq(csatRollups.quarter, "2026-Q3"))
    )[0]!;
    expect(report.organisation.csat.responses).toBe(org.r);
    expect(report.organisation.csat.csat).toBeCloseTo(org.s / org.r, 12);
  });

  it("puts every submitted person in exactly one grid cell, by their interval against the organisation", async () => {
    const report = await reportAs("hr", { cycle: "2026-Q3" });
    const orgCsat = report.organisation.csat.csat!;
    for (const team of report.teams) {
      const placed = team.grid.rows.flatMap((row) => row.cells.flatMap((cell) => cell.people.map((p) => ({ p, cell }))));
      expect(placed).toHaveLength(team.completion.submitted);
      for (const { p, cell } of placed) {
        expect(cell.keeperAnswer).toBe(p.keeperAnswer);
        const [low, high] = wilsonInterval(p.csat.satisfied, p.csat.responses);
        const expected = p.csat.responses < 10 ? "too_few" : low > orgCsat ? "above" : high < orgCsat ? "below" : "in_line";
        expect(cell.band).toBe(expected);
      }
    }
  });

  it("raises each calibration flag DESIGN.md lists, and the calibration queue puts them first", async () => {
    const q2 = await cycleId("2026-Q2");
    const q3 = await cycleId("2026-Q3");
    const portland = await agentsOf("Team Portland");
    const ava = idOf(ctx.db, "ava");
    const [low, high] = portland.filter((id) => id !== ava);
    const setAnswer = async (cycle: number, employee: number, answer: "fight_hard" | "unsure" | "let_go") =>
      await ctx.db
        .update(reviews)
        .set({ keeperAnswer: answer })
        .where(and(eq(reviews.cycleId, cycle), eq(reviews.employeeId, employee)));
    const setCsat = async (employee: number, responses: number, satisfied: number) =>
      await ctx.db
        .update(csatRollups)
        .set({ responses, satisfied })
        .where(and(eq(csatRollups.employeeId, employee), eq(csatRollups.quarter, "2026-Q3")));
    await setAnswer(q3, low, "fight_hard");
    await setCsat(low, 60, 5);
    await setAnswer(q3, high, "let_go");
    await setCsat(high, 60, 60);
    await setAnswer(q2, ava, "fight_hard");
    await setAnswer(q3, ava, "unsure");
    // Noah answers fight_hard for everyone: far above the organisation's rate.
    await ctx.db
      .update(reviews)
      .set({ keeperAnswer: "fight_hard" })
      .where(and(eq(reviews.cycleId, q3), eq(reviews.reviewerId, idOf(ctx.db, "noah"))));

    const report = await reportAs("hr", { cycle: "2026-Q3" });
    const team = report.teams.find((t) => t.team === "Team Portland")!;
    const person = (id: number) => team.people.find((p) => p.employeeId === id)!;
    expect(person(low).flags.map((f) => f.kind)).toContain("fight_hard_low_csat");
    expect(team.grid.rows[0].cells[0].people.map((p) => p.employeeId)).toContain(low);
    expect(person(high).flags.map((f) => f.kind)).toContain("doubt_high_csat");
    expect(person(ava).flags).toContainEqual({ kind: "keeper_moved", message: "Moved from Fight hard to Unsure since 2026-Q2" });
    expect(person(ava).history).toEqual([null, "fight_hard", "fight_hard", "unsure"]);
    expect(report.historyQuarters).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);

    const denver = report.teams.find((t) => t.team === "Team Denver")!;
    expect(denver.managerFlag?.kind).toBe("manager_outlier");
    expect(denver.managerFlag?.message).toMatch(/^Noah Park: keeper rate 100% \(\d+ of \d+ submitted reviews\) is far above/);
    expect(denver.flagCount).toBe(denver.people.reduce((n, p) => n + p.flags.length, 0) + 1);
    expect(team.flagCount).toBe(team.people.reduce((n, p) => n + p.flags.length, 0));

    const queue = calibrationQueue(report);
    const firstUnflagged = queue.findIndex((e) => e.person.flags.length === 0);
    expect(firstUnflagged).toBeGreaterThanOrEqual(3);
    expect(queue.slice(firstUnflagged).every((e) => e.person.flags.length === 0)).toBe(true);
  });

  it("scopes by viewer: mia sees Team Portland, the director all three, noah not Portland, agents nothing", async () => {
    const mia = await reportAs("mia", { cycle: "2026-Q3" });
    expect(mia.teams.map((t) => t.team)).toEqual(["Team Portland"]);
    expect(mia.teamOptions.map((t) => t.name)).toEqual(["Team Portland"]);
    expect(mia.teams[0].people.every((p) => p.employeeId !== idOf(ctx.db, "mia"))).toBe(true);

    const director = await reportAs("director", { cycle: "2026-Q3" });
    expect(director.teams.map((t) => t.team)).toEqual(["Team Austin", "Team Denver", "Team Portland"]);

    const hr = await reportAs("hr", { cycle: "2026-Q3" });
    expect(director.teams.map((t) => t.headcount)).toEqual(hr.teams.map((t) => t.headcount));

    const before = await deniedCount();
    signInAs(idOf(ctx.db, "noah"));
    expect(await getTalentReport({ cycle: "2026-Q3", teamName: "Team Portland" })).toEqual({ ok: false, reason: "not_found" });
    const portlandId = hr.teams.find((t) => t.team === "Team Portland")!.id;
    expect(await getTalentReport({ cycle: "2026-Q3", teamId: portlandId })).toEqual({ ok: false, reason: "not_found" });
    for (const agent of ["ava", "liam"]) {
      signInAs(idOf(ctx.db, agent));
      expect(await getTalentReport({ cycle: "2026-Q3" })).toEqual({ ok: false, reason: "not_found" });
      expect(await getTalentTrends({ cycle: "2026-Q3" })).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await deniedCount()).toBe(before + 6);
  });

  it("hides draft cycles from managers, as the cycles page does", async () => {
    const now = Date.now();
    await ctx.db.insert(cycles).values({ key: "2027-Q1", state: "draft", createdAt: now, updatedAt: now });
    signInAs(idOf(ctx.db, "director"));
    expect(await getTalentReport({ cycle: "2027-Q1" })).toEqual({ ok: false, reason: "not_found" });
    const hr = await reportAs("hr", { cycle: "2027-Q1" });
    expect(hr.teams.every((t) => t.completion.submitted === 0)).toBe(true);
  });

  it("charts trends per quarter for the organisation and each team in scope", async () => {
    signInAs(idOf(ctx.db, "hr"));
    const result = await getTalentTrends({ cycle: "2026-Q4" });
    if (!result.ok) throw new Error(result.reason);
    const trends = result.value;
    // Leading quarters with no data at all are dropped.
    expect(trends.quarters).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    for (const [i, quarter] of trends.quarters.entries()) {
      const rows = await ctx.db
        .select()
        .from(reviews)
        .where(and(eq(reviews.cycleId, await cycleId(quarter)), eq(reviews.status, "submitted")));
      const point = trends.organisation.points[i];
      expect(point.submitted).toBe(rows.length);
      expect(point.keeperRate).toBeCloseTo(rows.filter((r) => r.keeperAnswer === "fight_hard").length / rows.length, 12);
      expect(point.csat.responses).toBeGreaterThan(0);
    }
    expect(trends.teams.map((t) => t.label)).toEqual(["Team Austin", "Team Denver", "Team Portland"]);

    signInAs(idOf(ctx.db, "mia"));
    const mia = await getTalentTrends({ cycle: "2026-Q4" });
    expect(mia.ok && mia.value.teams.map((t) => t.label)).toEqual(["Team Portland"]);
  });
});
