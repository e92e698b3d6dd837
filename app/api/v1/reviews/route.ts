import type { NextRequest } from "next/server";
import { nextPage, pageRequest } from "@/lib/api/paging";
import { badRequest, json, withViewer } from "@/lib/api/respond";
import { reviewJson } from "@/lib/api/review-json";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { listVisibleReviews } from "@/lib/dal/review-read";

export function GET(request: NextRequest) {
  return withViewer(request, async () => {
    const cycle = request.nextUrl.searchParams.get("cycle") ?? "";
    if (!QUARTER_KEY.test(cycle)) return badRequest("Pass ?cycle=YYYY-Qn.");
    const paging = pageRequest(request);
    if (!paging.ok) return badRequest(paging.message);
    const { limit, after } = paging.page;
    if (after !== null && typeof after !== "number") return badRequest("cursor is not one this API gave out; start again without it");
    const rows = await listVisibleReviews(cycle, { afterId: after ?? 0, limit });
    const page = nextPage(request, rows, limit, (r) => r.id ?? 0);
    return json({ cycle, reviews: page.items.map(reviewJson), next: page.next });
  });
}
