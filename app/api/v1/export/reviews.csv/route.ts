import { NextResponse, type NextRequest } from "next/server";
import { badRequest, notFound, withViewer } from "@/lib/api/respond";
import { talentQuery } from "@/lib/api/talent-query";
import { exportReviewsCsv } from "@/lib/dal/export";

/** `GET /api/v1/export/reviews.csv?cycle=YYYY-Qn[&team=NAME]`: the talent review as a download. */
export function GET(request: NextRequest) {
  return withViewer(request, async () => {
    const query = talentQuery(request);
    if (!query) return badRequest("Pass ?cycle=YYYY-Qn.");
    const result = await exportReviewsCsv(query);
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
