import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, cycles, reviews } from "@/db/schema";
import { getTalentReport } from "@/lib/dal/talent";
import { getTalentOverview } from "@/lib/dal/talent-overview";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

/** The overview's columns, from either function, for comparing the two. */
function columns(t: {
  id: number;
  team: string;
  manager: string | null;
  headcount: number;
  completion: unknown;
  submitted: number;
  keeperRate: number | null;
  distribution: unknown;
  traitAverages: unknown;
  csat: unknown;
  change: unknown;
  flagCount: number;
}) {
  const { id, team, manager, headcount, completion, submitted, keeperRate, distribution, traitAverages, csat, change, flagCount } = t;
  return { id, team, manager, headcount, completion, submitted, keeperRate, distribution, traitAverages, csat, change, flagCount };
}

async function both(local: string, cycle: string) {
  signInAs(idOf(ctx.db, local));
  const overview = await getTalentOverview({ cycle });
  const report = await getTalentReport({ cycle });
  if (!overview.ok || !report.ok) throw new Error("expected both");
  return { overview: overview.value, report: report.value };
}

describe("talent overview (team figures summed in SQL)", () => {
  for (const [local, cycle] of [
    ["hr", "2026-Q4"],
    ["hr", "2026-Q3"],
    ["mia", "2026-Q4"],
    ["grace", "2026-Q3"],
  ] as const) {
    it(`gives the same figures as the full report for ${local} in ${cycle}`, async () => {
      const { overview, report } = await both(local, cycle);
      expect(overview.teams.map(columns)).toEqual(report.teams.map(columns));
      expect(overview.organisation).toEqual(report.organisation);
      expect(overview.teamOptions).toEqual(report.teamOptions);
    });
  }

  it("reflects a write made after it was computed (memoised only until the next write)", async () => {
    const first = await both("hr", "2026-Q4");
    const cycleId = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!.id;
    const submitted = await ctx.db
      .select()
      .from(reviews)
      .where(and(eq(reviews.cycleId, cycleId), eq(reviews.status, "submitted")));
    expect(submitted.length).toBeGreaterThan(0);
    await ctx.db.update(reviews).set({ status: "draft" }).where(eq(reviews.id, submitted[0].id));
    const second = await both("hr", "2026-Q4");
    expect(second.overview.organisation.submitted).toBe(first.overview.organisation.submitted - 1);
    expect(second.overview.teams.map(columns)).toEqual(second.report.teams.map(columns));
  });

  it("still audits a team the viewer may not see, every time", async () => {
    signInAs(idOf(ctx.db, "mia"));
    const denied = async () => (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).length;
    const before = await denied();
    const other = (await getTalentReport({ cycle: "2026-Q4" })).ok;
    expect(other).toBe(true);
    signInAs(idOf(ctx.db, "hr"));
    const hrView = await getTalentOverview({ cycle: "2026-Q4" });
    const foreign = hrView.ok ? hrView.value.teams.find((t) => t.team !== "Team Portland")! : null;
    signInAs(idOf(ctx.db, "mia"));
    expect(await getTalentOverview({ cycle: "2026-Q4", teamId: foreign!.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await getTalentOverview({ cycle: "2026-Q4", teamId: foreign!.id })).toEqual({ ok: false, reason: "not_found" });
    expect(await denied()).toBe(before + 2);
  });
});
