import { describe, expect, it } from "vitest";
import { useFreshDb } from "@/tests/helpers/db";
import { importOrg } from "@/lib/importers/org-import";
import { all, count, expectRollupsConsistent, fixture, importText, isPg, NOW, run } from "./helpers";

const ctx = useFreshDb();
const HEADER = "email,name,manager_email,team,title,role";

type Person = {
  email: string;
  name: string;
  title: string;
  role: string;
  team: string | null;
  manager: string | null;
  hired_at: string | null;
};
const people = () =>
  all<Person>(
    ctx.db,
    `SELECT e.email, e.name, e.title, e.role, t.name AS team, m.email AS manager, e.hired_at FROM employees e
     LEFT JOIN teams t ON t.id = e.team_id LEFT JOIN employees m ON m.id = e.manager_id ORDER BY e.email`,
  );

async function refused(text: string): Promise<string[]> {
  const before = { people: await people(), identities: await count(ctx.db, "identities"), teams: await count(ctx.db, "teams") };
  const report = await importOrg(text, { now: NOW });
  if (report.ok) throw new Error("expected the file to be refused");
  expect({ people: await people(), identities: await count(ctx.db, "identities"), teams: await count(ctx.db, "teams") }).toEqual(before);
  return report.problems.map((p) => `${p.line ?? "-"}: ${p.message}`);
}

