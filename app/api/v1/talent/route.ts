import type { NextRequest } from "next/server";
import { nextLink, pageRequest } from "@/lib/api/paging";
import { badRequest, jsonBytes, notFound, withViewer } from "@/lib/api/respond";
import { talentQuery } from "@/lib/api/talent-query";
import { getTalentApiPage } from "@/lib/dal/talent-api";

/** Teams in pages by name: `?cycle=YYYY-Qn[&team=NAME][&limit=N][&cursor=…]`, `next` for the rest. */
export function GET(request: NextRequest) {
  return withViewer(request, async () => {
    const query = talentQuery(request);
    if (!query) return badRequest("Pass ?cycle=YYYY-Qn.");
    const paging = pageRequest(request);
    if (!paging.ok) return badRequest(paging.message);
    const { limit, after } = paging.page;
    if (after !== null && typeof after !== "string") return badRequest("cursor is not one this API gave out; start again without it");
    const result = await getTalentApiPage(query, { afterTeam: after, limit });
    if (!result.ok) return notFound();
    const { body, lastTeam } = result.value;
    const next = lastTeam === null ? null : nextLink(request, lastTeam, limit);
    return jsonBytes(Buffer.concat([body, Buffer.from(`,"next":${JSON.stringify(next)}}`)]));
  });
}
