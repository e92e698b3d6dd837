import type { ManagerCheckinStats } from "@/lib/dal/checkins";
import { ageLabel, durationLabel, isLongWait } from "./age";
import { TableScroll } from "@/components/ui/table-scroll";

/** HR's view: per manager, open check-ins and how long people waited. Counts only, no content. */
export function CheckinStatsTable({ stats, now }: { stats: ManagerCheckinStats[]; now: number }) {
  if (stats.length === 0) return <p className="text-sm text-slate-700">Nobody has asked for a keeper check-in yet.</p>;
  return (
    // Focusable, so keyboard users can scroll the table sideways on a phone.
    <TableScroll role="region" aria-label="Keeper check-ins per manager" tabIndex={0}>
      <table className="w-full min-w-[28rem] text-left text-sm">
        <caption className="sr-only">Keeper check-ins per manager: open, longest wait, answered and average time to answer</caption>
        <thead className="border-b border-slate-200 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-3">
              Manager
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Open
            </th>
            <th scope="col" className="py-2 pr-3">
              Longest waiting
            </th>
            <th scope="col" className="py-2 pr-3 text-right">
              Answered
            </th>
            <th scope="col" className="py-2">
              Average time to answer
            </th>
          </tr>
        </thead>
        <tbody>
          {stats.map((s) => (
            <tr key={s.managerId} className="border-b border-slate-100 last:border-0">
              <th scope="row" className="py-2 pr-3 font-medium">
                {s.managerName}
              </th>
              <td className="py-2 pr-3 text-right tabular-nums">{s.open}</td>
              <td
                className={`py-2 pr-3 ${s.oldestOpenAskedAt !== null && isLongWait(s.oldestOpenAskedAt, now) ? "font-medium text-red-800" : ""}`}
              >
                {s.oldestOpenAskedAt === null ? "—" : ageLabel(s.oldestOpenAskedAt, now)}
              </td>
              <td className="py-2 pr-3 text-right tabular-nums">{s.answered}</td>
              <td className="py-2">{s.averageWaitMs === null ? "—" : durationLabel(s.averageWaitMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}
