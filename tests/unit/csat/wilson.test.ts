import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csatFigure, MIN_RESPONSES } from "@/lib/domain/csat";
import { wilsonInterval } from "@/lib/domain/wilson";

describe("wilsonInterval", () => {
  it.each([
    // satisfied, responses, low, high (hand-checked against the closed form)
    [8, 10, 0.4902, 0.9433],
    [5, 5, 0.5655, 1],
    [0, 10, 0, 0.2775],
    [10, 10, 0.7225, 1],
    [1, 1, 0.2065, 1],
    [50, 100, 0.4038, 0.5962],
    [90, 100, 0.8256, 0.9448],
  ])("%i of %i → [%f, %f]", (satisfied, responses, low, high) => {
    const [l, h] = wilsonInterval(satisfied, responses);
    expect(l).toBeCloseTo(low, 4);
    expect(h).toBeCloseTo(high, 4);
  });

  it("is exactly 1 at 100% and exactly 0 at 0%, without floating-point dust", () => {
    expect(wilsonInterval(6, 6)[1]).toBe(1);
    expect(wilsonInterval(0, 7)[0]).toBe(0);
  });

  it("says nothing is known with no responses", () => {
    expect(wilsonInterval(0, 0)).toEqual([0, 1]);
  });

  it("uses z for other confidence levels", () => {
    const [l95, h95] = wilsonInterval(8, 10);
    const [l99, h99] = wilsonInterval(8, 10, 2.576);
    expect(l99).toBeLessThan(l95);
    expect(h99).toBeGreaterThan(h95);
  });

  it.each([
    [-1, 10],
    [11, 10],
    [1.5, 10],
    [1, -1],
    [1, Number.NaN],
  ])("refuses satisfied=%s responses=%s", (s, n) => {
    expect(() => wilsonInterval(s, n)).toThrow(RangeError);
  });

  it("always contains the observed proportion and stays inside [0, 1]", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.double({ min: 0, max: 1, noNaN: true }), (n, share) => {
        const s = Math.round(share * n);
        const [low, high] = wilsonInterval(s, n);
        expect(low).toBeGreaterThanOrEqual(0);
        expect(high).toBeLessThanOrEqual(1);
        expect(low).toBeLessThanOrEqual(s / n + 1e-12);
        expect(high).toBeGreaterThanOrEqual(s / n - 1e-12);
      }),
    );
  });

  it("is symmetric: the interval for the dissatisfied is the mirror image", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 5000 }), fc.nat(), (n, k) => {
        const s = k % (n + 1);
        const [low, high] = wilsonInterval(s, n);
        const [mLow, mHigh] = wilsonInterval(n - s, n);
        expect(low).toBeCloseTo(1 - mHigh, 10);
        expect(high).toBeCloseTo(1 - mLow, 10);
      }),
    );
  });

  it("narrows as evidence grows at the same proportion", () => {
    const width = (s: number, n: number) => {
      const [l, h] = wilsonInterval(s, n);
      return h - l;
    };
    expect(width(80, 100)).toBeLessThan(width(8, 10));
    expect(width(800, 1000)).toBeLessThan(width(80, 100));
  });
});

describe("csatFigure", () => {
  it("gives the fraction with its interval", () => {
    const f = csatFigure(8, 10);
    expect(f).toMatchObject({ responses: 10, satisfied: 8, csat: 0.8, tooFew: false });
    expect(f.ci95![0]).toBeCloseTo(0.4902, 4);
  });

  it("has no CSAT and no interval without responses", () => {
    expect(csatFigure(0, 0)).toEqual({ responses: 0, satisfied: 0, csat: null, ci95: null, tooFew: true });
  });

  it(`labels fewer than ${MIN_RESPONSES} responses as too few`, () => {
    expect(MIN_RESPONSES).toBe(10);
    expect(csatFigure(9, 9).tooFew).toBe(true);
    expect(csatFigure(9, 9).csat).toBe(1);
    expect(csatFigure(0, 10).tooFew).toBe(false);
  });
});
