import { Card } from "@/components/ui/card";
import { KEEPER_LABELS } from "@/lib/domain/keeper";
import { RATING_LABELS } from "@/lib/domain/traits";
import type { ReviewView } from "@/lib/dal/review-read";

/** A released review as its subject reads it: summary, keeper answer when shared, every trait. */
export function FeedbackReview({ review }: { review: ReviewView }) {
  const manager = review.reviewer?.name ?? "Your manager";
  return (
    <div className="space-y-5">
      <Card title="Summary">
        <p className="whitespace-pre-wrap text-slate-800">{review.summary || "No summary was written."}</p>
        <p className="mt-2 text-sm text-slate-700">— {manager}</p>
      </Card>
      {review.keeper && (
        <Card title="The keeper test">
          <p className="text-sm text-slate-700">
            Would {manager.split(/\s+/)[0]} fight hard to keep you if you were leaving for a similar job?
          </p>
          <p className="mt-2 font-medium">{KEEPER_LABELS[review.keeper.answer]}</p>
          {review.keeper.reason && <p className="mt-2 whitespace-pre-wrap text-slate-800">{review.keeper.reason}</p>}
        </Card>
      )}
      <Card title="Customer-service traits">
        <dl className="divide-y divide-slate-100">
          {review.traits.map((t) => (
            <div key={t.cycleTraitId} className="py-3 first:pt-0 last:pb-0">
              <dt>
                <span className="font-medium">{t.label}</span>
                <span className="block text-sm text-slate-700">{t.description}</span>
              </dt>
              <dd className="mt-2 text-sm">
                {t.notObserved ? (
                  <p>Not observed this quarter</p>
                ) : t.rating ? (
                  <p>
                    <strong>
                      {t.rating} of 5 · {RATING_LABELS[t.rating]}
                    </strong>
                    <span className="block text-slate-700">{t.levels[t.rating - 1]}</span>
                  </p>
                ) : (
                  <p>Not rated</p>
                )}
                {t.comment && <p className="mt-2 whitespace-pre-wrap rounded-md bg-slate-50 p-2 text-slate-800">“{t.comment}”</p>}
              </dd>
            </div>
          ))}
        </dl>
      </Card>
    </div>
  );
}
