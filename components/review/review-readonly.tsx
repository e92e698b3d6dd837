import { KEEPER_LABELS } from "@/lib/domain/keeper";
import { RATING_LABELS } from "@/lib/domain/traits";
import type { ReviewView } from "@/lib/dal/review-read";
import { Card } from "@/components/ui/card";

export function ReviewReadOnly({ review }: { review: ReviewView }) {
  return (
    <div className="space-y-5">
      {review.keeper ? (
        <Card title="The keeper test">
          <p className="font-medium">{KEEPER_LABELS[review.keeper.answer]}</p>
          <p className="mt-2 whitespace-pre-wrap text-slate-800">{review.keeper.reason}</p>
        </Card>
      ) : review.can.isSubject ? null : (
        <Card title="The keeper test">
          <p className="text-slate-700">Not answered yet.</p>
        </Card>
      )}
      <Card title="Summary">
        <p className="whitespace-pre-wrap text-slate-800">{review.summary || "No summary yet."}</p>
      </Card>
      <Card title="Customer-service traits">
        <dl className="divide-y divide-slate-100">
          {review.traits.map((t) => (
            <div key={t.cycleTraitId} className="py-3">
              <dt className="font-medium">
                {t.label} <span className="font-normal text-slate-700">· {t.description}</span>
              </dt>
              <dd className="mt-1 text-sm">
                {t.notObserved ? (
                  "Not observed"
                ) : t.rating ? (
                  <>
                    <strong>
                      {t.rating} · {RATING_LABELS[t.rating]}
                    </strong>{" "}
                    — {t.levels[t.rating - 1]}
                  </>
                ) : (
                  "Not rated"
                )}
                {t.comment && <p className="mt-1 whitespace-pre-wrap text-slate-800">“{t.comment}”</p>}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
      {review.privateNotes !== undefined && (
        <Card title="Private notes" className="border-amber-200 bg-amber-50">
          <p className="text-sm text-slate-800">Never shown to the employee.</p>
          <p className="mt-2 whitespace-pre-wrap">{review.privateNotes || "None."}</p>
        </Card>
      )}
    </div>
  );
}
