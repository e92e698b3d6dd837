import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { NextRequest } from "next/server";
import { auditLog, cycles, employees, reviews, teams } from "@/db/schema";
import { GET as outcomesApi } from "@/app/api/v1/outcomes/route";
import { GET as outcomesCsv } from "@/app/api/v1/export/outcomes.csv/route";
import { getKeeperOutcomes } from "@/lib/dal/keeper-outcomes";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const id = (who: string) => idOf(ctx.db, who);
const NOW = Date.UTC(2026, 11, 6, 12);
const cycleId = async (key: string) => (await ctx.db.select().from(cycles).where(eq(cycles.key, key)))[0]!.id;
const answered = async (key: string, answers: string[]) =>
  (
    await ctx.db
      .select()
      .from(reviews)
      .where(
        and(eq(reviews.cycleId, await cycleId(key)), eq(reviews.status, "submitted"), inArray(reviews.keeperAnswer, answers as never[])),
      )
  ).length;

async function outcomesAs(who: string, cycle?: string) {
  signInAs(id(who));
  const result = await getKeeperOutcomes(cycle ? { cycle } : {}, "/talent/outcomes", NOW);
  if (!result.ok) throw new Error(result.reason);
  return result.value;
}

describe("keeper accuracy", () => {
  it("counts the demo's fight_hard leavers of 2026-Q1 within 6 months, and says the 12-month window is not yet known", async () => {
    const { selected, history } = await outcomesAs("hr", "2026-Q1");
    expect(selected.anchor).toBe("2026-04-01");
    const f = selected.scope;
    expect(f.fightHard.answered).toBe(await answered("2026-Q1", ["fight_hard"]));
    const six = f.fightHard.within[6];
    if (!six.known) throw new Error("2026-Q1's 6-month window ended on 2026-10-01");
    // Rosa, Samir, Wen, Pablo and Beatriz left before 2026-10-01; all but Pablo were regretted.
    expect(six.left).toMatchObject({ count: 5, of: f.fightHard.answered });
    expect(six.regretted).toMatchObject({ count: 4, of: 5, small: true });
    expect(f.fightHard.within[12]).toEqual({ known: false, knownFrom: "2027-04-01" });
    // Let go and unsure: Dario, Ngozi and Tomas left; Viktor is gone with no details (out of the rates).
    expect(f.doubt.answered).toBe(await answered("2026-Q1", ["let_go", "unsure"]));
    expect(f.doubt.undated).toBe(1);
    const after = f.doubt.afterTwoQuarters;
    if (!after.known) throw new Error("two quarters after 2026-Q1 have passed");
    expect(after.stillHere).toMatchObject({ count: f.doubt.answered - 1 - 3, of: f.doubt.answered - 1 });
    expect(Object.values(after.laterAnswers).reduce((a, b) => a + b, 0)).toBe(after.stillHere.count);
    expect(after.laterCsat.responses).toBeGreaterThan(0);
    // The chart's history covers every released cycle, oldest first; 2026-Q2's window is still open.
    expect(history.map((h) => h.key)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(history[1].figures.fightHard.within[6]).toEqual({ known: false, knownFrom: "2027-01-01" });
  });

  it("opens on the latest past cycle and refuses cycles that are not past yet", async () => {
    expect((await outcomesAs("hr")).selected.cycle.key).toBe("2026-Q3");
    signInAs(id("hr"));
    expect(await getKeeperOutcomes({ cycle: "2026-Q4" }, "/talent/outcomes", NOW)).toEqual({ ok: false, reason: "not_found" });
  });

  it("gives managers their subtree as the cycle recorded it, per team and per manager, and nothing to agents", async () => {
    const mia = (await outcomesAs("mia", "2026-Q1")).selected;
    expect(mia.teams.map((t) => t.label)).toEqual(["Team Portland"]);
    expect(mia.managers.map((m) => m.label)).toEqual(["Mia Chen"]);
    const six = mia.scope.fightHard.within[6];
    expect(six.known && six.left.count).toBe(2); // Rosa and Beatriz
    const hr = (await outcomesAs("hr", "2026-Q1")).selected;
    expect(hr.teams.map((t) => t.label)).toEqual(["Team Austin", "Team Denver", "Team Portland"]);
    // Per manager is per author of the answers: HR's "Mia Chen" row is exactly what Mia sees.
    expect(hr.managers.find((m) => m.label === "Mia Chen")!.figures).toEqual(mia.scope);
    const director = (await outcomesAs("director", "2026-Q1")).selected;
    expect(director.managers.map((m) => m.label)).toEqual(["Grace Okoye", "Jordan Ellis", "Mia Chen", "Noah Park"]);
    for (const agent of ["ava", "liam"]) {
      signInAs(id(agent));
      expect(await getKeeperOutcomes({ cycle: "2026-Q1" }, "/talent/outcomes", NOW)).toEqual({ ok: false, reason: "not_found" });
    }
  });

  it("does not change when people move after the cycle", async () => {
    const before = { hr: await outcomesAs("hr", "2026-Q1"), mia: await outcomesAs("mia", "2026-Q1") };
    const denver = (await ctx.db.select().from(teams).where(eq(teams.name, "Team Denver")))[0]!.id;
    await ctx.db
      .update(employees)
      .set({ teamId: denver, managerId: id("noah") })
      .where(inArray(employees.id, [id("ava"), id("rosa.delgado")]));
    expect(await outcomesAs("hr", "2026-Q1")).toEqual(before.hr);
    expect(await outcomesAs("mia", "2026-Q1")).toEqual(before.mia);
  });
});

describe("GET /api/v1/outcomes and the CSV export", () => {
  const api = async (who: string | null, query: string) => {
    signInAs(who === null ? null : id(who));
    return outcomesApi(new NextRequest(`http://localhost/api/v1/outcomes${query}`));
  };

  it("answers with the same figures, 400 without a cycle, 401 signed out, 404 for agents and unknown cycles", async () => {
    const res = await api("hr", "?cycle=2026-Q1");
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      cycle: "2026-Q1",
      anchor: "2026-04-01",
      windows: { months6: "2026-10-01", months12: "2027-04-01", laterQuarter: "2026-Q3" },
    });
    expect(body.teams.map((t: { team: { name: string } }) => t.team.name)).toEqual(["Team Austin", "Team Denver", "Team Portland"]);
    expect(body.scope.fightHard.answered).toBe(await answered("2026-Q1", ["fight_hard"]));
    expect((await api("hr", "")).status).toBe(400);
    expect((await api(null, "?cycle=2026-Q1")).status).toBe(401);
    expect((await api("ava", "?cycle=2026-Q1")).status).toBe(404);
    expect((await api("hr", "?cycle=2031-Q1")).status).toBe(404);
  });

  it("exports a formula-safe CSV of the scope, each team and each manager, and audits it", async () => {
    await ctx.db.update(teams).set({ name: '=HYPERLINK("http://x")' }).where(eq(teams.name, "Team Austin"));
    signInAs(id("hr"));
    const res = await outcomesCsv(new NextRequest("http://localhost/api/v1/export/outcomes.csv?cycle=2026-Q1"));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="keeper-outcomes-2026-Q1.csv"');
    const lines = (await res.text())
      .replace(/^\uFEFF/, "")
      .trimEnd()
      .split("\r\n");
    expect(lines[0].startsWith("Cycle,Group,Name,Fight hard answers,")).toBe(true);
    expect(lines).toHaveLength(1 + 1 + 3 + 4); // header, scope, three teams, four managers (the director answered about team managers)
    expect(lines[1].startsWith("2026-Q1,All in scope,Organisation,")).toBe(true);
    expect(lines.some((l) => l.includes(`Team,"'=HYPERLINK(""http://x"")"`))).toBe(true);
    expect(lines[1].split(",").filter((c) => c === "not yet known")).toHaveLength(1);
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.action, "export.outcomes"))).toHaveLength(1);
    signInAs(id("liam"));
    expect((await outcomesCsv(new NextRequest("http://localhost/api/v1/export/outcomes.csv?cycle=2026-Q1"))).status).toBe(404);
  });
});
