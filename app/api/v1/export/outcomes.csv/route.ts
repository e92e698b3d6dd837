import { NextResponse, type NextRequest } from "next/server";
import { badRequest, notFound, withViewer } from "@/lib/api/respond";
import { exportOutcomesCsv } from "@/lib/dal/outcomes-export";
import { QUARTER_KEY } from "@/lib/domain/quarter";

/** `GET /api/v1/export/outcomes.csv?cycle=YYYY-Qn`: keeper accuracy as a download. */
export function GET(request: NextRequest) {
  return withViewer(request, async () => {
    const cycle = request.nextUrl.searchParams.get("cycle") ?? "";
    if (!QUARTER_KEY.test(cycle)) return badRequest("Pass ?cycle=YYYY-Qn.");
    const result = await exportOutcomesCsv({ cycle });
    if (!result.ok) return notFound();
    // The BOM makes Excel read the file as UTF-8; other tools ignore it.
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
