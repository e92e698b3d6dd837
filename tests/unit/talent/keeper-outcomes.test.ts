import { describe, expect, it } from "vitest";
import {
  addMonths,
  describeRate,
  laterQuarter,
  outcomeAnchor,
  outcomeFigures,
  outcomesBy,
  rate,
  windowEnd,
  type OutcomePerson,
} from "@/lib/domain/keeper-outcomes";

const person = (over: Partial<OutcomePerson>): OutcomePerson => ({
  answer: "fight_hard",
  leftAt: null,
  regretted: null,
  leftUndated: false,
  laterAnswer: null,
  laterResponses: 0,
  laterSatisfied: 0,
  ...over,
});

// 2026-Q1: answers date from 2026-04-01; the 6-month window ends 2026-10-01, the 12-month 2027-04-01.
const fightHard: OutcomePerson[] = [
  person({ leftAt: "2026-05-20", regretted: true }),
  person({ leftAt: "2026-09-30", regretted: true }), // last day inside the 6-month window
  person({ leftAt: "2026-07-01", regretted: false }),
  person({ leftAt: "2026-10-01", regretted: true }), // first day after it: within 12 months only
  person({ leftAt: "2027-04-01", regretted: true }), // first day after the 12-month window
  person({ leftUndated: true }), // deactivated, details awaited: out of every rate
  ...Array.from({ length: 6 }, () => person({})),
];
const doubts: OutcomePerson[] = [
  person({ answer: "let_go", leftAt: "2026-06-15", regretted: false }),
  person({ answer: "let_go", laterAnswer: "let_go", laterResponses: 10, laterSatisfied: 8 }),
  person({ answer: "unsure", laterAnswer: null, laterResponses: 10, laterSatisfied: 9 }),
  person({ answer: "unsure", leftUndated: true }),
  person({ answer: "keep" }), // neither group
];

describe("keeper outcome windows", () => {
  it("date a cycle's answers from the day after its quarter and count calendar months from there", () => {
    expect(outcomeAnchor("2026-Q1")).toBe("2026-04-01");
    expect(outcomeAnchor("2026-Q4")).toBe("2027-01-01");
    expect(windowEnd("2026-Q1", 6)).toBe("2026-10-01");
    expect(windowEnd("2026-Q3", 12)).toBe("2027-10-01");
    expect(addMonths("2026-11-01", 3)).toBe("2027-02-01");
    expect(laterQuarter("2026-Q1")).toBe("2026-Q3");
    expect(laterQuarter("2026-Q4")).toBe("2027-Q2");
  });
});

describe("outcomeFigures", () => {
  it("says 'not yet known' for windows that have not ended, never zero", () => {
    const f = outcomeFigures("2026-Q1", "2026-09-30", [...fightHard, ...doubts]);
    expect(f.fightHard.within[6]).toEqual({ known: false, knownFrom: "2026-10-01" });
    expect(f.fightHard.within[12]).toEqual({ known: false, knownFrom: "2027-04-01" });
    expect(f.doubt.afterTwoQuarters).toEqual({ known: false, knownFrom: "2026-10-01" });
    expect(f.fightHard).toMatchObject({ answered: 12, undated: 1 });
    expect(f.doubt).toMatchObject({ answered: 4, letGo: 2, unsure: 2, undated: 1 });
  });

  it("counts fight_hard leavers within 6 months, and how many were regretted, once the window has ended", () => {
    const f = outcomeFigures("2026-Q1", "2026-10-01", fightHard);
    const six = f.fightHard.within[6];
    if (!six.known) throw new Error("the 6-month window has ended");
    // 3 of the 11 with a known outcome left before 2026-10-01; 2 of those 3 were regretted.
    expect(six.left).toMatchObject({ count: 3, of: 11, small: false });
    expect(six.left.rate).toBeCloseTo(3 / 11, 12);
    // Wilson, z = 1.96: centre (3/11 + 1.9208/11) / (1 + 3.8416/11) = 0.33156, margin 0.23410.
    expect(six.left.ci95![0]).toBeCloseTo(0.0975, 3);
    expect(six.left.ci95![1]).toBeCloseTo(0.5657, 3);
    expect(six.regretted).toMatchObject({ count: 2, of: 3, small: true });
    expect(f.fightHard.within[12]).toEqual({ known: false, knownFrom: "2027-04-01" });
  });

  it("counts the 12-month window once it has ended", () => {
    const twelve = outcomeFigures("2026-Q1", "2027-04-01", fightHard).fightHard.within[12];
    if (!twelve.known) throw new Error("the 12-month window has ended");
    expect(twelve.left).toMatchObject({ count: 4, of: 11 });
    expect(twelve.regretted).toMatchObject({ count: 3, of: 4 });
  });

  it("follows let_go and unsure answers: who is still here after two quarters, their later answers and CSAT", () => {
    const f = outcomeFigures("2026-Q1", "2026-12-06", doubts);
    const after = f.doubt.afterTwoQuarters;
    if (!after.known) throw new Error("two quarters have passed");
    expect(after.stillHere).toMatchObject({ count: 2, of: 3, small: true });
    expect(after.laterAnswers).toEqual({ fight_hard: 0, keep: 0, unsure: 0, let_go: 1, none: 1 });
    expect(after.laterCsat).toMatchObject({ responses: 20, satisfied: 17 });
    expect(after.laterCsat.csat).toBeCloseTo(0.85, 12);
  });

  it("groups people and figures each group on its own", () => {
    const people = [...fightHard.map((p, i) => ({ ...p, team: i % 2 === 0 ? "B" : "A" }))];
    const groups = outcomesBy(
      "2026-Q1",
      "2026-12-06",
      people,
      (p) => p.team,
      (p) => `Team ${p.team}`,
    );
    expect(groups.map((g) => [g.label, g.figures.fightHard.answered])).toEqual([
      ["Team A", 6],
      ["Team B", 6],
    ]);
    const a = groups[0].figures.fightHard.within[6];
    // Team A: people 1, 3, 5, 7, 9, 11: left 2026-09-30 (in) and 2026-10-01 (out); 5 is undated.
    expect(a.known && a.left).toMatchObject({ count: 1, of: 5 });
  });
});

describe("describeRate", () => {
  it("gives counts with the rate and interval, and never a bare rate from fewer than 10 people", () => {
    expect(describeRate(rate(3, 11))).toBe("3 of 11 (27%, 95% CI 10–57%)");
    expect(describeRate(rate(2, 3))).toBe("2 of 3 (fewer than 10 people: too few for a rate)");
    expect(describeRate(rate(0, 0))).toBe("0 of 0");
    expect(rate(0, 0)).toEqual({ count: 0, of: 0, rate: null, ci95: null, small: true });
  });
});
