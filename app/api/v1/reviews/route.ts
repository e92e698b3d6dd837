import type { NextRequest } from "next/server";
import { badRequest, json, withViewer } from "@/lib/api/respond";
import { reviewJson } from "@/lib/api/review-json";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { listVisibleReviews } from "@/lib/dal/review-read";

export function GET(request: NextRequest) {
  return withViewer(request, async () => {
    const cycle = request.nextUrl.searchParams.get("cycle") ?? "";
    if (!QUARTER_KEY.test(cycle)) return badRequest("Pass ?cycle=YYYY-Qn.");
    const reviews = await listVisibleReviews(cycle);
    return json({ cycle, reviews: reviews.map(reviewJson) });
  });
}
