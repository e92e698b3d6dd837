import type { CsatFigure } from "@/lib/domain/csat";
import { formatCsatInterval, formatResponses } from "@/lib/csat-format";
import { formatPercent } from "@/lib/format";

/** CSAT laid out for a table cell, in lib/csat-format.ts's wording: the figure first, the evidence under it. */
export function CsatCell({ figure }: { figure: CsatFigure }) {
  if (figure.responses === 0 || figure.csat === null) return <span className="text-slate-700">No responses</span>;
  if (figure.tooFew) {
    return (
      <span className="text-slate-700">
        Too few responses <span className="whitespace-nowrap">({formatResponses(figure.responses)})</span>
      </span>
    );
  }
  return (
    <span>
      <strong className="tabular-nums">{formatPercent(figure.csat)}</strong>
      <span className="block whitespace-nowrap text-xs text-slate-700">
        {`${formatCsatInterval(figure) ?? "—"} · ${formatResponses(figure.responses)}`}
      </span>
    </span>
  );
}
