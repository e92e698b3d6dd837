import "server-only";
import { groupBy } from "@/lib/group-by";
import { z } from "zod";
import { getDb } from "@/db/client";
import type { Flag } from "@/lib/domain/calibration-flags";
import { csatFigure, type CsatFigure } from "@/lib/domain/csat";
import { canCalibrateReview } from "@/lib/domain/cycle-state";
import { buildKeeperGrid, type GridPerson, type KeeperGrid } from "@/lib/domain/keeper-grid";
import { keeperRateOf, type KeeperAnswer } from "@/lib/domain/keeper";
import { lastQuarters, previousQuarter, QUARTER_KEY } from "@/lib/domain/quarter";
import {
  changeSincePrevious,
  talentAggregate,
  type Change,
  type Completion,
  type OverviewSortable,
  type RatingInput,
  type TraitAverage,
} from "@/lib/domain/talent-aggregates";
import { organisationFigures, personFigures, teamManagerFlag, type OrganisationFigures } from "@/lib/domain/talent-figures";
import { recordDenied } from "./audit";
import { currentCycle } from "./cycles";
import { verifySession, type Viewer } from "./session";
import * as load from "./talent-load";
import {
  canUseTalent,
  scopedTeams,
  visibleCycle,
  type PersonRef,
  type ScopedTeam,
  type TalentCycle,
  type TeamFilter,
} from "./talent-scope";

export type { PersonRef, ScopedTeam, TalentCycle } from "./talent-scope";
export type { CycleTraitRow } from "./talent-load";

/** How many quarters of keeper answers the team table shows per person, ending with the cycle. */
export const HISTORY_QUARTERS = 4;

export interface TraitScore {
  rating: number | null;
  notObserved: boolean;
}

export interface TalentPerson extends GridPerson {
  teamId: number;
  reviewId: number | null;
  status: "not_started" | "draft" | "submitted";
  version: number;
  csat: CsatFigure;
  previousKeeperAnswer: KeeperAnswer | null;
  /** Submitted keeper answers, aligned with TalentReport.historyQuarters (all null when not loaded). */
  history: (KeeperAnswer | null)[];
  /** Submitted ratings by cycle trait id (empty until the review is submitted). */
  ratings: Record<number, TraitScore>;
  flags: Flag[];
  /** The viewer may calibrate this review now (decided in SQL; re-checked on write). */
  canCalibrate: boolean;
}

/** One team in one cycle. Field names match OverviewSortable so sortOverview takes teams as they are. */
export interface TeamTalent extends OverviewSortable {
  id: number;
  team: string;
  /** The manager's name, for sorting and display. */
  manager: string | null;
  managerRef: PersonRef | null;
  headcount: number;
  completion: Completion;
  submitted: number;
  keeperRate: number | null;
  distribution: Record<KeeperAnswer, number>;
  traitAverages: TraitAverage[];
  csat: CsatFigure;
  previous: { keeperRate: number | null; csat: CsatFigure };
  change: Change;
  grid: KeeperGrid<TalentPerson>;
  people: TalentPerson[];
  managerFlag: Flag | null;
  flagCount: number;
}

export type OrganisationTalent = OrganisationFigures;

export interface TalentReport {
  cycle: TalentCycle & { previousKey: string };
  traits: load.CycleTraitRow[];
  historyQuarters: string[];
  organisation: OrganisationTalent;
  teams: TeamTalent[];
  /** Every team the viewer may see, whatever the filter: options for the filter controls (empty unless asked for). */
  teamOptions: ScopedTeam[];
}

export type TalentResult<T> = { ok: true; value: T } | { ok: false; reason: "not_found" | "no_cycle" };

const inputSchema = z.object({
  cycle: z.string().regex(QUARTER_KEY).optional(),
  teamId: z.coerce.number().int().positive().optional(),
  teamName: z.string().trim().min(1).max(200).optional(),
  managerId: z.coerce.number().int().positive().optional(),
});
export type TalentInput = z.input<typeof inputSchema>;

/**
 * The checks every talent entry point shares: a verified viewer who may use talent reviews, a
 * well-formed input, and a cycle they may see (the given one, else the current one). Denials are
 * audited here, so pages and routes only turn `not_found` into a 404.
 */
