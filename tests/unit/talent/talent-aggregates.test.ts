import { describe, it, expect } from "vitest";
import {
  OVERVIEW_SORT_KEYS,
  changeSincePrevious,
  completion,
  completionRate,
  formatPercent,
  formatPointsChange,
  formatTraitAverage,
  rankableCsat,
  roundTo,
  sortOverview,
  talentAggregate,
  traitAverage,
  traitAverages,
  traitAveragesFromTotals,
  type AggregateReview,
  type OverviewSortable,
  type ReviewStatus,
} from "@/lib/domain/talent-aggregates";

describe("completion", () => {
  it("counts not started, draft and submitted against the headcount", () => {
    expect(completion(10, ["submitted", "draft", "submitted"])).toEqual({ notStarted: 7, draft: 1, submitted: 2 });
    expect(completion(0, [])).toEqual({ notStarted: 0, draft: 0, submitted: 0 });
    expect(completion(3, [])).toEqual({ notStarted: 3, draft: 0, submitted: 0 });
  });

  it("refuses more reviews than people, bad headcounts and unknown statuses", () => {
    expect(() => completion(1, ["draft", "submitted"])).toThrow(RangeError);
    expect(() => completion(-1, [])).toThrow(RangeError);
    expect(() => completion(2.5, [])).toThrow(RangeError);
    expect(() => completion(2, ["released" as ReviewStatus])).toThrow(RangeError);
  });

  it("gives the submitted share, null when nobody is in scope", () => {
    expect(completionRate({ notStarted: 7, draft: 1, submitted: 2 })).toBe(0.2);
    expect(completionRate({ notStarted: 0, draft: 0, submitted: 0 })).toBeNull();
  });
});

describe("trait averages", () => {
  it("ignores unrated and not-observed entries", () => {
    const avg = traitAverage([
      { rating: 4, notObserved: false },
      { rating: 5, notObserved: false },
      { rating: null, notObserved: false },
      { rating: 1, notObserved: true }, // a stale rating left behind by "not observed" does not count
      { rating: 2, notObserved: false },
    ]);
    expect(avg).toBeCloseTo(11 / 3, 12);
  });

  it("is null when nothing was rated", () => {
    expect(traitAverage([])).toBeNull();
    expect(
      traitAverage([
        { rating: null, notObserved: true },
        { rating: null, notObserved: false },
      ]),
    ).toBeNull();
  });

  it("refuses ratings outside 1..5", () => {
    expect(() => traitAverage([{ rating: 6, notObserved: false }])).toThrow(RangeError);
    expect(() => traitAverage([{ rating: 0, notObserved: false }])).toThrow(RangeError);
    expect(() => traitAverage([{ rating: 2.5, notObserved: false }])).toThrow(RangeError);
  });

  it("lists every template trait in order, with its count, ignoring unknown traits", () => {
    const out = traitAverages(
      ["politeness", "empathy", "has_fun"],
      [
        { traitKey: "empathy", rating: 3, notObserved: false },
        { traitKey: "politeness", rating: 4, notObserved: false },
        { traitKey: "empathy", rating: 4, notObserved: false },
        { traitKey: "empathy", rating: null, notObserved: true },
        { traitKey: "retired_trait", rating: 1, notObserved: false },
      ],
    );
    expect(out).toEqual([
      { traitKey: "politeness", average: 4, rated: 1 },
      { traitKey: "empathy", average: 3.5, rated: 2 },
      { traitKey: "has_fun", average: null, rated: 0 },
    ]);
  });
});

