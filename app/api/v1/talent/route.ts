import type { NextRequest } from "next/server";
import { badRequest, jsonBytes, notFound, withViewer } from "@/lib/api/respond";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { getTalentApiBody } from "@/lib/dal/talent-api";

export function GET(request: NextRequest) {
  return withViewer(async () => {
    const params = request.nextUrl.searchParams;
    const cycle = params.get("cycle") ?? "";
    if (!QUARTER_KEY.test(cycle)) return badRequest("Pass ?cycle=YYYY-Qn.");
    const team = params.get("team");
    const result = await getTalentApiBody({ cycle, ...(team !== null ? { teamName: team } : {}) });
    if (!result.ok) return notFound();
    return jsonBytes(result.value);
  });
}
