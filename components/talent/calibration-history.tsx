import { Card } from "@/components/ui/card";
import { KEEPER_ANSWERS, KEEPER_SHORT_LABELS, type KeeperAnswer } from "@/lib/domain/keeper";
import { RATING_LABELS } from "@/lib/domain/traits";
import type { CalibrationChangeView } from "@/lib/dal/calibration";
import { formatDateTime } from "@/lib/format";

/** A stored before/after value in words ('fight_hard' → "Fight hard", '4' → "4 · Strong"). */
function valueText(field: string, value: string | null): string {
  if (value === null) return "not rated";
  if (field === "keeper_answer")
    return (KEEPER_ANSWERS as readonly string[]).includes(value) ? KEEPER_SHORT_LABELS[value as KeeperAnswer] : value;
  if (value === "not_observed") return "Not observed";
  const n = Number(value);
  return RATING_LABELS[n] ? `${n} · ${RATING_LABELS[n]}` : value;
}

/** Who changed what during calibration, when, from what to what, and why; newest first. */
export function CalibrationHistory({ history }: { history: CalibrationChangeView[] }) {
  return (
    <Card title="Calibration history">
      {history.length === 0 ? (
        <p className="text-sm text-slate-700">No calibration changes.</p>
      ) : (
        <ol className="divide-y divide-slate-100" aria-label="Calibration changes, newest first">
          {history.map((c) => (
            <li key={c.id} className="py-2 text-sm">
              <p>
                <strong>{c.fieldLabel}</strong>: {valueText(c.field, c.before)} → <strong>{valueText(c.field, c.after)}</strong>
              </p>
              <p className="text-slate-700">
                {c.actor.name} · {formatDateTime(c.at)}
              </p>
              <p className="mt-1 whitespace-pre-wrap">Reason: {c.reason}</p>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
