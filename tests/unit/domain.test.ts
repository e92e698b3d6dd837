import { describe, expect, it } from "vitest";
import { canTransition, nextCycleState, managersCanEdit, agentsCanRead } from "@/lib/domain/cycle-state";
import { keeperDistribution, keeperQuestion, keeperRate, keeperSteps } from "@/lib/domain/keeper";
import { lastQuarters, nextQuarter, previousQuarter, quarterEndDate, quarterOf, quarterRange } from "@/lib/domain/quarter";
import { normaliseTraits, reviewSaveSchema, submitErrors } from "@/lib/domain/review-validation";

describe("cycle state machine", () => {
  it("moves forward one step at a time and never back", () => {
    expect(nextCycleState("draft")).toBe("open");
    expect(nextCycleState("open")).toBe("calibration");
    expect(nextCycleState("calibration")).toBe("released");
    expect(nextCycleState("released")).toBe("closed");
    expect(nextCycleState("closed")).toBeNull();
    expect(canTransition("open", "released")).toBe(false);
    expect(canTransition("calibration", "open")).toBe(false);
    expect(canTransition("draft", "open")).toBe(true);
  });
  it("lets managers edit only while open and agents read only once released", () => {
    expect(["draft", "open", "calibration", "released", "closed"].filter((s) => managersCanEdit(s as never))).toEqual(["open"]);
    expect(["draft", "open", "calibration", "released", "closed"].filter((s) => agentsCanRead(s as never))).toEqual(["released", "closed"]);
  });
});

describe("keeper rate", () => {
  it("is the share of answered reviews that are fight_hard", () => {
    expect(keeperRate(["fight_hard", "keep", "fight_hard", "let_go"])).toBe(0.5);
    expect(keeperRate(["fight_hard", null, "unsure"])).toBe(0.5);
    expect(keeperRate([])).toBeNull();
    expect(keeperRate([null])).toBeNull();
  });
  it("counts the distribution and the steps between answers", () => {
    expect(keeperDistribution(["keep", "keep", "let_go", null])).toEqual({ fight_hard: 0, keep: 2, unsure: 0, let_go: 1 });
    expect(keeperSteps("fight_hard", "let_go")).toBe(3);
    expect(keeperSteps("keep", "fight_hard")).toBe(1);
  });
  it("asks the question with the first name", () => {
    expect(keeperQuestion("Ava")).toBe(
      "If Ava told you they were leaving in two months for a similar job at a peer company, would you fight hard to keep them?",
    );
  });
});

describe("quarters (UTC)", () => {
  it("puts instants in calendar quarters by UTC", () => {
    expect(quarterOf(Date.parse("2026-03-31T23:59:59Z"))).toBe("2026-Q1");
    expect(quarterOf(Date.parse("2026-04-01T00:00:00Z"))).toBe("2026-Q2");
    expect(quarterOf(Date.parse("2026-09-30T23:30:00-02:00"))).toBe("2026-Q4");
  });
  it("computes ranges, neighbours and due dates", () => {
    expect(quarterRange("2026-Q4")).toEqual({ start: Date.parse("2026-10-01T00:00:00Z"), end: Date.parse("2027-01-01T00:00:00Z") });
    expect(nextQuarter("2026-Q4")).toBe("2027-Q1");
    expect(previousQuarter("2026-Q1")).toBe("2025-Q4");
    expect(lastQuarters("2026-Q2", 4)).toEqual(["2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2"]);
    expect(quarterEndDate("2026-Q1")).toBe("2026-03-31");
  });
});

describe("review validation", () => {
  const base = {
    cycleKey: "2026-Q4",
    employeeId: 3,
    version: 0,
    keeperAnswer: null,
    keeperReason: "",
    summary: "",
    privateNotes: "",
    traits: [],
  };
  it("accepts an empty draft and rejects unknown answers and bad cycle keys", () => {
    expect(reviewSaveSchema.safeParse(base).success).toBe(true);
    expect(reviewSaveSchema.safeParse({ ...base, keeperAnswer: "maybe" }).success).toBe(false);
    expect(reviewSaveSchema.safeParse({ ...base, cycleKey: "2026-Q5" }).success).toBe(false);
    expect(reviewSaveSchema.safeParse({ ...base, traits: [{ cycleTraitId: 1, rating: 6, notObserved: false, comment: "" }] }).success).toBe(
      false,
    );
  });
  it("requires the keeper answer, a reason, a summary and every trait on submit", () => {
    const errors = submitErrors(
      {
        ...base,
        keeperReason: "  ",
        traits: [
          { cycleTraitId: 1, rating: 3, notObserved: false, comment: "" },
          { cycleTraitId: 2, rating: null, notObserved: true, comment: "" },
        ],
      },
      [1, 2, 3],
    );
    expect(Object.keys(errors).sort()).toEqual(["keeperAnswer", "keeperReason", "summary", "trait.3"]);
  });
  it("treats not observed as clearing the rating", () => {
    expect(normaliseTraits([{ cycleTraitId: 1, rating: 4, notObserved: true, comment: "" }])[0].rating).toBeNull();
  });
});
