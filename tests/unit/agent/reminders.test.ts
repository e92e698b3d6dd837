import { describe, expect, it } from "vitest";
import { daysBetween, groupByReviewer, reminderKind, reminderMessage, remindersFor, utcDay, type ReviewDue } from "@/lib/domain/reminders";

const reviews: ReviewDue[] = [
  { employeeId: 1, employeeName: "Ava Thompson", reviewerId: 10, status: "not_started" },
  { employeeId: 2, employeeName: "Ben Ode", reviewerId: 10, status: "draft" },
  { employeeId: 3, employeeName: "Cleo Park", reviewerId: 10, status: "submitted" },
  { employeeId: 4, employeeName: "Dan Ruiz", reviewerId: 11, status: "draft" },
];
const open = { state: "open", dueDate: "2026-12-15" };

describe("which reminder a day gets", () => {
  it("is due_soon from 7 days before the due date through the due date, overdue after, nothing earlier", () => {
    expect(reminderKind("2026-12-15", "2026-12-07")).toBeNull();
    expect(reminderKind("2026-12-15", "2026-12-08")).toBe("due_soon");
    expect(reminderKind("2026-12-15", "2026-12-15")).toBe("due_soon");
    expect(reminderKind("2026-12-15", "2026-12-16")).toBe("overdue");
    expect(reminderKind("2026-12-15", "2027-02-01")).toBe("overdue");
  });

  it("counts whole UTC days, across month and year ends", () => {
    expect(daysBetween("2026-12-31", "2027-01-01")).toBe(1);
    expect(daysBetween("2027-01-01", "2026-12-31")).toBe(-1);
    expect(utcDay(Date.UTC(2026, 11, 14, 23, 59, 59))).toBe("2026-12-14");
    expect(utcDay(Date.UTC(2026, 11, 15, 0, 0, 0))).toBe("2026-12-15");
  });

  it("rejects a malformed due date instead of reminding every day", () => {
    expect(reminderKind("not a date", "2026-12-15")).toBeNull();
  });
});

describe("remindersFor", () => {
  it("reminds about every review not submitted, naming its reviewer", () => {
    const out = remindersFor({ cycle: open, day: "2026-12-10", reviews, alreadyReminded: new Set() });
    expect(out.map((r) => [r.employeeId, r.reviewerId, r.kind])).toEqual([
      [1, 10, "due_soon"],
      [2, 10, "due_soon"],
      [4, 11, "due_soon"],
    ]);
  });

  it("skips reviews already reminded about that day", () => {
    const out = remindersFor({ cycle: open, day: "2026-12-20", reviews, alreadyReminded: new Set([1, 4]) });
    expect(out).toEqual([{ employeeId: 2, employeeName: "Ben Ode", reviewerId: 10, kind: "overdue" }]);
  });

  it("sends nothing for a cycle that is not open, has no due date, or is far from due", () => {
    expect(
      remindersFor({ cycle: { state: "calibration", dueDate: "2026-12-15" }, day: "2026-12-20", reviews, alreadyReminded: new Set() }),
    ).toEqual([]);
    expect(remindersFor({ cycle: { state: "open", dueDate: null }, day: "2026-12-20", reviews, alreadyReminded: new Set() })).toEqual([]);
    expect(remindersFor({ cycle: open, day: "2026-11-22", reviews, alreadyReminded: new Set() })).toEqual([]);
  });
});

describe("reminder messages", () => {
  it("groups one message per reviewer and names the people, sorted", () => {
    const out = remindersFor({ cycle: open, day: "2026-12-14", reviews, alreadyReminded: new Set() });
    const grouped = groupByReviewer(out);
    expect([...grouped.keys()]).toEqual([10, 11]);
    const msg = reminderMessage("2026-Q4", "2026-12-15", "2026-12-14", grouped.get(10)!);
    expect(msg.title).toBe("2 reviews due tomorrow in 2026-Q4");
    expect(msg.body).toContain("Ava Thompson and Ben Ode");
  });

  it("says how late an overdue review is", () => {
    const one = remindersFor({ cycle: open, day: "2026-12-18", reviews: [reviews[3]], alreadyReminded: new Set() });
    const msg = reminderMessage("2026-Q4", "2026-12-15", "2026-12-18", one);
    expect(msg.title).toBe("1 review overdue in 2026-Q4");
    expect(msg.body).toContain("3 days ago");
    expect(reminderMessage("2026-Q4", "2026-12-15", "2026-12-15", one).title).toBe("1 review due today in 2026-Q4");
  });
});
