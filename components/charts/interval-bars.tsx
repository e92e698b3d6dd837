import { TableScroll } from "@/components/ui/table-scroll";
import { formatPercent } from "@/lib/format";

/**
 * Horizontal bars for proportions with their 95% intervals, one row per category, always with a
 * table of the numbers. A row without an honest rate (window not over, too few people) draws no
 * bar and says why in words, in the chart and the table alike.
 */

export interface IntervalBar {
  label: string;
  /** 0..1, or null for no bar. */
  value: number | null;
  ci95: [number, number] | null;
  /** Shown at the end of the row and in the table, e.g. "3 of 11 (27%, 95% CI 10–57%)" or "not yet known". */
  text: string;
}

const W = 640;
const ROW = 28;
const PAD = { top: 8, right: 16, bottom: 24, left: 72 };
const PLOT = 300;

export function IntervalBars({
  title,
  description,
  rows,
  valueHeader,
}: {
  title: string;
  description: string;
  rows: IntervalBar[];
  valueHeader: string;
}) {
  const id = `bars-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const H = PAD.top + rows.length * ROW + PAD.bottom;
  const x = (v: number) => PAD.left + Math.min(1, Math.max(0, v)) * PLOT;
  return (
    <figure className="min-w-0">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="mt-2 h-auto w-full max-w-2xl">
        <desc id={`${id}-desc`}>{description} The same numbers are in the table below the chart.</desc>
        {[0, 0.25, 0.5, 0.75, 1].map((t) => (
          <g key={t}>
            <line x1={x(t)} x2={x(t)} y1={PAD.top} y2={H - PAD.bottom} stroke="#cbd5e1" strokeWidth={1} />
            <text x={x(t)} y={H - 8} textAnchor="middle" fontSize={11} fill="#334155">{`${t * 100}%`}</text>
          </g>
        ))}
        {rows.map((r, i) => {
          const y = PAD.top + i * ROW;
          return (
            <g key={r.label}>
              <text x={PAD.left - 8} y={y + ROW / 2 + 4} textAnchor="end" fontSize={12} fill="#0f172a">
                {r.label}
              </text>
              {r.value !== null && <rect x={x(0)} y={y + 6} width={x(r.value) - x(0)} height={ROW - 12} fill="#312e81" />}
              {r.ci95 && r.value !== null && (
                <g stroke="#b45309" strokeWidth={2}>
                  <line x1={x(r.ci95[0])} x2={x(r.ci95[1])} y1={y + ROW / 2} y2={y + ROW / 2} />
                  <line x1={x(r.ci95[0])} x2={x(r.ci95[0])} y1={y + 8} y2={y + ROW - 8} />
                  <line x1={x(r.ci95[1])} x2={x(r.ci95[1])} y1={y + 8} y2={y + ROW - 8} />
                </g>
              )}
              <text x={x(1) + 10} y={y + ROW / 2 + 4} fontSize={11} fill="#334155">
                {r.value === null ? r.text : formatPercent(r.value)}
              </text>
            </g>
          );
        })}
      </svg>
      <p className="mt-1 text-sm text-slate-700">Bars: the rate. Orange whiskers: its 95% interval (Wilson).</p>
      <TableScroll role="region" aria-label={`${title}: the numbers`} tabIndex={0} className="mt-2">
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left text-slate-700">{title}: the numbers</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-1.5 pr-3">
                Cycle
              </th>
              <th scope="col" className="py-1.5">
                {valueHeader}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.label} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1.5 pr-3 font-medium">
                  {r.label}
                </th>
                <td className="py-1.5 tabular-nums">{r.text}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
