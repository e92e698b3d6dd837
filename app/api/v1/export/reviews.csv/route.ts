import { NextResponse, type NextRequest } from "next/server";
import { badRequest, notFound, withViewer } from "@/lib/api/respond";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { exportReviewsCsv } from "@/lib/dal/export";

/** `GET /api/v1/export/reviews.csv?cycle=YYYY-Qn[&team=NAME]`: the talent review as a download. */
export function GET(request: NextRequest) {
  return withViewer(async () => {
    const params = request.nextUrl.searchParams;
    const cycle = params.get("cycle") ?? "";
    if (!QUARTER_KEY.test(cycle)) return badRequest("Pass ?cycle=YYYY-Qn.");
    const team = params.get("team");
    const result = await exportReviewsCsv({ cycle, ...(team !== null ? { teamName: team } : {}) });
    if (!result.ok) return notFound();
    // The BOM makes Excel read the file as UTF-8 (names with accents); other tools ignore it.
    return new NextResponse(`\uFEFF${result.value.csv}`, {
      status: 200,
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${result.value.filename}"`,
        "Cache-Control": "no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  });
}
