import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { auditLog, cycles, reviews } from "@/db/schema";
import { GET } from "@/app/api/v1/talent/route";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

interface TalentJson {
  cycle: string;
  organisation: { csat: number; ci95: [number, number]; keeperRate: number };
  teams: {
    team: string;
    manager: { id: number; email: string; name: string };
    headcount: number;
    completion: { notStarted: number; draft: number; submitted: number };
    keeperRate: number | null;
    distribution: Record<string, number>;
    csat: number | null;
    ci95: [number, number] | null;
    grid: { keeper: string; band: string; employees: { id: number; email: string; name: string }[] }[];
    flags: { employeeId: number; kind: string; detail: string }[];
  }[];
}

async function get(local: string | null, query: string) {
  signInAs(local === null ? null : idOf(ctx.db, local));
  const res = await GET(new NextRequest(`http://localhost/api/v1/talent${query}`));
  return { status: res.status, body: (await res.json()) as TalentJson & { error?: string } };
}

const teamsOf = (body: TalentJson) => body.teams.map((t) => t.team);

async function deniedCount(): Promise<number> {
  return (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).length;
}

describe("GET /api/v1/talent", () => {
  it("needs a session and a cycle", async () => {
    expect((await get(null, "?cycle=2026-Q3")).status).toBe(401);
    expect((await get("hr", "")).status).toBe(400);
    expect((await get("hr", "?cycle=2026-13")).status).toBe(400);
    expect((await get("hr", "?cycle=2031-Q1")).status).toBe(404);
  });

  it("gives HR every team in the documented shape", async () => {
    const { status, body } = await get("hr", "?cycle=2026-Q3");
    expect(status).toBe(200);
    expect(body.cycle).toBe("2026-Q3");
    expect(body.organisation.csat).toBeGreaterThan(0);
    expect(body.organisation.ci95[0]).toBeLessThan(body.organisation.csat);
    expect(body.organisation.ci95[1]).toBeGreaterThan(body.organisation.csat);
    expect(body.organisation.keeperRate).toBeGreaterThan(0);
    expect(teamsOf(body)).toEqual(["Team Austin", "Team Denver", "Team Portland"]);
    const portland = body.teams[2];
    expect(portland.manager).toEqual({ id: idOf(ctx.db, "mia"), email: "mia@demo.keeper.test", name: "Mia Chen" });
    expect(Object.keys(portland)).toEqual(
      expect.arrayContaining(["headcount", "completion", "keeperRate", "distribution", "csat", "ci95", "grid", "flags"]),
    );
    expect(Object.keys(portland.distribution).sort()).toEqual(["fight_hard", "keep", "let_go", "unsure"]);
    for (const team of body.teams) {
      expect(team.grid).toHaveLength(16);
      const inGrid = team.grid.flatMap((c) => c.employees);
      expect(inGrid).toHaveLength(team.completion.submitted);
      expect(team.completion.notStarted + team.completion.draft + team.completion.submitted).toBe(team.headcount);
    }
    const ava = portland.grid.flatMap((c) => c.employees).find((e) => e.email === "ava@demo.keeper.test");
    expect(ava).toEqual({ id: idOf(ctx.db, "ava"), email: "ava@demo.keeper.test", name: "Ava Thompson" });
  });

  it("filters by team name", async () => {
    const { status, body } = await get("hr", "?cycle=2026-Q3&team=Team%20Denver");
    expect(status).toBe(200);
    expect(teamsOf(body)).toEqual(["Team Denver"]);
    expect((await get("hr", "?cycle=2026-Q3&team=Team%20Nowhere")).status).toBe(404);
  });

  it("gives mia only Team Portland, and 404 for another team", async () => {
    const { body } = await get("mia", "?cycle=2026-Q3");
    expect(teamsOf(body)).toEqual(["Team Portland"]);
    expect(body.teams[0].grid.flatMap((c) => c.employees).map((e) => e.email)).not.toContain("mia@demo.keeper.test");
    expect((await get("mia", "?cycle=2026-Q3&team=Team%20Portland")).status).toBe(200);
    expect((await get("mia", "?cycle=2026-Q3&team=Team%20Denver")).status).toBe(404);
  });

  it("gives the director all three teams under him", async () => {
    const { body } = await get("director", "?cycle=2026-Q3");
    expect(teamsOf(body)).toEqual(["Team Austin", "Team Denver", "Team Portland"]);
    const hr = await get("hr", "?cycle=2026-Q3");
    expect(body.teams).toEqual(hr.body.teams);
  });

  it("answers 404 to noah for Team Portland and shows him only his own team", async () => {
    const before = await deniedCount();
    expect((await get("noah", "?cycle=2026-Q3&team=Team%20Portland")).status).toBe(404);
    expect(await deniedCount()).toBe(before + 1);
    const { body } = await get("noah", "?cycle=2026-Q3");
    expect(teamsOf(body)).toEqual(["Team Denver"]);
  });

  it("answers 404 to agents, with or without a team, and audits it", async () => {
    const before = await deniedCount();
    for (const agent of ["ava", "liam"]) {
      const { status, body } = await get(agent, "?cycle=2026-Q3");
      expect(status).toBe(404);
      expect(body).toEqual({ error: "not_found" });
      expect((await get(agent, "?cycle=2026-Q3&team=Team%20Portland")).status).toBe(404);
    }
    expect(await deniedCount()).toBe(before + 4);
  });
});

