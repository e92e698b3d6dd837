import { json, withViewer } from "@/lib/api/respond";
import { reviewJson } from "@/lib/api/review-json";
import { getMyFeedback } from "@/lib/dal/feedback";

const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

/** The caller's own released reviews with their acknowledgement and reply; nobody else's. */
export function GET(request: Request) {
  return withViewer(request, async () => {
    const { items, trend } = await getMyFeedback();
    return json({
      reviews: items.map((i) => ({
        ...reviewJson(i.review),
        acknowledgedAt: iso(i.review.acknowledgedAt),
        reply: i.review.agentReply,
        repliedAt: iso(i.repliedAt),
        canAcknowledge: i.canAcknowledge,
        canReply: i.canReply,
      })),
      traitTrend: trend,
    });
  });
}
