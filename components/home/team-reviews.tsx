import Link from "next/link";
import { ReviewStatusBadge } from "@/components/review-status-badge";
import { Card } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { managersCanEdit } from "@/lib/domain/cycle-state";
import { KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";
import type { CycleRef } from "@/lib/dal/cycles";
import type { ReportStatus } from "@/lib/dal/team";
import { daysUntil, formatDate, formatDateTime } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

function DueLine({ cycle }: { cycle: CycleRef }) {
  if (!managersCanEdit(cycle.state))
    return <p className="text-sm text-slate-700">This cycle is in {cycle.state}; reviews can no longer be edited.</p>;
  if (!cycle.dueDate) return null;
  const days = daysUntil(cycle.dueDate);
  const when = days < 0 ? `${-days} days overdue` : days === 0 ? "due today" : `${days} days left`;
  return (
    <p className={`text-sm ${days < 0 ? "font-medium text-red-800" : "text-slate-700"}`}>
      Due {formatDate(cycle.dueDate)} ({when})
    </p>
  );
}

export function TeamReviews({ cycle, reports }: { cycle: CycleRef; reports: ReportStatus[] }) {
  const submitted = reports.filter((r) => r.status === "submitted").length;
  return (
    <Card title={`Your team · ${cycle.key} keeper reviews`}>
      <DueLine cycle={cycle} />
      <div className="mt-3 max-w-md">
        <Progress value={submitted} max={reports.length} label={`${submitted} of ${reports.length} submitted`} />
      </div>
      <TableScroll className="mt-4">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Direct reports, and anyone else whose {cycle.key} review is yours to write, with its status</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-2 pr-3">
                Name
              </th>
              <th scope="col" className="py-2 pr-3">
                Title
              </th>
              <th scope="col" className="py-2 pr-3">
                Status
              </th>
              <th scope="col" className="py-2 pr-3">
                Keeper answer
              </th>
              <th scope="col" className="py-2">
                Last saved
              </th>
            </tr>
          </thead>
          <tbody>
            {reports.map((r) => (
              <tr key={r.id} className="border-b border-slate-100 last:border-0">
                <td className="py-2 pr-3">
                  <Link href={`/reviews/${cycle.key}/${r.id}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                    {r.name}
                  </Link>
                </td>
                <td className="py-2 pr-3 text-slate-700">{r.title}</td>
                <td className="py-2 pr-3">
                  <ReviewStatusBadge status={r.status} />
                </td>
                <td className="py-2 pr-3">{r.keeperAnswer ? KEEPER_SHORT_LABELS[r.keeperAnswer] : "—"}</td>
                <td className="py-2 text-slate-700">{formatDateTime(r.updatedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </Card>
  );
}

/** Read-only view for managers of managers, grouped by each report's manager. */
export function IndirectReviews({ cycle, reports }: { cycle: CycleRef; reports: ReportStatus[] }) {
  const byManager = new Map<string, ReportStatus[]>();
  for (const r of reports) byManager.set(r.managerName, [...(byManager.get(r.managerName) ?? []), r]);
  return (
    <Card title={`Across your organisation · ${cycle.key}`}>
      <p className="text-sm text-slate-700">
        Reviews written by the managers who report to you. You can read them; only their manager can edit.
      </p>
      <div className="mt-3 grid gap-4 md:grid-cols-2">
        {[...byManager].map(([manager, rows]) => {
          const done = rows.filter((r) => r.status === "submitted").length;
          return (
            <div key={manager} className="rounded-md border border-slate-200 p-3">
              <h3 className="font-medium">{manager}&apos;s team</h3>
              <p className="text-sm text-slate-700">
                {done} of {rows.length} submitted
              </p>
              <ul className="mt-2 space-y-1 text-sm">
                {rows.map((r) => (
                  <li key={r.id} className="flex items-center justify-between gap-2">
                    {r.status === "not_started" ? (
                      <span>{r.name}</span>
                    ) : (
                      <Link href={`/reviews/${cycle.key}/${r.id}`} className="text-brand-700 underline-offset-2 hover:underline">
                        {r.name}
                      </Link>
                    )}
                    <ReviewStatusBadge status={r.status} />
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </Card>
  );
}
