import Link from "next/link";
import { Card } from "@/components/ui/card";
import { KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";
import type { ReviewView } from "@/lib/dal/review-read";
import { formatDate } from "@/lib/format";

export function MyFeedback({ reviews }: { reviews: ReviewView[] }) {
  return (
    <Card title="Your feedback">
      {reviews.length === 0 ? (
        <p className="text-sm text-slate-700">
          No reviews have been released to you yet. You will see each quarter&apos;s review here once HR releases the cycle.
        </p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {reviews.map((r) => (
            <li key={r.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
              <div>
                <Link href={`/feedback/${r.cycle.key}`} className="font-medium text-brand-700 underline-offset-2 hover:underline">
                  {r.cycle.key} review
                </Link>
                <p className="text-sm text-slate-700">
                  From {r.reviewer?.name ?? "your manager"} · submitted {formatDate(r.submittedAt)}
                </p>
              </div>
              {r.keeper && (
                <span className="text-sm">
                  Keeper answer: <strong>{KEEPER_SHORT_LABELS[r.keeper.answer]}</strong>
                </span>
              )}
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
