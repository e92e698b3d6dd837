import "server-only";
import type { z } from "zod";
import type { talentTeamSchema } from "@/lib/api-contract/schemas";
import { getDb } from "@/db/client";
import { gridCells } from "@/lib/domain/keeper-grid";
import { talentScopeKey } from "./policy";
import { memoUntilTalentChange } from "./read-memo";
import { assemble, resolveTalent, teamsInScope, type TalentInput, type TalentResult, type TeamTalent } from "./talent";

/** The stable API shape of one team (DESIGN.md "Interfaces"); fractions, not percents. */
function teamJson(t: TeamTalent): z.output<typeof talentTeamSchema> {
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

interface TalentApiPages {
  /** `"cycle":…,"organisation":{…}` as UTF-8: the same on every page. */
  head: Buffer;
  /** Each team's JSON as UTF-8, sorted by team name (the keyset the cursor holds). */
  teams: { name: string; json: Buffer }[];
}

export interface TalentPageRequest {
  /** The last team name of the previous page, or null for the first page. */
  afterTeam: string | null;
  limit: number;
}

const OPEN_TEAMS = Buffer.from(',"teams":[');
const COMMA = Buffer.from(",");

/**
 * One page of `GET /api/v1/talent` as a serialised JSON body (UTF-8), without its closing `}` so
 * the route can add the `next` link, plus the last team's name for that link (null on the last
 * page). For HR the organisation's report is 10,000 people in 1,000 grids (~300 ms to build here)
 * and the same for every HR caller, so each team's text is reused until talent data changes
 * (read-memo.ts) and a page only joins the pieces it lists. The key holds the viewer's scope: HR's
 * whole organisation, or one manager's subtree; the API shape carries nothing else that depends on
 * who asks (`canCalibrate` is not in it).
 */
export async function getTalentApiPage(
  raw: TalentInput,
  page: TalentPageRequest,
): Promise<TalentResult<{ body: Buffer; lastTeam: string | null }>> {
  const resolved = await resolveTalent(raw, "/api/v1/talent");
  if (!resolved.ok) return resolved;
  const { viewer, cycle, filter } = resolved.value;
  const key = JSON.stringify([
    "talent-api",
    talentScopeKey(viewer),
    cycle.key,
    filter.teamId ?? null,
    filter.teamName ?? null,
    filter.managerId ?? null,
  ]);
  // A team the viewer may not see is audited inside, so a denial is never kept: it is audited
  // every time it is asked for.
  const pages = await memoUntilTalentChange(
    getDb(),
    key,
    async (): Promise<TalentResult<TalentApiPages>> => {
      const scoped = await teamsInScope(viewer, cycle, filter, false);
      if (!scoped.ok) return scoped;
      const report = await assemble(viewer, cycle, filter, scoped.value.teams, [], false, false);
      const { organisation } = report;
      const head = JSON.stringify({
        cycle: report.cycle.key,
        organisation: {
          csat: organisation.csat.csat,
          ci95: organisation.csat.ci95,
          responses: organisation.csat.responses,
          keeperRate: organisation.keeperRate,
        },
      });
      const teams = report.teams
        .map((t) => ({ name: t.team, json: Buffer.from(JSON.stringify(teamJson(t))) }))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      return { ok: true, value: { head: Buffer.from(head.slice(0, -1)), teams } };
    },
    (result) => result.ok,
  );
  if (!pages.ok) return pages;
  const { head, teams } = pages.value;
  const from = page.afterTeam === null ? 0 : teams.findIndex((t) => t.name > page.afterTeam!);
  const slice = from < 0 ? [] : teams.slice(from, from + page.limit);
  const more = from >= 0 && from + page.limit < teams.length;
  const parts: Buffer[] = [head, OPEN_TEAMS];
  slice.forEach((t, i) => parts.push(...(i > 0 ? [COMMA, t.json] : [t.json])));
  parts.push(Buffer.from("]"));
  return { ok: true, value: { body: Buffer.concat(parts), lastTeam: more ? slice[slice.length - 1].name : null } };
}
