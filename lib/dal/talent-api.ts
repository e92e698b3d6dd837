import "server-only";
import { getDb } from "@/db/client";
import { gridCells } from "@/lib/domain/keeper-grid";
import { memoUntilTalentChange } from "./read-memo";
import { assemble, resolveTalent, teamsInScope, type TalentInput, type TalentResult, type TeamTalent } from "./talent";

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

/**
 * `GET /api/v1/talent` as a serialised JSON body (UTF-8). For HR the organisation's report is 10,000
 * people in 1,000 grids (1.5 MB, ~300 ms to build here) and the same for every HR caller, so the
 * text is reused until talent data changes (read-memo.ts). The key holds the viewer's scope: HR's whole
 * organisation, or one manager's subtree; the API shape carries nothing else that depends on who
 * asks (`canCalibrate` is not in it).
 */
export async function getTalentApiBody(raw: TalentInput): Promise<TalentResult<Uint8Array>> {
  const resolved = await resolveTalent(raw, "/api/v1/talent");
  if (!resolved.ok) return resolved;
  const { viewer, cycle, filter } = resolved.value;
  const scope = viewer.isHr ? "organisation" : `subtree:${viewer.id}`;
  const key = JSON.stringify(["talent-api", scope, cycle.key, filter.teamId ?? null, filter.teamName ?? null, filter.managerId ?? null]);
  // A team the viewer may not see is audited inside, so a denial is never kept: it is audited
  // every time it is asked for.
  return memoUntilTalentChange(getDb(), key, (): TalentResult<Uint8Array> => {
    const scoped = teamsInScope(viewer, cycle, filter, false);
    if (!scoped.ok) return scoped;
    const report = assemble(viewer, cycle, filter, scoped.value.teams, [], false, false);
    const { organisation, teams } = report;
    return {
      ok: true,
      // Kept as UTF-8 bytes: sending a string would encode 1.5 MB afresh for every response.
      value: Buffer.from(JSON.stringify({
        cycle: report.cycle.key,
        organisation: { csat: organisation.csat.csat, ci95: organisation.csat.ci95, responses: organisation.csat.responses, keeperRate: organisation.keeperRate },
        teams: teams.map(teamJson),
      })),
    };
  }, (result) => result.ok);
}
