import type { MyCsatQuarter } from "@/lib/dal/my-csat";
import { formatPercent } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

/**
 * The agent's CSAT per quarter as a point with its 95% interval (a whisker), next to the
 * organisation's figure, server-rendered. Sized for a phone first. The same numbers are in the
 * table under it, so nothing is only a picture. Quarters with too few responses get no point:
 * plotting them would suggest a precision the data does not have.
 */

const W = 340;
const H = 200;
const PAD = { top: 12, right: 12, bottom: 28, left: 40 };
const YOU = "#312e81";
const ORG = "#b45309";

export function CsatIntervalChart({
  quarters,
  domain,
  ticks,
  cell,
}: {
  quarters: MyCsatQuarter[];
  domain: [number, number];
  ticks: number[];
  cell: (q: MyCsatQuarter, who: "mine" | "organisation") => string;
}) {
  const [lo, hi] = domain;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + ((i + 0.5) * plotW) / quarters.length;
  const y = (v: number) => PAD.top + plotH - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * plotH;
  const org = quarters.map((q, i) => (q.organisation.csat === null ? null : `${x(i).toFixed(1)},${y(q.organisation.csat).toFixed(1)}`));
  return (
    <figure className="min-w-0">
      <figcaption id="csat-chart-title" className="font-semibold">
        Your CSAT by quarter
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby="csat-chart-title csat-chart-desc" className="mt-2 h-auto w-full max-w-xl">
        <desc id="csat-chart-desc">
          Your share of satisfied customers each quarter as a dot with its 95% interval, and the organisation&apos;s figure as a dashed
          line. The numbers are in the table below.
        </desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#cbd5e1" strokeWidth={1} />
            <text x={PAD.left - 5} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#334155">
              {formatPercent(t)}
            </text>
          </g>
        ))}
        {quarters.map((q, i) => (
          <text key={q.quarter} x={x(i)} y={H - 9} textAnchor="middle" fontSize={11} fill="#334155">
            {q.quarter}
          </text>
        ))}
        <polyline
          points={org.filter((p): p is string => p !== null).join(" ")}
          fill="none"
          stroke={ORG}
          strokeWidth={2}
          strokeDasharray="6 4"
        />
        {org.map(
          (p, i) =>
            p && <rect key={i} x={Number(p.split(",")[0]) - 3.5} y={Number(p.split(",")[1]) - 3.5} width={7} height={7} fill={ORG} />,
        )}
        {quarters.map((q, i) => {
          if (q.mine.tooFew || q.mine.csat === null || q.mine.ci95 === null) return null;
          const [low, high] = q.mine.ci95;
          return (
            <g key={q.quarter}>
              <line x1={x(i)} x2={x(i)} y1={y(low)} y2={y(high)} stroke={YOU} strokeWidth={2} />
              <line x1={x(i) - 6} x2={x(i) + 6} y1={y(low)} y2={y(low)} stroke={YOU} strokeWidth={2} />
              <line x1={x(i) - 6} x2={x(i) + 6} y1={y(high)} y2={y(high)} stroke={YOU} strokeWidth={2} />
              <circle cx={x(i)} cy={y(q.mine.csat)} r={5} fill={YOU} />
            </g>
          );
        })}
      </svg>
      <ul className="mt-1 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800" aria-label="Legend">
        <li className="flex items-center gap-2">
          <svg width="20" height="16" aria-hidden="true">
            <line x1="10" x2="10" y1="1" y2="15" stroke={YOU} strokeWidth={2} />
            <circle cx="10" cy="8" r="4" fill={YOU} />
          </svg>
          You, with your 95% interval
        </li>
        <li className="flex items-center gap-2">
          <svg width="30" height="12" aria-hidden="true">
            <line x1="1" x2="29" y1="6" y2="6" stroke={ORG} strokeWidth={2} strokeDasharray="6 4" />
            <rect x="11.5" y="2.5" width="7" height="7" fill={ORG} />
          </svg>
          Organisation
        </li>
      </ul>
      <TableScroll role="region" aria-label="Your CSAT by quarter: the numbers" tabIndex={0} className="mt-3">
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left text-slate-700">Your CSAT by quarter: the numbers</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-1.5 pr-3">
                Quarter
              </th>
              <th scope="col" className="py-1.5 pr-3">
                You
              </th>
              <th scope="col" className="py-1.5">
                Organisation
              </th>
            </tr>
          </thead>
          <tbody>
            {quarters.map((q) => (
              <tr key={q.quarter} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1.5 pr-3 font-medium whitespace-nowrap">
                  {q.quarter}
                </th>
                <td className="py-1.5 pr-3 tabular-nums">{cell(q, "mine")}</td>
                <td className="py-1.5 tabular-nums">{cell(q, "organisation")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