export async function resolveTalent(
  raw: unknown,
  resource: string,
): Promise<TalentResult<{ viewer: Viewer; cycle: TalentCycle; filter: TeamFilter; input: z.output<typeof inputSchema> }>> {
  const viewer = await verifySession();
  const parsed = inputSchema.safeParse(raw);
  if (!canUseTalent(viewer) || !parsed.success) {
    await recordDenied(viewer.id, "talent", resource, canUseTalent(viewer) ? "malformed input" : "not hr or a manager");
    return { ok: false, reason: "not_found" };
  }
  const input = parsed.data;
  const key = input.cycle ?? (await currentCycle())?.key;
  if (!key) return { ok: false, reason: "no_cycle" };
  const cycle = await visibleCycle(getDb(), viewer, key);
  if (!cycle) {
    await recordDenied(viewer.id, "talent", `${resource}?cycle=${key}`, "cycle not visible or does not exist");
    return { ok: false, reason: "not_found" };
  }
  const filter: TeamFilter = { teamId: input.teamId, teamName: input.teamName, managerId: input.managerId };
  return { ok: true, value: { viewer, cycle, filter, input } };
}

/**
 * The talent review of one cycle for the teams the viewer may see (optionally one team, by id or
 * name, or one manager's teams). A named team the viewer may not see is `not_found`, audited.
 */
export async function getTalentReport(
  raw: TalentInput,
  resource = "/talent",
  options: TalentOptions = {},
): Promise<TalentResult<TalentReport>> {
  const resolved = await resolveTalent(raw, resource);
  if (!resolved.ok) return resolved;
  const { viewer, cycle, filter } = resolved.value;
  const scoped = await teamsInScope(viewer, cycle, filter, options.teamOptions ?? true);
  if (!scoped.ok) return scoped;
  const { teams, teamOptions } = scoped.value;
  return { ok: true, value: await assemble(viewer, cycle, filter, teams, teamOptions, options.history ?? true, options.ratings ?? true) };
}

export interface TalentOptions {
  /** Earlier quarters' keeper answers per person (the people table and the export). */
  history?: boolean;
  /** Per-person trait ratings and team trait averages (the API shows neither). */
  ratings?: boolean;
  /** Every visible team for filter controls; costs a team-manager pass over all 1,000 teams. */
  teamOptions?: boolean;
}

/**
 * The teams a talent page covers and, when asked, every team the viewer may see. A named team the
 * viewer may not see is `not_found`, audited.
 */
export async function teamsInScope(
  viewer: Viewer,
  cycle: TalentCycle,
  filter: TeamFilter,
  withOptions: boolean,
): Promise<TalentResult<{ teams: ScopedTeam[]; teamOptions: ScopedTeam[] }>> {
  const db = getDb();
  const filtered = Boolean(filter.teamId || filter.teamName || filter.managerId);
  const teamOptions = withOptions || !filtered ? await scopedTeams(db, viewer, cycle) : [];
  const teams = filtered ? await scopedTeams(db, viewer, cycle, filter) : teamOptions;
  if ((filter.teamId || filter.teamName) && teams.length === 0) {
    await recordDenied(viewer.id, "team", String(filter.teamId ?? filter.teamName), "team not visible or does not exist");
    return { ok: false, reason: "not_found" };
  }
  return { ok: true, value: { teams, teamOptions: withOptions ? teamOptions : [] } };
}

/** A person's submitted ratings by cycle trait id. */
export function traitScores(rows: load.RatingRow[]): Record<number, TraitScore> {
  const scores: Record<number, TraitScore> = {};
  for (const r of rows) scores[r.cycleTraitId] = { rating: r.rating, notObserved: r.notObserved === 1 };
  return scores;
}

/** A person's submitted keeper answers, aligned with `quarters` (null where there is none). */
export function answersByQuarter(rows: load.HistoryRow[], quarters: readonly string[]): (KeeperAnswer | null)[] {
  const answers = new Map(rows.map((h) => [h.quarter, h.keeperAnswer]));
  return quarters.map((q) => answers.get(q) ?? null);
}