describe("GET /api/v1/talent, reused until the next write", () => {
  const gridOf = (body: TalentJson, email: string) =>
    body.teams.flatMap((t) => t.grid).find((cell) => cell.employees.some((e) => e.email === email))?.keeper;

  it("never hands one viewer's scope to another", async () => {
    const all = teamsOf((await get("hr", "?cycle=2026-Q3")).body);
    expect(teamsOf((await get("mia", "?cycle=2026-Q3")).body)).toEqual(["Team Portland"]);
    expect(teamsOf((await get("noah", "?cycle=2026-Q3")).body)).toEqual(["Team Denver"]);
    expect(teamsOf((await get("hr", "?cycle=2026-Q3")).body)).toEqual(all);
    expect(all.length).toBeGreaterThan(2);
  });

  it("sends the whole memoised body to every caller, byte for byte", async () => {
    // The body is one shared buffer handed to each response's stream: reading one response must
    // not consume, detach or change it for the next.
    signInAs(idOf(ctx.db, "hr"));
    const read = async () => {
      const res = await GET(new NextRequest("http://localhost/api/v1/talent?cycle=2026-Q3"));
      expect(res.headers.get("content-type")).toBe("application/json; charset=utf-8");
      return new Uint8Array(await res.arrayBuffer());
    };
    const first = await read();
    const second = await read();
    expect(first.byteLength).toBeGreaterThan(1000);
    expect(second).toEqual(first);
    expect(JSON.parse(new TextDecoder().decode(second)).cycle).toBe("2026-Q3");
  });

  it("shows a change made after the first answer", async () => {
    const before = (await get("hr", "?cycle=2026-Q3")).body;
    const answer = gridOf(before, "ava@demo.keeper.test");
    expect(answer).toBeDefined();
    const changed = answer === "let_go" ? "fight_hard" : "let_go";
    const q3 = (await ctx.db.select({ id: cycles.id }).from(cycles).where(eq(cycles.key, "2026-Q3")))[0]!.id;
    await ctx.db
      .update(reviews)
      .set({ keeperAnswer: changed })
      .where(and(eq(reviews.cycleId, q3), eq(reviews.employeeId, idOf(ctx.db, "ava"))));
    expect(gridOf((await get("hr", "?cycle=2026-Q3")).body, "ava@demo.keeper.test")).toBe(changed);
  });

  it("audits a denied team every time", async () => {
    const before = await deniedCount();
    await get("mia", "?cycle=2026-Q3&team=Team%20Denver");
    await get("mia", "?cycle=2026-Q3&team=Team%20Denver");
    expect(await deniedCount()).toBe(before + 2);
  });
});
