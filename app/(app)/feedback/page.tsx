import type { Metadata } from "next";
import Link from "next/link";
import { ReflectionForm } from "@/components/agent/reflection-form";
import { TraitTrendTable } from "@/components/agent/trait-trend";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";
import { getMyFeedback } from "@/lib/dal/feedback";
import { getMyOpenReflection, REFLECTION_MAX } from "@/lib/dal/reflections";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "My feedback" };

export default async function FeedbackPage() {
  const [{ items, trend }, reflection] = await Promise.all([getMyFeedback(), getMyOpenReflection()]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">My feedback</h1>
        <p className="text-slate-700">Every review your manager has written for you, once HR releases the quarter.</p>
      </div>
      {reflection && (
        <Card title={`Self-reflection · ${reflection.cycleKey}`}>
          <p className="mb-4 text-sm text-slate-700">
            The {reflection.cycleKey} reviews are being written{reflection.dueDate ? ` (due ${formatDate(reflection.dueDate)})` : ""}. Your
            manager sees what you write here beside your review form. You can change it until the cycle closes for writing.
          </p>
          <ReflectionForm
            cycleKey={reflection.cycleKey}
            proudOf={reflection.proudOf}
            growth={reflection.growth}
            updatedAt={reflection.updatedAt}
            max={REFLECTION_MAX}
          />
        </Card>
      )}
      <Card title="Your reviews">
        {items.length === 0 ? (
          <p className="text-sm text-slate-700">
            No reviews have been released to you yet. You will see each quarter&apos;s review here once HR releases the cycle.
          </p>
        ) : (
          <ul className="divide-y divide-slate-100">
            {items.map(({ review, repliedAt, canAcknowledge }) => (
              <li key={review.id} className="py-4 first:pt-0 last:pb-0">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="text-base font-semibold">
                    <Link href={`/feedback/${review.cycle.key}`} className="text-brand-700 underline-offset-2 hover:underline">
                      {review.cycle.key} review
                    </Link>
                  </h3>
                  {review.acknowledgedAt ? (
                    <Badge tone="green">Acknowledged</Badge>
                  ) : canAcknowledge ? (
                    <Badge tone="amber">New</Badge>
                  ) : null}
                  {repliedAt && <Badge tone="blue">Replied</Badge>}
                </div>
                <p className="text-sm text-slate-700">
                  From {review.reviewer?.name ?? "your manager"} · {formatDate(review.submittedAt)}
                  {review.keeper ? ` · Keeper answer: ${KEEPER_SHORT_LABELS[review.keeper.answer]}` : ""}
                </p>
                {review.summary && <p className="mt-2 line-clamp-3 whitespace-pre-wrap text-slate-800">{review.summary}</p>}
              </li>
            ))}
          </ul>
        )}
      </Card>
      {trend.quarters.length > 0 && (
        <Card title="Your traits, quarter over quarter">
          <TraitTrendTable trend={trend} />
        </Card>
      )}
    </div>
  );
}
