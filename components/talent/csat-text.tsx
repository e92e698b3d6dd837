import type { CsatFigure } from "@/lib/domain/csat";
import { formatPercent } from "@/lib/domain/talent-aggregates";

/**
 * CSAT as DESIGN.md asks for it everywhere: the figure, its 95% interval and the number of
 * responses; fewer than 10 responses is "too few responses", never a bare percentage.
 */
export function csatText(figure: CsatFigure): string {
  if (figure.responses === 0 || figure.csat === null) return "No responses";
  const n = `${figure.responses} response${figure.responses === 1 ? "" : "s"}`;
  if (figure.tooFew) return `Too few responses (${n})`;
  const [low, high] = figure.ci95 ?? [figure.csat, figure.csat];
  return `${formatPercent(figure.csat)} (95% CI ${formatPercent(low)}–${formatPercent(high)}, ${n})`;
}

/** The same, laid out for a table cell: the figure first, the evidence under it. */
export function CsatCell({ figure }: { figure: CsatFigure }) {
  if (figure.responses === 0 || figure.csat === null) return <span className="text-slate-700">No responses</span>;
  if (figure.tooFew) {
    return <span className="text-slate-700">Too few responses <span className="whitespace-nowrap">({figure.responses})</span></span>;
  }
  const [low, high] = figure.ci95 ?? [figure.csat, figure.csat];
  return (
    <span>
      <strong className="tabular-nums">{formatPercent(figure.csat)}</strong>
      <span className="block whitespace-nowrap text-xs text-slate-700">
        {`${formatPercent(low)}–${formatPercent(high)} · ${figure.responses} resp.`}
      </span>
    </span>
  );
}
