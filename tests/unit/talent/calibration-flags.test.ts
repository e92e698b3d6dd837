import { describe, it, expect } from "vitest";
import {
  FLAG_KINDS,
  FLAG_LABELS,
  KEEPER_MOVE_THRESHOLD,
  MANAGER_OUTLIER_MIN_REVIEWS,
  employeeFlags,
  managerOutlierFlag,
  type ProportionInterval,
} from "@/lib/domain/calibration-flags";

/**
 * Wilson score interval (z = 1.96), written out here so these tests don't depend on the shared
 * lib/domain/wilson.ts. Hand-checked: 8 of 10 → [0.4902, 0.9433]; 5 of 5 → [0.5655, 1];
 * 0 of 5 → [0, 0.4345].
 */
const wilson: ProportionInterval = (s, n) => {
  if (n === 0) return null;
  const z2 = 1.96 * 1.96;
  const p = s / n;
  const d = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / d;
  const margin = (1.96 * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / d;
  return [Math.max(0, centre - margin), Math.min(1, centre + margin)];
};

describe("flag kinds", () => {
  it("are the four DESIGN.md lists, each with a label", () => {
    expect(FLAG_KINDS).toEqual(["fight_hard_low_csat", "doubt_high_csat", "keeper_moved", "manager_outlier"]);
    for (const k of FLAG_KINDS) expect(FLAG_LABELS[k]).toMatch(/\S/);
    expect(KEEPER_MOVE_THRESHOLD).toBe(2);
    expect(MANAGER_OUTLIER_MIN_REVIEWS).toBe(5);
  });
});

describe("employeeFlags", () => {
  const base = { previousKeeperAnswer: null, previousQuarter: null } as const;

  it("flags fight_hard with CSAT below", () => {
    expect(employeeFlags({ ...base, keeperAnswer: "fight_hard", band: "below" })).toEqual([
      { kind: "fight_hard_low_csat", message: "Fight hard, but CSAT is below the organisation's for the quarter" },
    ]);
  });

  it("does not flag fight_hard with CSAT in line, above or too few", () => {
    for (const band of ["in_line", "above", "too_few"] as const) {
      expect(employeeFlags({ ...base, keeperAnswer: "fight_hard", band })).toEqual([]);
    }
  });

  it("flags unsure and let_go with CSAT above", () => {
    expect(employeeFlags({ ...base, keeperAnswer: "unsure", band: "above" })).toEqual([
      { kind: "doubt_high_csat", message: "Unsure, but CSAT is above the organisation's for the quarter" },
    ]);
    expect(employeeFlags({ ...base, keeperAnswer: "let_go", band: "above" })).toEqual([
      { kind: "doubt_high_csat", message: "Let go, but CSAT is above the organisation's for the quarter" },
    ]);
  });

  it("does not flag keep with CSAT above or below, nor doubt with a too-few band", () => {
    expect(employeeFlags({ ...base, keeperAnswer: "keep", band: "above" })).toEqual([]);
    expect(employeeFlags({ ...base, keeperAnswer: "keep", band: "below" })).toEqual([]);
    expect(employeeFlags({ ...base, keeperAnswer: "let_go", band: "too_few" })).toEqual([]);
  });

  it("flags a move of exactly two steps, naming the previous quarter", () => {
    expect(
      employeeFlags({ keeperAnswer: "unsure", previousKeeperAnswer: "fight_hard", previousQuarter: "2026-Q2", band: "in_line" }),
    ).toEqual([{ kind: "keeper_moved", message: "Moved from Fight hard to Unsure since 2026-Q2" }]);
  });

  it("flags moves in either direction, including three steps", () => {
    expect(
      employeeFlags({ keeperAnswer: "fight_hard", previousKeeperAnswer: "let_go", previousQuarter: "2025-Q4", band: "too_few" }),
    ).toEqual([{ kind: "keeper_moved", message: "Moved from Let go to Fight hard since 2025-Q4" }]);
    expect(employeeFlags({ keeperAnswer: "let_go", previousKeeperAnswer: "keep", previousQuarter: "2026-Q1", band: "in_line" })).toEqual([
      { kind: "keeper_moved", message: "Moved from Keep to Let go since 2026-Q1" },
    ]);
  });

  it("does not flag a move of one step or no move", () => {
    expect(
      employeeFlags({ keeperAnswer: "keep", previousKeeperAnswer: "fight_hard", previousQuarter: "2026-Q2", band: "in_line" }),
    ).toEqual([]);
    expect(employeeFlags({ keeperAnswer: "unsure", previousKeeperAnswer: "unsure", previousQuarter: "2026-Q2", band: "in_line" })).toEqual(
      [],
    );
  });

  it("does not flag a move when there is no previous answer", () => {
    expect(employeeFlags({ keeperAnswer: "let_go", previousKeeperAnswer: null, previousQuarter: "2026-Q2", band: "in_line" })).toEqual([]);
  });

  it("says 'last quarter' when the previous quarter's key is not given", () => {
    expect(employeeFlags({ keeperAnswer: "unsure", previousKeeperAnswer: "fight_hard", previousQuarter: null, band: "in_line" })).toEqual([
      { kind: "keeper_moved", message: "Moved from Fight hard to Unsure since last quarter" },
    ]);
  });

  it("returns several flags in kind order", () => {
    const flags = employeeFlags({ keeperAnswer: "let_go", previousKeeperAnswer: "fight_hard", previousQuarter: "2026-Q2", band: "above" });
    expect(flags.map((f) => f.kind)).toEqual(["doubt_high_csat", "keeper_moved"]);
  });

  it("has no flags without a submitted answer this cycle", () => {
    expect(employeeFlags({ keeperAnswer: null, previousKeeperAnswer: "fight_hard", previousQuarter: "2026-Q2", band: "below" })).toEqual(
      [],
    );
  });
});

describe("managerOutlierFlag", () => {
  const mia = { managerName: "Mia Jensen", interval: wilson };

  it("flags a manager whose interval lies wholly above the organisation's rate", () => {
    // 8 of 10: interval [0.4902, 0.9433]; 0.35 lies below it.
    expect(managerOutlierFlag({ ...mia, submitted: 10, fightHard: 8, organisationKeeperRate: 0.35 })).toEqual({
      kind: "manager_outlier",
      message: "Mia Jensen: keeper rate 80% (8 of 10 submitted reviews) is far above the organisation's 35%",
    });
  });

  it("does not flag when the organisation's rate is inside the interval", () => {
    expect(managerOutlierFlag({ ...mia, submitted: 10, fightHard: 8, organisationKeeperRate: 0.5 })).toBeNull();
  });

  it("flags a manager whose interval lies wholly below the organisation's rate", () => {
    // 0 of 5: interval [0, 0.4345]; 0.5 lies above it.
    expect(managerOutlierFlag({ ...mia, submitted: 5, fightHard: 0, organisationKeeperRate: 0.5 })).toEqual({
      kind: "manager_outlier",
      message: "Mia Jensen: keeper rate 0% (0 of 5 submitted reviews) is far below the organisation's 50%",
    });
    expect(managerOutlierFlag({ ...mia, submitted: 5, fightHard: 0, organisationKeeperRate: 0.35 })).toBeNull();
  });

  it("needs at least five submitted reviews", () => {
    // 4 of 4 has Wilson interval [0.5101, 1], which excludes 0.2, but four reviews are too few.
    expect(managerOutlierFlag({ ...mia, submitted: 4, fightHard: 4, organisationKeeperRate: 0.2 })).toBeNull();
    expect(managerOutlierFlag({ ...mia, submitted: 5, fightHard: 5, organisationKeeperRate: 0.2 })?.kind).toBe("manager_outlier");
  });

  it("does not flag when the organisation's rate touches an end of the interval", () => {
    const fixed: ProportionInterval = () => [0.4, 0.7];
    expect(managerOutlierFlag({ ...mia, submitted: 10, fightHard: 6, organisationKeeperRate: 0.4, interval: fixed })).toBeNull();
    expect(managerOutlierFlag({ ...mia, submitted: 10, fightHard: 6, organisationKeeperRate: 0.7, interval: fixed })).toBeNull();
    expect(managerOutlierFlag({ ...mia, submitted: 10, fightHard: 6, organisationKeeperRate: 0.3999, interval: fixed })?.kind).toBe(
      "manager_outlier",
    );
  });

  it("passes the manager's counts to the interval function", () => {
    const calls: [number, number][] = [];
    const spy: ProportionInterval = (s, n) => {
      calls.push([s, n]);
      return [0, 1];
    };
    managerOutlierFlag({ ...mia, submitted: 12, fightHard: 7, organisationKeeperRate: 0.4, interval: spy });
    expect(calls).toEqual([[7, 12]]);
  });

  it("does not flag without an organisation rate or an interval", () => {
    expect(managerOutlierFlag({ ...mia, submitted: 10, fightHard: 10, organisationKeeperRate: null })).toBeNull();
    expect(managerOutlierFlag({ ...mia, submitted: 10, fightHard: 10, organisationKeeperRate: 0.1, interval: () => null })).toBeNull();
  });

  it("refuses impossible counts, rates and intervals", () => {
    expect(() => managerOutlierFlag({ ...mia, submitted: 5, fightHard: 6, organisationKeeperRate: 0.3 })).toThrow(RangeError);
    expect(() => managerOutlierFlag({ ...mia, submitted: -1, fightHard: 0, organisationKeeperRate: 0.3 })).toThrow(RangeError);
    expect(() => managerOutlierFlag({ ...mia, submitted: 5.5, fightHard: 1, organisationKeeperRate: 0.3 })).toThrow(RangeError);
    expect(() => managerOutlierFlag({ ...mia, submitted: 10, fightHard: 5, organisationKeeperRate: 1.5 })).toThrow(RangeError);
    expect(() =>
      managerOutlierFlag({ ...mia, submitted: 10, fightHard: 5, organisationKeeperRate: 0.3, interval: () => [Number.NaN, 1] }),
    ).toThrow(RangeError);
  });
});
