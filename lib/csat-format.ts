import type { CsatFigure } from "@/lib/domain/csat";
import { formatPercent } from "@/lib/format";

/**
 * CSAT in words, the one wording every page, chart table and export uses (DESIGN.md: the figure,
 * its 95% interval and the number of responses; fewer than CSAT_MIN_RESPONSES responses is "too
 * few responses", never a bare percentage). Percentages go through formatPercent, so a figure
 * rounds the same everywhere.
 */
export type CsatFigureText = Pick<CsatFigure, "csat" | "ci95" | "responses" | "tooFew">;

const hasNoFigure = (f: CsatFigureText) => f.responses === 0 || f.csat === null;

export function formatResponses(n: number): string {
  return `${n} ${n === 1 ? "response" : "responses"}`;
}

/** "77%–87%", or null when there is no interval. */
export function formatCsatInterval(f: CsatFigureText): string | null {
  return f.ci95 ? `${formatPercent(f.ci95[0])}–${formatPercent(f.ci95[1])}` : null;
}

/** "82% (95% CI 77%–87%, 200 responses)", "Too few responses (3 responses)" or "No responses". */
export function csatText(f: CsatFigureText): string {
  if (hasNoFigure(f)) return "No responses";
  if (f.tooFew) return `Too few responses (${formatResponses(f.responses)})`;
  const interval = formatCsatInterval(f) ?? `${formatPercent(f.csat)}–${formatPercent(f.csat)}`;
  return `${formatPercent(f.csat)} (95% CI ${interval}, ${formatResponses(f.responses)})`;
}

/** The same for narrow table cells: "82% (77%–87%) n=48", "Too few (n=3)" or "—". */
export function csatCompact(f: CsatFigureText): string {
  if (hasNoFigure(f)) return "—";
  if (f.tooFew) return `Too few (n=${f.responses})`;
  const interval = formatCsatInterval(f);
  return `${formatPercent(f.csat)}${interval ? ` (${interval})` : ""} n=${f.responses}`;
}

/** A figure that may be shown as a headline number: enough responses to mean something. */
export function csatHeadline(f: CsatFigureText): string | null {
  return hasNoFigure(f) || f.tooFew ? null : formatPercent(f.csat);
}
