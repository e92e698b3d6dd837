import "server-only";
import { getDb } from "@/db/client";
import type { Flag } from "@/lib/domain/calibration-flags";
import { teamSearchMatcher } from "@/lib/domain/team-search";
import { groupBy } from "@/lib/group-by";
import {
  answersByQuarter,
  assemble,
  calibrationQueue,
  resolveTalent,
  teamsInScope,
  traitScores,
  type ScopedTeam,
  type TalentInput,
  type TalentPerson,
  type TalentReport,
  type TalentResult,
} from "./talent";
import * as load from "./talent-load";

/** Past this many people without flags, the meeting asks for a team instead of listing them. */
export const UNFLAGGED_LIMIT = 300;

/** What the calibration meeting page shows, for the teams the viewer may see. */
export interface CalibrationMeeting {
  cycle: TalentReport["cycle"];
  traits: TalentReport["traits"];
  historyQuarters: string[];
  teamNames: Map<number, string>;
  managerFlags: { team: string; flag: Flag }[];
  /** Flagged people, most flags first, with their ratings and earlier answers. */
  flagged: TalentPerson[];
  /** Everyone else in the same order, or null when there are more than the limit. */
  others: TalentPerson[] | null;
  othersCount: number;
}

/**
 * The calibration meeting: everyone in scope is checked for flags, but only the people listed get
 * their trait ratings and earlier keeper answers. Flags need neither, and for a whole organisation
 * of 10,000 those two queries were half the page's SQL (60,000 ratings, 40,000 answers) for the
 * few dozen people on screen.
 */
export async function getCalibrationMeeting(raw: TalentInput, unflaggedLimit = UNFLAGGED_LIMIT): Promise<TalentResult<CalibrationMeeting>> {
  const resolved = await resolveTalent(raw, "/talent/calibration");
  if (!resolved.ok) return resolved;
  const { viewer, cycle, filter } = resolved.value;
  const scoped = await teamsInScope(viewer, cycle, filter, false);
  if (!scoped.ok) return scoped;
  const report = await assemble(viewer, cycle, filter, scoped.value.teams, [], false, false);
  const queue = calibrationQueue(report);
  const flagged = queue.filter((e) => e.person.flags.length > 0).map((e) => e.person);
  const rest = queue.filter((e) => e.person.flags.length === 0).map((e) => e.person);
  const others = rest.length > unflaggedLimit ? null : rest;

  const listed = [...flagged, ...(others ?? [])];
  const ids = listed.map((p) => p.employeeId);
  const db = getDb();
  const ratings = groupBy(await load.loadRatings(db, viewer, cycle, filter, ids), (r) => r.employeeId);
  const history = groupBy(await load.loadHistory(db, viewer, cycle, report.historyQuarters, filter, ids), (r) => r.employeeId);
  for (const person of listed) {
    person.ratings = traitScores(ratings.get(person.employeeId) ?? []);
    person.history = answersByQuarter(history.get(person.employeeId) ?? [], report.historyQuarters);
  }

  return {
    ok: true,
    value: {
      cycle: report.cycle,
      traits: report.traits,
      historyQuarters: report.historyQuarters,
      teamNames: new Map(report.teams.map((t) => [t.id, t.team])),
      managerFlags: report.teams.flatMap((t) => (t.managerFlag ? [{ team: t.team, flag: t.managerFlag }] : [])),
      flagged,
      others,
      othersCount: rest.length,
    },
  };
}

/**
 * The teams in the viewer's scope that a "Team or manager" search matches, in the cycle the meeting
 * would show. Answered before the meeting is built: a search that finds one team opens it, and
 * building the whole organisation's meeting only to redirect cost about 0.4 s at 10,000 people.
 */
export async function findCalibrationTeams(
  raw: TalentInput,
  query: string,
): Promise<TalentResult<{ cycleKey: string; matches: ScopedTeam[] }>> {
  const resolved = await resolveTalent(raw, "/talent/calibration");
  if (!resolved.ok) return resolved;
  const { viewer, cycle } = resolved.value;
  const scoped = await teamsInScope(viewer, cycle, {}, true);
  if (!scoped.ok) return scoped;
  const matcher = teamSearchMatcher(query);
  const matches = scoped.value.teamOptions.filter((t) => matcher({ team: t.name, manager: t.manager?.name ?? null }));
  return { ok: true, value: { cycleKey: cycle.key, matches } };
}