export async function assemble(
  viewer: Viewer,
  cycle: TalentCycle,
  filter: TeamFilter,
  teams: ScopedTeam[],
  teamOptions: ScopedTeam[],
  withHistory: boolean,
  withRatings: boolean,
): Promise<TalentReport> {
  const db = getDb();
  const previousKey = previousQuarter(cycle.key);
  const historyQuarters = lastQuarters(cycle.key, HISTORY_QUARTERS);
  const traits = await load.loadCycleTraits(db, cycle);
  const traitKeyById = new Map(traits.map((t) => [t.id, t.key]));

  const [orgNow, orgThen] = await load.loadOrganisation(db, viewer, [cycle.key, previousKey]);
  const organisation = organisationFigures(orgNow, orgThen);

  const ratings = groupBy(withRatings ? await load.loadRatings(db, viewer, cycle, filter) : [], (r) => r.employeeId);
  // Only the people table and the export show earlier answers; the overview and API skip the query.
  const history = groupBy(withHistory ? await load.loadHistory(db, viewer, cycle, historyQuarters, filter) : [], (r) => r.employeeId);
  const people: TalentPerson[] = (await load.loadPeople(db, viewer, cycle, previousKey, filter)).map((row) => {
    // Only a submitted answer is the manager's answer (talent-figures.ts): drafts are null here.
    const { keeperAnswer, csat, band, flags } = personFigures(row, {
      organisationCsat: organisation.csat.csat,
      previousQuarter: previousKey,
    });
    return {
      employeeId: row.employeeId,
      name: row.name,
      email: row.email,
      teamId: row.teamId,
      keeperAnswer,
      band,
      reviewId: row.reviewId,
      status: row.status ?? "not_started",
      version: row.version ?? 0,
      csat,
      previousKeeperAnswer: row.previousKeeperAnswer,
      history: answersByQuarter(history.get(row.employeeId) ?? [], historyQuarters),
      ratings: traitScores(ratings.get(row.employeeId) ?? []),
      flags,
      canCalibrate: row.isCalibrator === 1 && canCalibrateReview(cycle.state, row.status),
    };
  });

  const peopleByTeam = groupBy(people, (p) => p.teamId);
  const teamCsat = await load.loadTeamCsat(db, viewer, [cycle.key, previousKey], filter);
  const teamKeeperThen = await load.loadTeamKeeper(db, viewer, [previousKey], filter);
  const managerKeeper = new Map((await load.loadManagerKeeper(db, viewer, cycle, filter)).map((m) => [m.reviewerId, m]));
  // Maps, not find(): with 1,000 teams a scan per team is a million comparisons.
  const teamCsatByKey = new Map(teamCsat.map((c) => [`${c.teamId}:${c.quarter}`, c]));
  const teamKeeperThenById = new Map(teamKeeperThen.map((k) => [k.teamId, k]));
  const csatOf = (teamId: number, quarter: string) => {
    const row = teamCsatByKey.get(`${teamId}:${quarter}`);
    return csatFigure(row?.satisfied ?? 0, row?.responses ?? 0);
  };

  const teamRows = teams.map((team): TeamTalent => {
    const members = peopleByTeam.get(team.id) ?? [];
    const aggregate = talentAggregate({
      headcount: members.length,
      reviews: members
        .filter((p) => p.status !== "not_started")
        .map((p) => ({
          status: p.status as "draft" | "submitted",
          keeperAnswer: p.keeperAnswer,
          ratings: Object.entries(p.ratings).map(([id, s]): RatingInput => ({ traitKey: traitKeyById.get(Number(id)) ?? "", ...s })),
        })),
      traitKeys: traits.map((t) => t.key),
    });
    const csat = csatOf(team.id, cycle.key);
    const then = teamKeeperThenById.get(team.id);
    const previous = { keeperRate: keeperRateOf(then), csat: csatOf(team.id, previousKey) };
    const managerFlag = teamManagerFlag(
      team.manager,
      team.manager ? managerKeeper.get(team.manager.id) : undefined,
      organisation.keeperRate,
    );
    return {
      id: team.id,
      team: team.name,
      manager: team.manager?.name ?? null,
      managerRef: team.manager,
      headcount: members.length,
      completion: aggregate.completion,
      submitted: aggregate.submitted,
      keeperRate: aggregate.keeperRate,
      distribution: aggregate.keeperDistribution,
      traitAverages: aggregate.traitAverages,
      csat,
      previous,
      change: changeSincePrevious({ keeperRate: aggregate.keeperRate, csat }, previous),
      grid: buildKeeperGrid(members),
      people: members,
      managerFlag,
      flagCount: members.reduce((n, p) => n + p.flags.length, 0) + (managerFlag ? 1 : 0),
    };
  });

  return {
    cycle: { ...cycle, previousKey },
    traits,
    historyQuarters,
    organisation,
    teams: teamRows,
    teamOptions,
  };
}

export interface QueueEntry {
  person: TalentPerson;
  team: TeamTalent;
}

/**
 * The calibration meeting's order: flagged people first (most flags first), then everyone else;
 * within each, by team and the grid's name order, so the list is the same every time.
 */
export function calibrationQueue(report: TalentReport): QueueEntry[] {
  const entries = report.teams.flatMap((team) => team.people.map((person) => ({ person, team })));
  const flagged = entries.filter((e) => e.person.flags.length > 0).sort((a, b) => b.person.flags.length - a.person.flags.length);
  return [...flagged, ...entries.filter((e) => e.person.flags.length === 0)];
}
