import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FeedbackReview } from "@/components/agent/feedback-review";
import { ReviewResponseForm } from "@/components/agent/review-response-form";
import { Card } from "@/components/ui/card";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { getMyFeedbackFor } from "@/lib/dal/feedback";
import { getReflectionFor } from "@/lib/dal/reflections";
import { verifySession } from "@/lib/dal/session";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "My review" };

const paramsSchema = z.object({ cycle: z.string().regex(QUARTER_KEY) });

export default async function FeedbackReviewPage({ params }: { params: Promise<{ cycle: string }> }) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const viewer = await verifySession();
  const item = await getMyFeedbackFor(parsed.data.cycle);
  if (!item) notFound();
  const { review } = item;
  const mine = await getReflectionFor(review.cycle.key, viewer.id);
  const reflection = mine?.reflection ?? null;
  return (
    <div className="space-y-6">
      <div>
        <Link href="/feedback" className="text-sm font-medium text-brand-700 underline">
          ← My feedback
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">Your {review.cycle.key} review</h1>
        <p className="text-slate-700">
          From {review.reviewer?.name ?? "your manager"} · submitted {formatDate(review.submittedAt)}
        </p>
      </div>
      <div className="grid grid-cols-1 gap-6 lg:grid-cols-[1fr_20rem]">
        <div className="min-w-0">
          <FeedbackReview review={review} />
        </div>
        <div className="min-w-0 space-y-6">
          <Card title="Your response">
            <ReviewResponseForm
              cycleKey={review.cycle.key}
              managerName={review.reviewer?.name ?? "your manager"}
              acknowledgedAt={review.acknowledgedAt}
              reply={review.agentReply}
              repliedAt={item.repliedAt}
              canAcknowledge={item.canAcknowledge}
              canReply={item.canReply}
            />
          </Card>
          {reflection && (
            <Card title="Your self-reflection">
              <h3 className="text-sm font-semibold">Proud of</h3>
              <p className="whitespace-pre-wrap text-sm text-slate-800">{reflection.proudOf || "—"}</p>
              <h3 className="mt-3 text-sm font-semibold">Want to get better at</h3>
              <p className="whitespace-pre-wrap text-sm text-slate-800">{reflection.growth || "—"}</p>
            </Card>
          )}
        </div>
      </div>
    </div>
  );
}
