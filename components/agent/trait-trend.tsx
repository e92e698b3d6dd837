import type { TraitTrend } from "@/lib/dal/feedback";
import { TableScroll } from "@/components/ui/table-scroll";

function Change({ from, to }: { from: number | null; to: number | null }) {
  if (from === null || to === null) return <span className="text-slate-700">—</span>;
  const d = to - from;
  if (d === 0) return <span className="text-slate-700">same</span>;
  return d > 0 ? <span className="font-medium text-emerald-800">up {d}</span> : <span className="font-medium text-red-800">down {-d}</span>;
}

/** Ratings per trait, quarter over quarter, as a table (1–5; — when not rated or not observed). */
export function TraitTrendTable({ trend }: { trend: TraitTrend }) {
  const n = trend.quarters.length;
  if (n === 0) return null;
  return (
    // Focusable, so keyboard users can scroll the table sideways on a phone.
    <TableScroll role="region" aria-label="Your trait ratings by quarter" tabIndex={0}>
      <table className="w-full min-w-[20rem] text-left text-sm">
        <caption className="sr-only">Your trait ratings by quarter, 1 (well below) to 5 (role model)</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Trait
            </th>
            {trend.quarters.map((q) => (
              <th key={q} scope="col" className="px-2 py-2 text-right">
                {q}
              </th>
            ))}
            {n > 1 && (
              <th scope="col" className="py-2 pl-2 text-right">
                Since last
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {trend.rows.map((row) => (
            <tr key={row.key} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2 pr-3 font-medium">
                {row.label}
              </th>
              {row.ratings.map((r, i) => (
                <td key={trend.quarters[i]} className="px-2 py-2 text-right tabular-nums">
                  {r ?? "—"}
                </td>
              ))}
              {n > 1 && (
                <td className="py-2 pl-2 text-right">
                  <Change from={row.ratings[n - 2]} to={row.ratings[n - 1]} />
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
