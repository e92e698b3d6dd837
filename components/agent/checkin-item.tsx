import { Badge } from "@/components/ui/badge";
import { KEEPER_LABELS } from "@/lib/domain/keeper";
import type { CheckinView } from "@/lib/dal/checkins";
import { formatDateTime } from "@/lib/format";
import { ageLabel, isLongWait } from "./age";

/** One check-in as its two participants see it; `who` is the other person's role in the words. */
export function CheckinItem({ checkin, perspective, now }: { checkin: CheckinView; perspective: "agent" | "manager"; now: number }) {
  const other = perspective === "agent" ? checkin.manager.name : checkin.agent.name;
  return (
    <article className="rounded-md border border-slate-200 p-3 text-sm">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p className="font-medium">
          {perspective === "agent" ? `Asked ${other}` : `${other} asked`} · {formatDateTime(checkin.askedAt)}
        </p>
        {checkin.answeredAt ? (
          <Badge tone="green">Answered</Badge>
        ) : (
          <Badge tone={isLongWait(checkin.askedAt, now) ? "red" : "amber"}>Waiting {ageLabel(checkin.askedAt, now)}</Badge>
        )}
      </div>
      {checkin.message && <p className="mt-2 whitespace-pre-wrap text-slate-800">“{checkin.message}”</p>}
      {checkin.answeredAt && checkin.answer && (
        <div className="mt-3 rounded-md bg-slate-50 p-3">
          <p className="font-semibold">{KEEPER_LABELS[checkin.answer]}</p>
          {checkin.note && <p className="mt-1 whitespace-pre-wrap text-slate-800">{checkin.note}</p>}
          <p className="mt-1 text-slate-700">
            Answered {formatDateTime(checkin.answeredAt)}, after {ageLabel(checkin.askedAt, checkin.answeredAt)}
          </p>
        </div>
      )}
    </article>
  );
}
