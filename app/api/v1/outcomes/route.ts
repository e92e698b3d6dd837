import type { NextRequest } from "next/server";
import { badRequest, json, notFound, withViewer } from "@/lib/api/respond";
import { getKeeperOutcomes } from "@/lib/dal/keeper-outcomes";
import { QUARTER_KEY } from "@/lib/domain/quarter";

/**
 * `GET /api/v1/outcomes?cycle=YYYY-Qn`: keeper accuracy for one released or closed cycle, for the
 * people the caller may see (HR: everyone; a manager: their subtree as the cycle recorded it).
 * Windows that have not ended are `{ "known": false, "knownFrom": "YYYY-MM-DD" }`; every rate
 * carries its count, base, Wilson 95% interval and `small` (fewer than 10 people).
 */
export function GET(request: NextRequest) {
  return withViewer(request, async () => {
    const cycle = request.nextUrl.searchParams.get("cycle") ?? "";
    if (!QUARTER_KEY.test(cycle)) return badRequest("Pass ?cycle=YYYY-Qn.");
    const result = await getKeeperOutcomes({ cycle }, "/api/v1/outcomes");
    if (!result.ok) return notFound();
    const s = result.value.selected;
    return json({
      cycle: s.cycle.key,
      asOf: s.asOf,
      anchor: s.anchor,
      windows: s.windows,
      scope: s.scope,
      teams: s.teams.map((t) => ({ team: t.key === null ? null : { id: t.key, name: t.label }, ...t.figures })),
      managers: s.managers.map((m) => ({ manager: m.key === null ? null : { id: m.key, name: m.label }, ...m.figures })),
    });
  });
}
