import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csatFigure } from "@/lib/domain/csat";
import { KEEPER_ANSWERS, keeperRate, keeperRateOf } from "@/lib/domain/keeper";
import { countedKeeperAnswer, organisationFigures, periodFigures, personFigures } from "@/lib/domain/talent-figures";

describe("talent figures", () => {
  it("counts a keeper answer only once the review is submitted", () => {
    expect(countedKeeperAnswer("submitted", "fight_hard")).toBe("fight_hard");
    expect(countedKeeperAnswer("draft", "fight_hard")).toBeNull();
    expect(countedKeeperAnswer(null, null)).toBeNull();
    const draft = personFigures(
      { status: "draft", keeperAnswer: "fight_hard", previousKeeperAnswer: "let_go", responses: 200, satisfied: 20 },
      { organisationCsat: 0.9, previousQuarter: "2026-Q3" },
    );
    expect(draft).toMatchObject({ keeperAnswer: null, flags: [] });
    const submitted = personFigures(
      { status: "submitted", keeperAnswer: "fight_hard", previousKeeperAnswer: "let_go", responses: 200, satisfied: 20 },
      { organisationCsat: 0.9, previousQuarter: "2026-Q3" },
    );
    expect(submitted.keeperAnswer).toBe("fight_hard");
    expect(submitted.band).toBe("below");
    expect(submitted.flags.map((f) => f.kind).sort()).toEqual(["fight_hard_low_csat", "keeper_moved"]);
  });

  it("computes the keeper rate from counts as keeperRate does from answers", () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...KEEPER_ANSWERS)), (answers) => {
        const counts = { submitted: answers.length, fightHard: answers.filter((a) => a === "fight_hard").length };
        expect(keeperRateOf(counts)).toBe(keeperRate(answers));
      }),
    );
    expect(keeperRateOf({ submitted: 0, fightHard: 0 })).toBeNull();
    expect(() => keeperRateOf({ submitted: 2, fightHard: 3 })).toThrow(RangeError);
  });

  it("gives the organisation line and trend points from the same counts", () => {
    const now = { submitted: 20, fightHard: 5, responses: 200, satisfied: 57 };
    const then = { submitted: 10, fightHard: 5, responses: 100, satisfied: 80 };
    const org = organisationFigures(now, then);
    expect(org).toMatchObject({ keeperRate: 0.25, submitted: 20, csat: csatFigure(57, 200) });
    expect(org.change.keeperRatePoints).toBeCloseTo(-25);
    expect(periodFigures(now)).toEqual({ submitted: 20, keeperRate: org.keeperRate, csat: org.csat });
    expect(periodFigures(undefined)).toEqual({ submitted: 0, keeperRate: null, csat: csatFigure(0, 0) });
  });
});
