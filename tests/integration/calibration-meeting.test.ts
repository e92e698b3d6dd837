import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { cycles, reviews } from "@/db/schema";
import { findCalibrationTeams, getCalibrationMeeting } from "@/lib/dal/calibration-meeting";
import { calibrationQueue, getTalentReport } from "@/lib/dal/talent";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  // The demo's 2026-Q3 raises no flags by itself: Ava moves from fight hard to unsure, and Noah
  // answers fight hard for everyone (a manager outlier).
  const cycleId = async (key: string) => (await ctx.db.select().from(cycles).where(eq(cycles.key, key)))[0]!.id;
  const ava = idOf(ctx.db, "ava");
  await ctx.db
    .update(reviews)
    .set({ keeperAnswer: "fight_hard" })
    .where(and(eq(reviews.cycleId, await cycleId("2026-Q2")), eq(reviews.employeeId, ava)));
  await ctx.db
    .update(reviews)
    .set({ keeperAnswer: "unsure" })
    .where(and(eq(reviews.cycleId, await cycleId("2026-Q3")), eq(reviews.employeeId, ava)));
  await ctx.db
    .update(reviews)
    .set({ keeperAnswer: "fight_hard" })
    .where(and(eq(reviews.cycleId, await cycleId("2026-Q3")), eq(reviews.reviewerId, idOf(ctx.db, "noah"))));
});

async function fullQueue(cycle: string) {
  const report = await getTalentReport({ cycle }, "/talent/calibration");
  if (!report.ok) throw new Error(report.reason);
  return calibrationQueue(report.value).map((e) => e.person);
}

describe("getCalibrationMeeting", () => {
  it("lists the same people, flags, ratings and earlier answers as the full talent report", async () => {
    signInAs(idOf(ctx.db, "hr"));
    const meeting = await getCalibrationMeeting({ cycle: "2026-Q3" });
    if (!meeting.ok) throw new Error(meeting.reason);
    const { flagged, others, othersCount } = meeting.value;
    const everyone = await fullQueue("2026-Q3");
    expect(flagged.length).toBeGreaterThan(0);
    expect(others).not.toBeNull();
    expect(othersCount).toBe(others!.length);
    expect([...flagged, ...others!]).toEqual(everyone);
    // The figures are really there, not left empty by the narrower loading.
    expect(flagged.some((p) => Object.keys(p.ratings).length > 0)).toBe(true);
    expect(flagged.some((p) => p.history.some((a) => a !== null))).toBe(true);
    expect([...meeting.value.teamNames.values()].sort()).toEqual(["Team Austin", "Team Denver", "Team Portland"]);
    expect(meeting.value.managerFlags.map((m) => m.team)).toContain("Team Denver");
  });

  it("past the limit, lists only the flagged people and counts the rest", async () => {
    signInAs(idOf(ctx.db, "hr"));
    const meeting = await getCalibrationMeeting({ cycle: "2026-Q3" }, 0);
    if (!meeting.ok) throw new Error(meeting.reason);
    const everyone = await fullQueue("2026-Q3");
    const flaggedInFull = everyone.filter((p) => p.flags.length > 0);
    expect(meeting.value.others).toBeNull();
    expect(meeting.value.othersCount).toBe(everyone.length - flaggedInFull.length);
    expect(meeting.value.flagged).toEqual(flaggedInFull);
  });

  it("gives a manager only their own team and keeps other teams out", async () => {
    signInAs(idOf(ctx.db, "mia"));
    const meeting = await getCalibrationMeeting({ cycle: "2026-Q3" });
    if (!meeting.ok) throw new Error(meeting.reason);
    expect([...meeting.value.teamNames.values()]).toEqual(["Team Portland"]);
    const people = [...meeting.value.flagged, ...meeting.value.others!];
    expect(people.length).toBeGreaterThan(0);
    expect(new Set(people.map((p) => p.teamId)).size).toBe(1);
  });

  it("is not found for an agent", async () => {
    signInAs(idOf(ctx.db, "ava"));
    expect(await getCalibrationMeeting({ cycle: "2026-Q3" })).toEqual({ ok: false, reason: "not_found" });
  });
});

describe("findCalibrationTeams", () => {
  const names = async (query: string, cycle = "2026-Q3") => {
    const found = await findCalibrationTeams({ cycle }, query);
    if (!found.ok) throw new Error(found.reason);
    expect(found.value.cycleKey).toBe(cycle);
    return found.value.matches.map((t) => t.name);
  };

  it("matches team and manager names among every team HR can see", async () => {
    signInAs(idOf(ctx.db, "hr"));
    expect(await names("denver")).toEqual(["Team Denver"]);
    expect(await names("Mia")).toEqual(["Team Portland"]);
    expect(await names("team")).toEqual(["Team Austin", "Team Denver", "Team Portland"]);
    expect(await names("nowhere")).toEqual([]);
  });

  it("never finds a team outside a manager's scope", async () => {
    signInAs(idOf(ctx.db, "mia"));
    expect(await names("Denver")).toEqual([]);
    expect(await names("team")).toEqual(["Team Portland"]);
  });

  it("is not found for an agent or a cycle that does not exist", async () => {
    signInAs(idOf(ctx.db, "ava"));
    expect(await findCalibrationTeams({ cycle: "2026-Q3" }, "team")).toEqual({ ok: false, reason: "not_found" });
    signInAs(idOf(ctx.db, "hr"));
    expect(await findCalibrationTeams({ cycle: "2031-Q1" }, "team")).toEqual({ ok: false, reason: "not_found" });
  });
});
