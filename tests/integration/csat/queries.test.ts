import { beforeEach, describe, expect, it } from "vitest";
import { useFreshDb } from "@/tests/helpers/db";
import { agentCsatTrend, csatReport, organisationCsat, recentComments } from "@/lib/csat/queries";
import { importCsat } from "@/lib/importers/csat/run-import";
import { all, fixture, importSampleOrg, importText, NOW, run } from "./helpers";

const ctx = useFreshDb();
const idOf = async (email: string) => (await all<{ id: number }>(ctx.db, "SELECT id FROM employees WHERE email = ?", email))[0].id;

/** `n` generic CSV responses for one agent, the first `satisfied` of them satisfied. */
function responses(email: string, n: number, satisfied: number, at: string, comment = ""): string {
  const rows = Array.from({ length: n }, (_, i) => `${email}-${at}-${i},${email},${i < satisfied ? 5 : 1},5,${at},"${comment}"`);
  return ["response_id,agent_email,rating,scale_max,responded_at,comment", ...rows].join("\n");
}

beforeEach(async () => {
  await importSampleOrg();
  await importCsat({
    inputs: ["zendesk.json", "freshdesk.json", "intercom.json", "helpscout.json", "chatwoot.json", "generic.csv"].map((name) => ({
      name,
      text: fixture(name),
    })),
    via: "cli",
    now: NOW,
  });
});

describe("csatReport", () => {
  it("lists every agent with responses in the quarter, from the rollups", async () => {
    const report = await csatReport({ quarter: "2026-Q3" });
    expect(report.quarter).toBe("2026-Q3");
    // 15 responses, 14 credited (assignee 999 is nobody), 7 of those satisfied.
    expect(report.organisation).toMatchObject({ responses: 14, satisfied: 7, csat: 0.5, tooFew: false });
    expect(report.agents.map((a) => [a.email, a.name, a.team, a.responses, a.satisfied, a.tooFew])).toEqual([
      ["kim@sample.keeper.test", "Kim Vo", "Sample", 6, 6, true],
      ["raj@sample.keeper.test", "Raj Mehta", "Sample", 8, 1, true],
    ]);
    expect(report.agents[0].ci95).toEqual([expect.closeTo(0.6097, 4), 1]);
    expect(report.team).toBeUndefined();
  });

  it("filters by team while keeping the organisation figure whole", async () => {
    const now = await importText("other.csv", responses("lead@sample.keeper.test", 12, 9, "2026-08-01T00:00:00Z"));
    expect(now.imported).toBe(12);
    await run(
      ctx.db,
      "INSERT INTO teams (name) VALUES ('Leads'); UPDATE employees SET team_id = (SELECT id FROM teams WHERE name = 'Leads') WHERE email LIKE 'lead@%'",
    );
    const report = await csatReport({ quarter: "2026-Q3", team: "Leads" });
    expect(report.agents.map((a) => [a.email, a.csat, a.tooFew])).toEqual([["lead@sample.keeper.test", 0.75, false]]);
    expect(report.team).toMatchObject({ name: "Leads", responses: 12, satisfied: 9 });
    expect(report.organisation).toMatchObject({ responses: 26, satisfied: 16 });
  });

  it("is empty for a quarter without responses, and refuses bad input", async () => {
    expect(await csatReport({ quarter: "2026-Q1" })).toEqual({
      quarter: "2026-Q1",
      organisation: { responses: 0, satisfied: 0, csat: null, ci95: null, tooFew: true },
      agents: [],
    });
    await expect(csatReport({ quarter: "2026-Q5" })).rejects.toThrow(RangeError);
    await expect(csatReport({ quarter: "2026-Q3", team: "Nope" })).rejects.toThrow("No team named 'Nope'");
  });
});

describe("agentCsatTrend and organisationCsat", () => {
  it("gives one figure per quarter asked for, zero where there is none", async () => {
    await importText("q2.csv", responses("kim@sample.keeper.test", 10, 9, "2026-05-01T00:00:00Z"));
    const trend = await agentCsatTrend(await idOf("kim@sample.keeper.test"), ["2026-Q1", "2026-Q2", "2026-Q3"]);
    expect(trend.map((t) => [t.quarter, t.responses, t.satisfied, t.csat, t.tooFew])).toEqual([
      ["2026-Q1", 0, 0, null, true],
      ["2026-Q2", 10, 9, 0.9, false],
      ["2026-Q3", 6, 6, 1, true],
    ]);
    expect(await organisationCsat("2026-Q2")).toMatchObject({ responses: 10, satisfied: 9, csat: 0.9 });
    expect(await agentCsatTrend(1, [])).toEqual([]);
  });
});

describe("recentComments", () => {
  it("returns the agent's non-empty comments, newest first, filtered", async () => {
    const kim = await idOf("kim@sample.keeper.test");
    const all = await recentComments(kim, { limit: 50 });
    expect(all.map((c) => c.comment)).toEqual([
      "quick and kind",
      "Great answer",
      "Quick, friendly",
      "Very helpful, thanks",
      "Kim was lovely",
      "Awesome support!",
    ]);
    expect(all[0]).toMatchObject({ source: "chatwoot", satisfied: true, quarter: "2026-Q3", ticketRef: "77" });
    const raj = await idOf("raj@sample.keeper.test");
    expect((await recentComments(raj, { sentiment: "negative" })).map((c) => c.comment)).toEqual([
      "no answer",
      "Did not fix it",
      "Rude",
      "Waited two days",
    ]);
    expect((await recentComments(raj, { sentiment: "positive" })).map((c) => c.comment)).toEqual(["Line one\nline two"]);
    expect((await recentComments(kim, { search: "QUICK" })).map((c) => c.comment)).toEqual(["quick and kind", "Quick, friendly"]);
    expect(await recentComments(kim, { limit: 2 })).toHaveLength(2);
    expect(await recentComments(kim, { quarter: "2026-Q2" })).toEqual([]);
  });

  it("searches for LIKE wildcards as plain text", async () => {
    await importText("pct.csv", responses("kim@sample.keeper.test", 1, 1, "2026-09-20T00:00:00Z", "100% sorted"));
    const kim = await idOf("kim@sample.keeper.test");
    expect((await recentComments(kim, { search: "100%" })).map((c) => c.comment)).toEqual(["100% sorted"]);
    expect(await recentComments(kim, { search: "%" })).toHaveLength(1);
    expect(await recentComments(kim, { search: "_" })).toEqual([]);
  });
});
