/**
 * The one way Keeper rounds and prints a fraction as a percentage, on every page, chart, export
 * and CLI table (issue 13: "My customers" once showed 57 of 200 as 28% while the talent pages
 * showed 29%, because one copy used toFixed on 28.499999…). Import it through lib/format.ts in
 * UI code; domain code (flag messages) imports it from here.
 */

const MISSING = "—";

/**
 * Rounds half away from zero at `decimals` places, first removing binary floating-point noise
 * (57/200 × 100 is 28.499999999999996, and 2.675 is stored as 2.67499999…: a plain toFixed shows
 * "28" and "2.67" for figures that are exactly 28.5 and 2.675).
 */
export function roundTo(value: number, decimals: number): number {
  const factor = 10 ** decimals;
  const scaled = Number((Math.abs(value) * factor).toPrecision(15));
  const rounded = (Math.sign(value) * Math.round(scaled)) / factor;
  return rounded === 0 ? 0 : rounded; // never -0, which would print as "-0.00"
}

/** A fraction as a percentage ("29%", or "28.5%" with one decimal), or "—". */
export function formatPercent(fraction: number | null | undefined, decimals = 0): string {
  return fraction === null || fraction === undefined ? MISSING : `${roundTo(fraction * 100, decimals).toFixed(decimals)}%`;
}

/** A fraction as whole percentage points (0.285 → 29), for sums and words ("3 points up"). */
export function percentPoints(fraction: number, decimals = 0): number {
  return roundTo(fraction * 100, decimals);
}

/** A change in percentage points with its sign ("+5 pp", "-3 pp", "0 pp"), or "—". */
export function formatPointsChange(points: number | null, decimals = 0): string {
  if (points === null) return MISSING;
  const rounded = roundTo(points, decimals);
  const sign = rounded > 0 ? "+" : rounded < 0 ? "-" : "";
  return `${sign}${Math.abs(rounded).toFixed(decimals)} pp`;
}