describe("talentAggregate", () => {
  const reviews: AggregateReview[] = [
    {
      status: "submitted",
      keeperAnswer: "fight_hard",
      ratings: [
        { traitKey: "politeness", rating: 4, notObserved: false },
        { traitKey: "empathy", rating: null, notObserved: true },
      ],
    },
    {
      status: "submitted",
      keeperAnswer: "keep",
      ratings: [
        { traitKey: "politeness", rating: 5, notObserved: false },
        { traitKey: "empathy", rating: 3, notObserved: false },
      ],
    },
    { status: "submitted", keeperAnswer: "unsure", ratings: [{ traitKey: "politeness", rating: 2, notObserved: false }] },
    // A draft counts towards completion only: its answer and ratings are not the manager's yet.
    { status: "draft", keeperAnswer: "fight_hard", ratings: [{ traitKey: "politeness", rating: 1, notObserved: false }] },
  ];

  it("aggregates submitted reviews only, completion over everyone", () => {
    const agg = talentAggregate({ headcount: 5, reviews, traitKeys: ["politeness", "empathy", "solves_problem"] });
    expect(agg.completion).toEqual({ notStarted: 1, draft: 1, submitted: 3 });
    expect(agg.submitted).toBe(3);
    expect(agg.keeperRate).toBeCloseTo(1 / 3, 12);
    expect(agg.keeperDistribution).toEqual({ fight_hard: 1, keep: 1, unsure: 1, let_go: 0 });
    expect(agg.traitAverages[0].traitKey).toBe("politeness");
    expect(agg.traitAverages[0].average).toBeCloseTo(11 / 3, 12);
    expect(agg.traitAverages[0].rated).toBe(3);
    expect(agg.traitAverages[1]).toEqual({ traitKey: "empathy", average: 3, rated: 1 });
    expect(agg.traitAverages[2]).toEqual({ traitKey: "solves_problem", average: null, rated: 0 });
  });

  it("has no keeper rate and no averages when nothing is submitted", () => {
    const agg = talentAggregate({ headcount: 2, reviews: [reviews[3]], traitKeys: ["politeness"] });
    expect(agg.completion).toEqual({ notStarted: 1, draft: 1, submitted: 0 });
    expect(agg.keeperRate).toBeNull();
    expect(agg.keeperDistribution).toEqual({ fight_hard: 0, keep: 0, unsure: 0, let_go: 0 });
    expect(agg.traitAverages).toEqual([{ traitKey: "politeness", average: null, rated: 0 }]);
  });
});

describe("change since the previous cycle", () => {
  it("is in percentage points", () => {
    const change = changeSincePrevious(
      { keeperRate: 0.45, csat: { responses: 200, satisfied: 170, ci95: [0.79, 0.89] } },
      { keeperRate: 0.4, csat: { responses: 100, satisfied: 80, ci95: [0.71, 0.87] } },
    );
    expect(change.keeperRatePoints).toBeCloseTo(5, 9); // 45% − 40%
    expect(change.csatPoints).toBeCloseTo(5, 9); // 85% − 80%
  });

  it("is negative when the figure fell", () => {
    const change = changeSincePrevious({ keeperRate: 0.25, csat: null }, { keeperRate: 0.5, csat: null });
    expect(change.keeperRatePoints).toBeCloseTo(-25, 9);
    expect(change.csatPoints).toBeNull();
  });

  it("is null without a previous cycle or with a missing figure", () => {
    expect(changeSincePrevious({ keeperRate: 0.5, csat: null }, null)).toEqual({ keeperRatePoints: null, csatPoints: null });
    expect(changeSincePrevious({ keeperRate: null, csat: null }, { keeperRate: 0.5, csat: null }).keeperRatePoints).toBeNull();
  });

  it("is null for CSAT when either side has fewer than 10 responses", () => {
    const ten = { responses: 10, satisfied: 9, ci95: [0.6, 0.98] as [number, number] };
    const nine = { responses: 9, satisfied: 9, ci95: [0.7, 1] as [number, number] };
    expect(changeSincePrevious({ keeperRate: null, csat: ten }, { keeperRate: null, csat: nine }).csatPoints).toBeNull();
    expect(changeSincePrevious({ keeperRate: null, csat: nine }, { keeperRate: null, csat: ten }).csatPoints).toBeNull();
    const eleven = { responses: 20, satisfied: 16, ci95: [0.58, 0.92] as [number, number] };
    expect(changeSincePrevious({ keeperRate: null, csat: ten }, { keeperRate: null, csat: eleven }).csatPoints).toBeCloseTo(10, 9); // 90% − 80%
  });

  it("ranks CSAT only from 10 responses", () => {
    expect(rankableCsat({ responses: 9, satisfied: 9, ci95: [0.7, 1] })).toBeNull();
    expect(rankableCsat({ responses: 10, satisfied: 7, ci95: [0.4, 0.89] })).toBe(0.7);
    expect(rankableCsat(null)).toBeNull();
  });
});

