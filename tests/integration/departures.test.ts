import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq } from "drizzle-orm";
import { auditLog, cycleParticipants, cycles, departures, employees } from "@/db/schema";
import { getLeavers, getPersonDeparture, recordDeparture } from "@/lib/dal/departures";
import { getViewer } from "@/lib/dal/session";
import { importOrg } from "@/lib/importers/org-import";
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
const q4 = async () => (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!.id;
const inQ4 = async (employeeId: number) =>
  (
    await ctx.db
      .select()
      .from(cycleParticipants)
      .where(and(eq(cycleParticipants.cycleId, await q4()), eq(cycleParticipants.employeeId, employeeId)))
  )[0] !== undefined;

describe("recording a departure", () => {
  it("deactivates the person, keeps their history, and takes them out of the open cycle only when nobody started their review", async () => {
    const liam = id("liam"); // Liam's Q4 review is a draft: he stays in Q4.
    const ava = id("ava"); // Ava's Q4 review is not started: she leaves Q4.
    signInAs(id("hr"));
    expect(await recordDeparture({ employeeId: liam, leftAt: "2026-12-01", leaveType: "voluntary", regretted: "yes" }, NOW)).toMatchObject({
      ok: true,
    });
    expect(await recordDeparture({ employeeId: ava, leftAt: "2026-12-05", leaveType: "involuntary", regretted: "no" }, NOW)).toMatchObject({
      ok: true,
    });
    expect(await inQ4(liam)).toBe(true);
    expect(await inQ4(ava)).toBe(false);
    const avaRow = (await ctx.db.select().from(employees).where(eq(employees.id, ava)))[0]!;
    expect(avaRow.active).toBe(false);
    expect((await ctx.db.select().from(departures).where(eq(departures.employeeId, ava)))[0]).toMatchObject({
      leftAt: "2026-12-05",
      leaveType: "involuntary",
      regretted: false,
      source: "hr",
      recordedBy: id("hr"),
    });
    const person = await getPersonDeparture(ava);
    expect(person?.cycles).toEqual(["2026-Q1", "2026-Q2", "2026-Q3"]);
    const audit = await ctx.db.select().from(auditLog).where(eq(auditLog.action, "employee.departure"));
    expect(audit.map((a) => a.detail)).toEqual([
      { leftAt: "2026-12-01", leaveType: "voluntary", regretted: true, leftOpenCycles: [] },
      { leftAt: "2026-12-05", leaveType: "involuntary", regretted: false, leftOpenCycles: [await q4()] },
    ]);
    // A leaver cannot sign in: the session no longer resolves to them.
    signInAs(ava);
    expect(await getViewer()).toBeNull();
  });

  it("returns a typed error per field and saves nothing for bad input", async () => {
    signInAs(id("hr"));
    const liam = id("liam");
    expect(await recordDeparture({ employeeId: liam, leftAt: "2026-02-30" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { leftAt: expect.stringContaining("date"), leaveType: expect.any(String), regretted: expect.any(String) },
    });
    expect(await recordDeparture({ employeeId: liam, leftAt: "2027-01-10", leaveType: "voluntary", regretted: "no" }, NOW)).toMatchObject({
      ok: false,
      fieldErrors: { leftAt: expect.stringContaining("future") },
    });
    expect((await ctx.db.select().from(departures).where(eq(departures.employeeId, liam)))[0]).toBeUndefined();
    expect((await ctx.db.select().from(employees).where(eq(employees.id, liam)))[0]!.active).toBe(true);
  });

  it("is HR's only, and denials are audited", async () => {
    for (const who of ["mia", "director", "ava"]) {
      signInAs(id(who));
      expect(
        await recordDeparture({ employeeId: id("liam"), leftAt: "2026-12-01", leaveType: "voluntary", regretted: "yes" }, NOW),
      ).toMatchObject({ ok: false });
      expect(await getLeavers()).toBeNull();
      expect(await getPersonDeparture(id("liam"))).toBeNull();
    }
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).toHaveLength(9);
    expect(
      (
        await ctx.db
          .select()
          .from(employees)
          .where(eq(employees.id, id("liam")))
      )[0]!.active,
    ).toBe(true);
  });

  it("lists people deactivated without details (as SCIM leaves them) until HR fills the details in", async () => {
    signInAs(id("hr"));
    const before = (await getLeavers())!;
    expect(before.awaitingDetails.map((p) => p.email)).toEqual(["viktor.stahl@demo.keeper.test"]);
    await ctx.db
      .update(employees)
      .set({ active: false, updatedAt: NOW })
      .where(eq(employees.id, id("liam")));
    const listed = (await getLeavers())!;
    expect(listed.awaitingDetails.map((p) => p.email)).toEqual(["liam@demo.keeper.test", "viktor.stahl@demo.keeper.test"]);
    expect(
      await recordDeparture({ employeeId: id("liam"), leftAt: "2026-11-30", leaveType: "voluntary", regretted: "no" }, NOW),
    ).toMatchObject({ ok: true });
    const after = (await getLeavers())!;
    expect(after.awaitingDetails.map((p) => p.email)).toEqual(["viktor.stahl@demo.keeper.test"]);
    expect(after.recent[0]).toMatchObject({ email: "liam@demo.keeper.test", leftAt: "2026-11-30", regretted: false });
    expect((await getLeavers("walker"))!.matches!.map((p) => p.email)).toEqual(["liam@demo.keeper.test"]);
  });
});

describe("the org CSV's left_at, leave_type and regretted columns", () => {
  const header = "email,name,manager_email,team,title,role,left_at,leave_type,regretted";

  it("records departures and deactivates the people", async () => {
    const csv = `${header}\nava@demo.keeper.test,Ava Thompson,mia@demo.keeper.test,Team Portland,Customer Support Agent,agent,2026-11-28,voluntary,yes\nliam@demo.keeper.test,Liam Walker,noah@demo.keeper.test,Team Denver,Customer Support Agent,agent,,,\n`;
    const report = await importOrg(csv, { now: NOW });
    expect(report).toMatchObject({ ok: true, departures: 1 });
    expect(
      (
        await ctx.db
          .select()
          .from(departures)
          .where(eq(departures.employeeId, id("ava")))
      )[0],
    ).toMatchObject({ leftAt: "2026-11-28", leaveType: "voluntary", regretted: true, source: "import" });
    expect(
      (
        await ctx.db
          .select()
          .from(employees)
          .where(eq(employees.id, id("ava")))
      )[0]!.active,
    ).toBe(false);
    expect(
      (
        await ctx.db
          .select()
          .from(employees)
          .where(eq(employees.id, id("liam")))
      )[0]!.active,
    ).toBe(true);
    expect(await inQ4(id("ava"))).toBe(false);
    // The same file again changes nothing.
    expect(await importOrg(csv, { now: NOW })).toMatchObject({ ok: true, departures: 0, updated: 0 });
  });

  it("refuses the whole file with the line named when a departure is incomplete or wrong", async () => {
    const csv = [
      header,
      "ava@demo.keeper.test,Ava Thompson,mia@demo.keeper.test,Team Portland,Agent,agent,2026-11-28,,yes",
      "liam@demo.keeper.test,Liam Walker,noah@demo.keeper.test,Team Denver,Agent,agent,,voluntary,",
      "mia@demo.keeper.test,Mia Chen,director@demo.keeper.test,Team Portland,Team Manager,manager,2027-01-01,voluntary,no",
      "noah@demo.keeper.test,Noah Park,director@demo.keeper.test,Team Denver,Team Manager,manager,2026-11-01,voluntary,maybe",
    ].join("\n");
    const report = await importOrg(csv, { now: NOW });
    expect(report.ok).toBe(false);
    if (report.ok) return;
    expect(report.problems.map((p) => `${p.line}: ${p.message}`)).toEqual([
      "2: leave_type '' is not one of voluntary, involuntary",
      "3: leave_type and regretted need a left_at date",
      "4: left_at 2027-01-01 is in the future; import the departure on or after the last day",
      "5: regretted 'maybe' is not yes or no",
    ]);
    expect(await ctx.db.select().from(departures)).toHaveLength(10);
  });
});

describe("the people search", () => {
  it("matches names and emails as text, not patterns", async () => {
    signInAs(idOf(ctx.db, "hr"));
    expect((await getLeavers("%"))!.matches).toEqual([]);
    expect((await getLeavers("_"))!.matches).toEqual([]);
    expect((await getLeavers("AVA@"))!.matches!.map((p) => p.email)).toEqual(["ava@demo.keeper.test"]);
  });
});
