import Link from "next/link";
import { Card } from "@/components/ui/card";
import type { CheckinView } from "@/lib/dal/checkins";
import { formatDateTime } from "@/lib/format";
import { ageLabel, isLongWait } from "./age";

/** Manager's home: check-ins waiting for an answer, oldest first, with how long each has waited. */
export function PendingCheckins({ pending, now }: { pending: CheckinView[]; now: number }) {
  if (pending.length === 0) return null;
  return (
    <Card
      title={`Keeper check-ins waiting for you (${pending.length})`}
      actions={
        <Link href="/checkins" className="text-sm font-medium text-brand-700 underline">
          Answer
        </Link>
      }
    >
      <ul className="divide-y divide-slate-100 text-sm">
        {pending.map((c) => (
          <li key={c.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
            <span>
              <strong>{c.agent.name}</strong> asked {formatDateTime(c.askedAt)}
            </span>
            <span className={isLongWait(c.askedAt, now) ? "font-medium text-red-800" : "text-slate-700"}>
              waiting {ageLabel(c.askedAt, now)}
            </span>
          </li>
        ))}
      </ul>
    </Card>
  );
}