describe("sortOverview", () => {
  interface Row extends OverviewSortable {
    id: string;
  }
  const c = (notStarted: number, draft: number, submitted: number) => ({ notStarted, draft, submitted });
  const csat = (responses: number, satisfied: number) => ({ responses, satisfied, ci95: null });
  const rows: Row[] = [
    { id: "portland", team: "Portland", manager: "Mia", keeperRate: 0.5, csat: csat(100, 80), completion: c(0, 2, 8), flagCount: 2 },
    { id: "denver", team: "Denver", manager: "Noah", keeperRate: 0.2, csat: csat(50, 45), completion: c(5, 0, 5), flagCount: 0 },
    { id: "austin", team: "Austin", manager: "Ola", keeperRate: null, csat: csat(5, 5), completion: c(0, 0, 0), flagCount: 1 },
    { id: "boston", team: null, manager: null, keeperRate: 0.35, csat: null, completion: c(2, 0, 8), flagCount: 0 },
  ];
  const ids = (key: (typeof OVERVIEW_SORT_KEYS)[number], dir: "asc" | "desc" = "asc") => sortOverview(rows, key, dir).map((r) => r.id);

  it("sorts by team and manager, missing names last", () => {
    expect(ids("team")).toEqual(["austin", "denver", "portland", "boston"]);
    expect(ids("team", "desc")).toEqual(["portland", "denver", "austin", "boston"]);
    expect(ids("manager")).toEqual(["portland", "denver", "austin", "boston"]);
  });

  it("sorts by keeper rate with no rate last in both directions", () => {
    expect(ids("keeperRate")).toEqual(["denver", "boston", "portland", "austin"]);
    expect(ids("keeperRate", "desc")).toEqual(["portland", "boston", "denver", "austin"]);
  });

  it("never ranks CSAT with too few responses", () => {
    // Austin's 5 of 5 would be 100%: it goes last with the team that has no CSAT at all.
    expect(ids("csat", "desc")).toEqual(["denver", "portland", "austin", "boston"]);
    expect(ids("csat")).toEqual(["portland", "denver", "austin", "boston"]);
  });

  it("sorts by completion rate, nobody in scope last", () => {
    // Portland 8/10, Boston 8/10, Denver 5/10, Austin 0/0; ties by team name.
    expect(ids("completion", "desc")).toEqual(["portland", "boston", "denver", "austin"]);
    expect(ids("completion")).toEqual(["denver", "portland", "boston", "austin"]);
  });

  it("sorts by flag count with ties in team order", () => {
    expect(ids("flags", "desc")).toEqual(["portland", "austin", "denver", "boston"]);
    expect(ids("flags")).toEqual(["denver", "boston", "austin", "portland"]);
  });

  it("returns a copy and leaves the input alone", () => {
    const before = rows.map((r) => r.id);
    const sorted = sortOverview(rows, "team");
    expect(sorted).not.toBe(rows);
    expect(rows.map((r) => r.id)).toEqual(before);
  });
});

describe("formatting", () => {
  it("shows trait averages with two decimals, rounding exact halves up", () => {
    expect(formatTraitAverage(11 / 3)).toBe("3.67");
    expect(formatTraitAverage(4)).toBe("4.00");
    expect(formatTraitAverage(107 / 40)).toBe("2.68"); // exactly 2.675; naive toFixed(2) gives "2.67"
    expect(formatTraitAverage(null)).toBe("—");
  });

  it("shows percentages", () => {
    expect(formatPercent(1 / 3)).toBe("33%");
    expect(formatPercent(0.125)).toBe("13%");
    expect(formatPercent(1 / 3, 1)).toBe("33.3%");
    expect(formatPercent(0)).toBe("0%");
    expect(formatPercent(null)).toBe("—");
  });

  it("shows signed changes in percentage points", () => {
    expect(formatPointsChange(5.000000000000004)).toBe("+5 pp");
    expect(formatPointsChange(-3.4)).toBe("-3 pp");
    expect(formatPointsChange(-2.5)).toBe("-3 pp");
    expect(formatPointsChange(0.4)).toBe("0 pp");
    expect(formatPointsChange(-0.4)).toBe("0 pp");
    expect(formatPointsChange(12.25, 1)).toBe("+12.3 pp");
    expect(formatPointsChange(null)).toBe("—");
  });

  it("rounds half away from zero and never returns -0", () => {
    expect(roundTo(2.675, 2)).toBe(2.68);
    expect(roundTo(-2.675, 2)).toBe(-2.68);
    expect(Object.is(roundTo(-0.004, 2), 0)).toBe(true);
  });
});

describe("traitAveragesFromTotals", () => {
  it("matches traitAverages for the same ratings, in template order, with null where nothing was rated", () => {
    const ratings = [
      { traitKey: "empathy", rating: 4, notObserved: false },
      { traitKey: "empathy", rating: 3, notObserved: false },
      { traitKey: "empathy", rating: null, notObserved: true },
      { traitKey: "politeness", rating: 5, notObserved: false },
    ];
    const keys = ["politeness", "empathy", "fun"];
    expect(
      traitAveragesFromTotals(keys, [
        { traitKey: "empathy", sum: 7, rated: 2 },
        { traitKey: "politeness", sum: 5, rated: 1 },
        { traitKey: "retired", sum: 3, rated: 1 },
      ]),
    ).toEqual(traitAverages(keys, ratings));
  });

  it("refuses totals no set of 1–5 ratings could give", () => {
    expect(() => traitAveragesFromTotals(["a"], [{ traitKey: "a", sum: 11, rated: 2 }])).toThrow(RangeError);
    expect(() => traitAveragesFromTotals(["a"], [{ traitKey: "a", sum: 1, rated: 2 }])).toThrow(RangeError);
  });
});
