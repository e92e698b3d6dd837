import { TableScroll } from "@/components/ui/table-scroll";
import type { OutcomeGroup } from "@/lib/domain/keeper-outcomes";
import { laterText, leftText, stillHereText } from "./outcome-text";

/** One row per team or manager: every count, rate and interval, in words where there is no rate. */
export function OutcomeTable({
  caption,
  groupHeader,
  groups,
}: {
  caption: string;
  groupHeader: string;
  groups: OutcomeGroup<number | null>[];
}) {
  return (
    <TableScroll role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full min-w-[56rem] text-left text-sm">
        <caption className="mb-1 text-left text-slate-700">{caption}</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            <th scope="col" className="py-1.5 pr-3">
              {groupHeader}
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Fight hard
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Left within 6 months
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Left within 12 months
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Let go / unsure
            </th>
            <th scope="col" className="py-1.5 pr-3">
              Still here after two quarters
            </th>
            <th scope="col" className="py-1.5">
              Their later answers and CSAT
            </th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => (
            <tr key={String(g.key)} className="border-b border-slate-100 align-top last:border-0">
              <th scope="row" className="py-1.5 pr-3 font-medium">
                {g.label}
              </th>
              <td className="py-1.5 pr-3 tabular-nums">
                {g.figures.fightHard.answered}
                {g.figures.fightHard.undated ? ` (${g.figures.fightHard.undated} left, date not recorded)` : ""}
              </td>
              <td className="py-1.5 pr-3">{leftText(g.figures, 6)}</td>
              <td className="py-1.5 pr-3">{leftText(g.figures, 12)}</td>
              <td className="py-1.5 pr-3 tabular-nums">
                {g.figures.doubt.letGo} / {g.figures.doubt.unsure}
              </td>
              <td className="py-1.5 pr-3">{stillHereText(g.figures)}</td>
              <td className="py-1.5">{laterText(g.figures)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