describe("importOrg", () => {
  it("creates employees, teams, managers and helpdesk ids from the sample", async () => {
    const report = await importOrg(fixture("org.csv"), { now: NOW });
    expect(report).toEqual({
      ok: true,
      rowsRead: 3,
      created: 3,
      updated: 0,
      unchanged: 0,
      teamsCreated: 1,
      identitiesMoved: 0,
      rematched: 0,
      departures: 0,
    });
    expect(await people()).toEqual([
      {
        email: "kim@sample.keeper.test",
        name: "Kim Vo",
        title: "Support Agent",
        role: "agent",
        team: "Sample",
        manager: "lead@sample.keeper.test",
        hired_at: null,
      },
      {
        email: "lead@sample.keeper.test",
        name: "Sam Lead",
        title: "Team Lead",
        role: "manager",
        team: "Sample",
        manager: null,
        hired_at: null,
      },
      {
        email: "raj@sample.keeper.test",
        name: "Raj Mehta",
        title: "Support Agent",
        role: "agent",
        team: "Sample",
        manager: "lead@sample.keeper.test",
        hired_at: null,
      },
    ]);
    expect(
      await all(
        ctx.db,
        "SELECT source, external_id FROM identities i JOIN employees e ON e.id = i.employee_id WHERE e.email LIKE 'kim%' ORDER BY source",
      ),
    ).toEqual([
      { source: "chatwoot", external_id: "12" },
      { source: "freshdesk", external_id: "42001" },
      { source: "helpscout", external_id: "811" },
      { source: "intercom", external_id: "7b1f" },
      { source: "zendesk", external_id: "361" },
    ]);
  });

  it("reports unchanged and updated rows on a second import, leaving passwords alone", async () => {
    await importOrg(fixture("org.csv"), { now: NOW });
    await run(ctx.db, "UPDATE employees SET password_hash = 'secret-hash' WHERE email = 'raj@sample.keeper.test'");
    expect(await importOrg(fixture("org.csv"), { now: NOW })).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 3 });
    const edited = fixture("org.csv").replace(
      "Raj Mehta,lead@sample.keeper.test,Sample,Support Agent",
      "Raj Mehta,lead@sample.keeper.test,Denver,Senior Agent",
    );
    const report = await importOrg(`${edited.trimEnd()}\nNew@Sample.Keeper.Test,New Person,KIM@sample.keeper.test,,,agent,,,,,\n`, {
      now: NOW,
    });
    expect(report).toMatchObject({ ok: true, created: 1, updated: 1, unchanged: 2, teamsCreated: 1 });
    expect((await people()).find((p) => p.email === "raj@sample.keeper.test")).toMatchObject({ title: "Senior Agent", team: "Denver" });
    expect((await people()).find((p) => p.email === "new@sample.keeper.test")).toMatchObject({
      manager: "kim@sample.keeper.test",
      team: null,
    });
    expect(await all(ctx.db, "SELECT password_hash FROM employees WHERE email = 'raj@sample.keeper.test'")).toEqual([
      { password_hash: "secret-hash" },
    ]);
  });

  it("refuses a reporting loop inside the file, naming its lines", async () => {
    const problems = await refused(
      `${HEADER}\na@x.test,A,b@x.test,,,agent\nb@x.test,B,c@x.test,,,agent\nc@x.test,C,a@x.test,,,manager\nd@x.test,D,,,,hr\n`,
    );
    expect(problems).toEqual(["2: reporting loop a@x.test → b@x.test → c@x.test → a@x.test (lines 2, 3, 4)"]);
    expect(await count(ctx.db, "employees")).toBe(0);
  });

  it("refuses a loop closed through someone already in Keeper, and managing oneself", async () => {
    await importOrg(`${HEADER}\nboss@x.test,Boss,,,,manager\nmid@x.test,Mid,boss@x.test,,,manager\n`, { now: NOW });
    expect(await refused(`${HEADER}\nboss@x.test,Boss,mid@x.test,,,manager\n`)).toEqual([
      "2: reporting loop boss@x.test → mid@x.test → boss@x.test (lines 2)",
    ]);
    expect(await refused(`${HEADER}\nme@x.test,Me,ME@x.test,,,agent\n`)).toEqual(["2: reporting loop me@x.test → me@x.test (lines 2)"]);
  });

  it("refuses a manager who is neither in the file nor in Keeper", async () => {
    expect(await refused(`${HEADER}\na@x.test,A,,,,manager\nb@x.test,B,nobody@x.test,,,agent\n`)).toEqual([
      "3: manager_email nobody@x.test is neither in this file nor in Keeper",
    ]);
  });

  it("refuses invalid rows, listing every problem", async () => {
    const text = [
      `${HEADER},zendesk_id,hired_at`,
      "a@x.test,A,,,,agent,1,2024-02-29",
      "not-an-email,B,,,,agent,,",
      "c@x.test,,,,,agent,,",
      "d@x.test,D,,,,boss,,",
      "A@x.test,A again,,,,agent,,",
      "e@x.test,E,,,,agent,1,",
      "g@x.test,G,,,,agent,,2024-02-30",
      "f@x.test,F,,,,agent",
    ].join("\n");
    expect(await refused(text)).toEqual([
      "3: email 'not-an-email' is not an email address",
      "4: name is missing",
      "5: role 'boss' is not one of agent, manager, hr, admin",
      "6: a@x.test is already on line 2",
      "7: zendesk id 1 is already given to line 2",
      "8: hired_at '2024-02-30' is not a date (YYYY-MM-DD)",
      "9: has 6 fields; the header has 8",
    ]);
  });

  it("refuses a file without the required columns, or not UTF-8", async () => {
    expect(await refused("email,name\na@x.test,A\n")).toEqual(["1: header is missing columns manager_email, team, title, role"]);
    const report = await importOrg(Buffer.from(`${HEADER}\nz@x.test,Zo\xeb,,,,agent\n`, "latin1"));
    expect(report).toEqual({ ok: false, rowsRead: 0, problems: [{ line: null, message: "the file is not UTF-8 text" }] });
  });

  it("finds waiting responses through the partial index, and a moved id's through its previous owner", async () => {
    if (isPg(ctx.db)) {
      // The same indexes on PostgreSQL (whose planner picks them by table size, not on a test's few rows).
      const defs = await all<{ name: string; sql: string }>(
        ctx.db,
        "SELECT indexname AS name, indexdef AS sql FROM pg_indexes WHERE tablename = 'csat_responses' ORDER BY indexname",
      );
      expect(defs.find((d) => d.name === "csat_responses_agent_external_idx")?.sql).toMatch(
        /\(source, agent_external_id\) WHERE \(employee_id IS NULL\)$/,
      );
      expect(defs.find((d) => d.name === "csat_responses_employee_quarter_idx")?.sql).toMatch(/\(employee_id, quarter, rated_at\)$/);
      expect(defs.find((d) => d.name === "csat_responses_quarter_idx")).toBeUndefined();
      return;
    }
    const plan = async (sql: string) =>
      (
        await all<{ detail: string }>(
          ctx.db,
          `EXPLAIN QUERY PLAN ${sql}`,
          ...sql
            .split("?")
            .slice(1)
            .map(() => 1),
        )
      )
        .map((r) => r.detail)
        .join("; ");
    expect(
      await plan("UPDATE csat_responses SET employee_id = ? WHERE source = ? AND agent_external_id = ? AND employee_id IS NULL"),
    ).toMatch(/USING INDEX csat_responses_agent_external_idx/);
    expect(await plan("UPDATE csat_responses SET employee_id = ? WHERE employee_id = ? AND source = ? AND agent_external_id = ?")).toMatch(
      /USING INDEX csat_responses_employee_quarter_idx/,
    );
    const definition = (
      await all<{ sql: string }>(ctx.db, "SELECT sql FROM sqlite_master WHERE name = 'csat_responses_agent_external_idx'")
    )[0].sql;
    expect(definition).toMatch(/WHERE .*employee_id.* IS NULL$/);
    expect(await all(ctx.db, "SELECT name FROM sqlite_master WHERE name = 'csat_responses_quarter_idx'")).toEqual([]);
  });

  it("credits waiting CSAT responses to agents it adds, and moves them with a moved helpdesk id", async () => {
    await importText("zendesk.json", fixture("zendesk.json"));
    const first = await importOrg(fixture("org.csv"), { now: NOW });
    expect(first).toMatchObject({ ok: true, rematched: 2 });
    await expectRollupsConsistent(ctx.db);
    // Zendesk id 361 now belongs to Raj (a correction in the HR system).
    const moved = fixture("org.csv").replace(",361,", ",,").replace(",362,", ",361,");
    expect(await importOrg(moved, { now: NOW })).toMatchObject({ ok: true, identitiesMoved: 1, updated: 1 });
    const owner = await all(
      ctx.db,
      "SELECT e.email FROM csat_responses r JOIN employees e ON e.id = r.employee_id WHERE r.source_record_id = '35436'",
    );
    expect(owner).toEqual([{ email: "raj@sample.keeper.test" }]);
    await expectRollupsConsistent(ctx.db);
  });
});
