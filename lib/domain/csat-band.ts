import { MIN_RESPONSES } from "./csat";

/**
 * CSAT bands for the talent review (DESIGN.md, "Talent review" and "CSAT data").
 *
 * A band compares one agent's CSAT with the organisation's CSAT for the same quarter. It is
 * decided by the agent's 95% Wilson interval, not by the point estimate. With few responses the
 * interval is wide, so an agent only lands "above" or "below" when the evidence really says so,
 * and a handful of lucky or unlucky ratings can't put anyone in a corner of the keeper grid.
 */

/** Band keys in the order the keeper × CSAT grid shows them as columns (left to right). */
export const CSAT_BANDS = ["below", "in_line", "above", "too_few"] as const;
export type CsatBand = (typeof CSAT_BANDS)[number];

export const CSAT_BAND_LABELS: Record<CsatBand, string> = {
  below: "Below",
  in_line: "In line",
  above: "Above",
  too_few: "Too few responses",
};

/**
 * Fewer responses than this and a CSAT figure is "too few responses": shown, never banded or
 * ranked (DESIGN.md). The one constant is MIN_RESPONSES in lib/domain/csat.ts; this is its name
 * in the talent modules, not a second copy.
 */
export const CSAT_MIN_RESPONSES = MIN_RESPONSES;

/** A CSAT figure as lib/domain/csat.ts computes it: counts plus the 95% Wilson interval (fractions). */
export interface CsatFigureInput {
  responses: number;
  satisfied: number;
  ci95: readonly [number, number] | null;
}

/**
 * The agent's band against the organisation's CSAT for the quarter (a fraction, 0..1).
 *
 * - `too_few`: fewer than CSAT_MIN_RESPONSES responses, no interval, or no organisation figure
 *   (with nothing to compare against, no honest band exists).
 * - `above`: the whole interval is strictly above the organisation's figure.
 * - `below`: the whole interval is strictly below it.
 * - `in_line`: anything else. An interval that merely touches the organisation's figure still
 *   contains it, so the data can't tell the two apart: that is "in line", not a verdict.
 */
export function csatBand(agent: { responses: number; ci95: readonly [number, number] | null }, organisationCsat: number | null): CsatBand {
  if (agent.responses < CSAT_MIN_RESPONSES || agent.ci95 === null || organisationCsat === null) {
    return "too_few";
  }
  // Garbage in would silently become "in_line" (every comparison with NaN is false): refuse it.
  if (!Number.isFinite(organisationCsat) || organisationCsat < 0 || organisationCsat > 1) {
    throw new RangeError(`Organisation CSAT must be a fraction between 0 and 1, got ${organisationCsat}`);
  }
  const [low, high] = agent.ci95;
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new RangeError(`Not a confidence interval: [${low}, ${high}]`);
  }
  if (low > organisationCsat) return "above";
  if (high < organisationCsat) return "below";
  return "in_line";
}
