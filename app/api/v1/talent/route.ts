import type { NextRequest } from "next/server";
import { badRequest, json, notFound, withViewer } from "@/lib/api/respond";
import { gridCells } from "@/lib/domain/keeper-grid";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { getTalentReport, type TeamTalent } from "@/lib/dal/talent";

/** The stable API shape of one team (DESIGN.md "Interfaces"); fractions, not percents. */
function teamJson(t: TeamTalent) {
  const person = (p: { employeeId: number; email: string; name: string }) => ({ id: p.employeeId, email: p.email, name: p.name });
  return {
    team: t.team,
    manager: t.managerRef ? { id: t.managerRef.id, email: t.managerRef.email, name: t.managerRef.name } : null,
    headcount: t.headcount,
    completion: { notStarted: t.completion.notStarted, draft: t.completion.draft, submitted: t.completion.submitted },
    keeperRate: t.keeperRate,
    distribution: t.distribution,
    csat: t.csat.csat,
    ci95: t.csat.ci95,
    responses: t.csat.responses,
    grid: gridCells(t.grid).map((cell) => ({ keeper: cell.keeperAnswer, band: cell.band, employees: cell.people.map(person) })),
    flags: [
      ...t.people.flatMap((p) => p.flags.map((f) => ({ employeeId: p.employeeId, kind: f.kind, detail: f.message }))),
      // The manager flag is about the manager's answers as a whole, so it names the manager.
      ...(t.managerFlag && t.managerRef ? [{ employeeId: t.managerRef.id, kind: t.managerFlag.kind, detail: t.managerFlag.message }] : []),
    ],
  };
}

export function GET(request: NextRequest) {
  return withViewer(async () => {
    const params = request.nextUrl.searchParams;
    const cycle = params.get("cycle") ?? "";
    if (!QUARTER_KEY.test(cycle)) return badRequest("Pass ?cycle=YYYY-Qn.");
    const team = params.get("team");
    const result = await getTalentReport({ cycle, ...(team !== null ? { teamName: team } : {}) }, "/api/v1/talent", { history: false, ratings: false, teamOptions: false });
    if (!result.ok) return notFound();
    const { cycle: c, organisation, teams } = result.value;
    return json({
      cycle: c.key,
      organisation: { csat: organisation.csat.csat, ci95: organisation.csat.ci95, responses: organisation.csat.responses, keeperRate: organisation.keeperRate },
      teams: teams.map(teamJson),
    });
  });
}
