import type { NextRequest } from "next/server";
import { badRequest, jsonBytes, notFound, withViewer } from "@/lib/api/respond";
import { talentQuery } from "@/lib/api/talent-query";
import { getTalentApiBody } from "@/lib/dal/talent-api";

export function GET(request: NextRequest) {
  return withViewer(request, async () => {
    const query = talentQuery(request);
    if (!query) return badRequest("Pass ?cycle=YYYY-Qn.");
    const result = await getTalentApiBody(query);
    if (!result.ok) return notFound();
    return jsonBytes(result.value);
  });
}
