import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FollowUpForm } from "@/components/follow-ups/follow-up-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { listFollowUps, type FollowUpRow } from "@/lib/dal/follow-ups";
import { FOLLOW_UP_LABELS } from "@/lib/domain/follow-ups";
import { KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";

export const metadata: Metadata = { title: "Follow-ups" };

function Heading({ row }: { row: FollowUpRow }) {
  return (
    <h3 className="flex flex-wrap items-center gap-2 font-semibold">
      {row.employeeName}
      <Badge tone={row.answer === "let_go" ? "red" : "amber"}>
        {KEEPER_SHORT_LABELS[row.answer]} · {row.cycleKey}
      </Badge>
      <span className="text-sm font-normal text-slate-700">
        {row.team ?? "no team"} · manager {row.managerName}
      </span>
    </h3>
  );
}

export default async function FollowUpsPage() {
  const view = await listFollowUps();
  if (!view) notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Follow-ups</h1>
      <p className="text-slate-700">
        An unsure or let go answer in a released cycle asks the person’s manager what happened next: a candid conversation, an improvement
        plan, or a separation. Reminders go out weekly until it is recorded.
      </p>
      <Card title={`Waiting for a follow-up (${view.pendingTotal})`}>
        {view.pendingTotal > view.pending.length && (
          <p className="mb-3 text-sm text-slate-700">
            Showing {view.pending.length} of {view.pendingTotal}, yours first.
          </p>
        )}
        {view.pending.length === 0 ? (
          <p className="text-sm text-slate-700">Nothing waiting.</p>
        ) : (
          <ul className="space-y-6">
            {view.pending.map((row) => (
              <li key={row.reviewId} className="space-y-2 border-t border-slate-100 pt-4 first:border-0 first:pt-0">
                <Heading row={row} />
                {row.canRecord ? (
                  <FollowUpForm reviewId={row.reviewId} name={row.employeeName} initial={null} />
                ) : (
                  <p className="text-sm text-slate-700">Waiting for {row.managerName}.</p>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
      <Card title={`Recorded (${view.recordedTotal})`}>
        {view.recordedTotal > view.recorded.length && (
          <p className="mb-3 text-sm text-slate-700">
            Showing {view.recorded.length} of {view.recordedTotal}, yours first.
          </p>
        )}
        {view.recorded.length === 0 ? (
          <p className="text-sm text-slate-700">None yet.</p>
        ) : (
          <ul className="space-y-6">
            {view.recorded.map((row) => (
              <li key={row.reviewId} className="space-y-2 border-t border-slate-100 pt-4 first:border-0 first:pt-0">
                <Heading row={row} />
                <p className="text-sm">
                  {FOLLOW_UP_LABELS[row.kind!]} on {row.happenedOn}
                  {row.reviewOn ? `, reviewed on ${row.reviewOn}` : ""} · recorded by {row.recordedByName}
                </p>
                {row.note && <p className="whitespace-pre-line text-sm text-slate-800">{row.note}</p>}
                {row.canRecord && (
                  <details>
                    <summary className="cursor-pointer text-sm font-medium text-brand-800">Correct it</summary>
                    <div className="mt-2">
                      <FollowUpForm
                        reviewId={row.reviewId}
                        name={row.employeeName}
                        initial={{ kind: row.kind!, happenedOn: row.happenedOn!, reviewOn: row.reviewOn, note: row.note ?? "" }}
                      />
                    </div>
                  </details>
                )}
              </li>
            ))}
          </ul>
        )}
      </Card>
    </div>
  );
}
