import { describe, it, expect } from "vitest";
import { CSAT_BANDS, CSAT_BAND_LABELS, CSAT_MIN_RESPONSES, csatBand } from "@/lib/domain/csat-band";

describe("CSAT band labels", () => {
  it("lists the bands in grid column order with their labels", () => {
    expect(CSAT_BANDS).toEqual(["below", "in_line", "above", "too_few"]);
    expect(CSAT_BANDS.map((b) => CSAT_BAND_LABELS[b])).toEqual(["Below", "In line", "Above", "Too few responses"]);
  });

  it("uses DESIGN.md's threshold of 10 responses", () => {
    expect(CSAT_MIN_RESPONSES).toBe(10);
  });
});

describe("csatBand", () => {
  // 18 of 20 satisfied: Wilson 95% interval ≈ [0.699, 0.972] (hand-computed, z = 1.96).
  const strong = { responses: 20, ci95: [0.699, 0.972] as [number, number] };

  it("is above when the whole interval is above the organisation's CSAT", () => {
    expect(csatBand(strong, 0.6)).toBe("above");
  });

  it("is below when the whole interval is below the organisation's CSAT", () => {
    expect(csatBand({ responses: 40, ci95: [0.41, 0.58] }, 0.72)).toBe("below");
  });

  it("is in line when the interval contains the organisation's CSAT", () => {
    expect(csatBand(strong, 0.8)).toBe("in_line");
  });

  it("is in line when the interval's lower end touches the organisation's CSAT exactly", () => {
    expect(csatBand({ responses: 30, ci95: [0.75, 0.95] }, 0.75)).toBe("in_line");
  });

  it("is in line when the interval's upper end touches the organisation's CSAT exactly", () => {
    expect(csatBand({ responses: 30, ci95: [0.5, 0.75] }, 0.75)).toBe("in_line");
  });

  it("is too few with 9 responses, however clear the interval looks", () => {
    expect(csatBand({ responses: 9, ci95: [0.7, 1] }, 0.3)).toBe("too_few");
  });

  it("bands at exactly 10 responses", () => {
    // 10 of 10 satisfied: Wilson lower bound = 1 / (1 + 3.8416 / 10) = 0.7225.
    expect(csatBand({ responses: 10, ci95: [0.7225, 1] }, 0.7)).toBe("above");
  });

  it("is too few with no responses or no interval", () => {
    expect(csatBand({ responses: 0, ci95: null }, 0.7)).toBe("too_few");
    expect(csatBand({ responses: 25, ci95: null }, 0.7)).toBe("too_few");
  });

  it("is too few when the organisation has no CSAT figure to compare against", () => {
    expect(csatBand(strong, null)).toBe("too_few");
  });

  it("refuses figures that would silently compare as in line", () => {
    expect(() => csatBand(strong, Number.NaN)).toThrow(RangeError);
    expect(() => csatBand(strong, 72)).toThrow(RangeError);
    expect(() => csatBand({ responses: 20, ci95: [0.9, 0.8] }, 0.5)).toThrow(RangeError);
    expect(() => csatBand({ responses: 20, ci95: [Number.NaN, 0.8] }, 0.5)).toThrow(RangeError);
  });
});
