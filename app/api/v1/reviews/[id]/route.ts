import { json, notFound, withViewer } from "@/lib/api/respond";
import { reviewJson } from "@/lib/api/review-json";
import { getReviewById } from "@/lib/dal/review-read";

export function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return withViewer(request, async () => {
    const id = Number((await params).id);
    if (!Number.isInteger(id) || id <= 0) return notFound();
    const review = await getReviewById(id);
    return review ? json(reviewJson(review)) : notFound();
  });
}
