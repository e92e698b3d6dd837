import { describe, expect, it } from "vitest";
import { departureSchema, isCalendarDate, leaveDateProblem, parseDepartureColumns } from "@/lib/domain/departures";
import { asksForFollowUp, followUpSchema } from "@/lib/domain/follow-ups";
import { followUpMessage, followUpRemindersFor, type FollowUpDue } from "@/lib/domain/reminders";

const TODAY = "2026-12-06";

describe("departure rules", () => {
  it("takes real past dates only", () => {
    expect(isCalendarDate("2026-02-28")).toBe(true);
    expect(isCalendarDate("2026-02-30")).toBe(false);
    expect(leaveDateProblem("2026-12-06", TODAY)).toBeNull();
    expect(leaveDateProblem("2026-12-07", TODAY)).toMatch(/future/);
  });

  it("parses the HR form with one message per field", () => {
    expect(departureSchema(TODAY).parse({ employeeId: "7", leftAt: "2026-11-30", leaveType: "voluntary", regretted: "yes" })).toEqual({
      employeeId: 7,
      leftAt: "2026-11-30",
      leaveType: "voluntary",
      regretted: true,
    });
    const bad = departureSchema(TODAY).safeParse({ employeeId: "7", leftAt: "", leaveType: "quit" });
    expect(bad.success).toBe(false);
    expect(bad.error!.issues.map((i) => i.path[0])).toEqual(["leftAt", "leaveType", "regretted"]);
  });

  it("reads the org CSV columns: all blank, or all three", () => {
    expect(parseDepartureColumns("", "", "", TODAY)).toEqual({ ok: true, value: null });
    expect(parseDepartureColumns("2026-10-31", "Involuntary", "No", TODAY)).toEqual({
      ok: true,
      value: { leftAt: "2026-10-31", leaveType: "involuntary", regretted: false },
    });
    expect(parseDepartureColumns("2026-10-31", "voluntary", "TRUE", TODAY)).toMatchObject({ ok: true, value: { regretted: true } });
    expect(parseDepartureColumns("", "voluntary", "", TODAY)).toEqual({
      ok: false,
      message: "leave_type and regretted need a left_at date",
    });
    expect(parseDepartureColumns("31/10/2026", "voluntary", "yes", TODAY)).toMatchObject({
      ok: false,
      message: expect.stringContaining("not a date"),
    });
  });
});

describe("follow-up rules", () => {
  it("asks only for unsure and let_go answers of released or closed cycles", () => {
    expect(asksForFollowUp("let_go", "released")).toBe(true);
    expect(asksForFollowUp("unsure", "closed")).toBe(true);
    expect(asksForFollowUp("unsure", "calibration")).toBe(false);
    expect(asksForFollowUp("keep", "released")).toBe(false);
    expect(asksForFollowUp(null, "released")).toBe(false);
  });

  it("needs a review date after the start for an improvement plan, and no future date except for a separation", () => {
    const schema = followUpSchema(TODAY);
    const base = { reviewId: 1, happenedOn: "2026-12-01", reviewOn: "", note: "" };
    expect(schema.parse({ ...base, kind: "conversation", reviewOn: "2027-01-01" })).toMatchObject({ kind: "conversation", reviewOn: null });
    expect(schema.safeParse({ ...base, kind: "improvement_plan" }).error!.issues[0]).toMatchObject({
      path: ["reviewOn"],
      message: "An improvement plan needs a review date.",
    });
    expect(schema.safeParse({ ...base, kind: "improvement_plan", reviewOn: "2026-12-01" }).error!.issues[0].message).toBe(
      "The review date comes after the plan starts.",
    );
    expect(schema.safeParse({ ...base, kind: "conversation", happenedOn: "2026-12-24" }).error!.issues[0].path).toEqual(["happenedOn"]);
    expect(schema.parse({ ...base, kind: "separation", happenedOn: "2027-01-31" })).toMatchObject({ happenedOn: "2027-01-31" });
  });

  it("reminds about a missing follow-up at most once a week", () => {
    const due = (lastReminded: string | null): FollowUpDue => ({
      cycleId: 1,
      cycleKey: "2026-Q3",
      employeeId: 2,
      employeeName: "Ava Thompson",
      managerId: 3,
      lastReminded,
    });
    expect(followUpRemindersFor(TODAY, [due(null)])).toHaveLength(1);
    expect(followUpRemindersFor(TODAY, [due("2026-11-30")])).toHaveLength(0);
    expect(followUpRemindersFor(TODAY, [due("2026-11-29")])).toHaveLength(1);
    expect(followUpMessage([due(null), { ...due(null), employeeName: "Liam Walker" }])).toEqual({
      title: "2 follow-ups to record",
      body: "The latest keeper answer for Ava Thompson (2026-Q3) and Liam Walker (2026-Q3) was unsure or let go. Record what happened next: a conversation, an improvement plan or a separation.",
    });
  });
});
