import "server-only";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import type { KeeperAnswer } from "@/lib/domain/keeper";
import { memoUntilTalentChange } from "./read-memo";
import { calibratorSql, canSeeDraftCycles, cycleVisibleSql } from "./policy";
import { oneCycleSql, quarterCyclesSql, talentCtes, type TalentCycle, type TeamFilter } from "./talent-scope";
import type { Viewer } from "./session";
import { rows } from "@/db/raw";

/**
 * The talent review's queries. Internal to lib/dal: callers have verified the session and pass
 * the viewer, whose scope is in every query through talentCtes. A fixed number of queries per
 * page whatever the headcount (no query per person), with counting and summing done by SQLite.
 */

export interface PersonRow {
  employeeId: number;
  name: string;
  email: string;
  teamId: number;
  reviewId: number | null;
  status: "draft" | "submitted" | null;
  version: number | null;
  keeperAnswer: KeeperAnswer | null;
  reviewerId: number | null;
  previousKeeperAnswer: KeeperAnswer | null;
  responses: number;
  satisfied: number;
  /** 1 when the viewer is a calibrator of this review (policy.ts calibratorSql), else 0; whether
   * it may be calibrated now is canCalibrateReview(state, status), as on write. */
  isCalibrator: number;
}

/** One row per person in scope: their review this cycle, last quarter's answer and CSAT counts. */
export async function loadPeople(
  db: Db,
  viewer: Viewer,
  cycle: TalentCycle,
  previousKey: string,
  filter: TeamFilter,
): Promise<PersonRow[]> {
  return await rows<PersonRow>(
    db,
    sql`
    with ${talentCtes(viewer, filter, oneCycleSql(cycle))}
    select m.id as "employeeId", m.name as name, m.email as email, m.team_id as "teamId",
      r.id as "reviewId", r.status as status, r.version as version, r.keeper_answer as "keeperAnswer",
      r.reviewer_id as "reviewerId", pr.keeper_answer as "previousKeeperAnswer",
      coalesce(cr.responses, 0) as responses, coalesce(cr.satisfied, 0) as satisfied,
      (case when r.id is not null and ${calibratorSql(viewer, "r", "rv")} then 1 else 0 end) as "isCalibrator"
    from member m
    left join reviews r on r.cycle_id = ${cycle.id} and r.employee_id = m.id
    left join employees rv on rv.id = r.reviewer_id
    left join cycles pc on pc.key = ${previousKey}
    left join reviews pr on pr.cycle_id = pc.id and pr.employee_id = m.id and pr.status = 'submitted'
    left join csat_rollups cr on cr.employee_id = m.id and cr.quarter = ${cycle.key}
    order by lower(m.name), m.id`,
  );
}

export interface RatingRow {
  employeeId: number;
  cycleTraitId: number;
  traitKey: string;
  rating: number | null;
  notObserved: number;
}

/** `and m.id in (…)` when only some of the people in scope are wanted; the scope still applies. */
function onlyPeople(employeeIds: readonly number[] | undefined) {
  return employeeIds ? sql`and m.id in ${employeeIds}` : sql``;
}

/**
 * Trait ratings of the submitted reviews in scope (drafts never count towards figures), of
 * everyone or only of `employeeIds` (never an empty list: there is nothing to ask then).
 */
export async function loadRatings(
  db: Db,
  viewer: Viewer,
  cycle: TalentCycle,
  filter: TeamFilter,
  employeeIds?: readonly number[],
): Promise<RatingRow[]> {
  if (employeeIds?.length === 0) return [];
  return await rows<RatingRow>(
    db,
    sql`
    with ${talentCtes(viewer, filter, oneCycleSql(cycle))}
    select m.id as "employeeId", rr.cycle_trait_id as "cycleTraitId", ct.key as "traitKey",
      rr.rating as rating, rr.not_observed as "notObserved"
    from member m
    join reviews r on r.employee_id = m.id and r.cycle_id = ${cycle.id} and r.status = 'submitted'
    join review_ratings rr on rr.review_id = r.id
    join cycle_traits ct on ct.id = rr.cycle_trait_id
    where 1 = 1 ${onlyPeople(employeeIds)}`,
  );
}

export interface HistoryRow {
  employeeId: number;
  quarter: string;
  keeperAnswer: KeeperAnswer | null;
}

/**
 * Submitted keeper answers in the given quarters' cycles of the people in scope in `cycle` (or
 * only `employeeIds`): a person's earlier answers are theirs, whichever team they were in then.
 */
export async function loadHistory(
  db: Db,
  viewer: Viewer,
  cycle: TalentCycle,
  quarters: readonly string[],
  filter: TeamFilter,
  employeeIds?: readonly number[],
): Promise<HistoryRow[]> {
  if (quarters.length === 0 || employeeIds?.length === 0) return [];
  return await rows<HistoryRow>(
    db,
    sql`
    with ${talentCtes(viewer, filter, oneCycleSql(cycle))}
    select m.id as "employeeId", c.key as quarter, r.keeper_answer as "keeperAnswer"
    from member m
    join reviews r on r.employee_id = m.id and r.status = 'submitted'
    join cycles c on c.id = r.cycle_id
    where c.key in ${quarters} and ${cycleVisibleSql(viewer, sql`c.state`)} ${onlyPeople(employeeIds)}`,
  );
}

export interface CountsRow {
  teamId: number;
  quarter: string;
  responses: number;
  satisfied: number;
}

/** CSAT counts per team and quarter, summed from the rollups of the people in that quarter's cycle record (none without a cycle). */
export async function loadTeamCsat(db: Db, viewer: Viewer, quarters: readonly string[], filter: TeamFilter): Promise<CountsRow[]> {
  if (quarters.length === 0) return [];
  return await rows<CountsRow>(
    db,
    sql`
    with ${talentCtes(viewer, filter, quarterCyclesSql(viewer, quarters))}
    select m.team_id as "teamId", c.key as quarter, sum(cr.responses) as responses, sum(cr.satisfied) as satisfied
    from member m
    join cycles c on c.id = m.cycle_id
    join csat_rollups cr on cr.employee_id = m.id and cr.quarter = c.key
    group by m.team_id, c.key`,
  );
}

export interface KeeperCountsRow {
  teamId: number;
  quarter: string;
  submitted: number;
  fightHard: number;
}

/** Submitted reviews and fight_hard answers per team and quarter, for the people in scope in each quarter's own record. */
export async function loadTeamKeeper(db: Db, viewer: Viewer, quarters: readonly string[], filter: TeamFilter): Promise<KeeperCountsRow[]> {
  if (quarters.length === 0) return [];
  return await rows<KeeperCountsRow>(
    db,
    sql`
    with ${talentCtes(viewer, filter, quarterCyclesSql(viewer, quarters))}
    select m.team_id as "teamId", c.key as quarter, count(*) as submitted,
      sum(case when r.keeper_answer = 'fight_hard' then 1 else 0 end) as "fightHard"
    from member m
    join reviews r on r.employee_id = m.id and r.cycle_id = m.cycle_id and r.status = 'submitted'
    join cycles c on c.id = m.cycle_id
    group by m.team_id, c.key`,
  );
}

/** Submitted reviews and fight_hard answers written by each team manager in scope this cycle. */
export async function loadManagerKeeper(
  db: Db,
  viewer: Viewer,
  cycle: TalentCycle,
  filter: TeamFilter,
): Promise<{ reviewerId: number; submitted: number; fightHard: number }[]> {
  return await rows(
    db,
    sql`
    with ${talentCtes(viewer, filter, oneCycleSql(cycle))}
    select r.reviewer_id as "reviewerId", count(*) as submitted, sum(case when r.keeper_answer = 'fight_hard' then 1 else 0 end) as "fightHard"
    from (select distinct manager_id from scoped_team where manager_id is not null) tm
    join reviews r on r.reviewer_id = tm.manager_id
    where r.cycle_id = ${cycle.id} and r.status = 'submitted'
    group by r.reviewer_id`,
  );
}

export interface OrganisationCounts {
  quarter: string;
  responses: number;
  satisfied: number;
  submitted: number;
  fightHard: number;
}

/**
 * The whole organisation's CSAT and keeper counts per quarter, whoever is asking: it is the
 * yardstick the CSAT bands and the manager flag compare against, and an aggregate of everyone
 * names nobody. Quarters without data come back as zeros.
 */
export async function loadOrganisation(db: Db, viewer: Viewer, quarters: readonly string[]): Promise<OrganisationCounts[]> {
  if (quarters.length === 0) return [];
  // Summing everyone costs ~10 ms and is the same for every viewer of one kind, on every talent
  // page: reused until talent data changes (read-memo.ts).
  return memoUntilTalentChange(db, JSON.stringify(["organisation", canSeeDraftCycles(viewer), quarters]), async () =>
    organisationCounts(db, viewer, quarters),
  );
}

async function organisationCounts(db: Db, viewer: Viewer, quarters: readonly string[]): Promise<OrganisationCounts[]> {
  const csat = await rows<{ quarter: string; responses: number; satisfied: number }>(
    db,
    sql`
    select quarter, sum(responses) as responses, sum(satisfied) as satisfied
    from csat_rollups where quarter in ${quarters} group by quarter`,
  );
  const keeper = await rows<{ quarter: string; submitted: number; fightHard: number }>(
    db,
    sql`
    select c.key as quarter, count(*) as submitted, sum(case when r.keeper_answer = 'fight_hard' then 1 else 0 end) as "fightHard"
    from reviews r join cycles c on c.id = r.cycle_id
    where c.key in ${quarters} and r.status = 'submitted' and ${cycleVisibleSql(viewer, sql`c.state`)}
    group by c.key`,
  );
  return quarters.map((quarter) => {
    const c = csat.find((row) => row.quarter === quarter);
    const k = keeper.find((row) => row.quarter === quarter);
    return {
      quarter,
      responses: c?.responses ?? 0,
      satisfied: c?.satisfied ?? 0,
      submitted: k?.submitted ?? 0,
      fightHard: k?.fightHard ?? 0,
    };
  });
}

export interface CycleTraitRow {
  id: number;
  key: string;
  label: string;
}

export async function loadCycleTraits(db: Db, cycle: TalentCycle): Promise<CycleTraitRow[]> {
  return await rows<CycleTraitRow>(
    db,
    sql`
    select id, key, label from cycle_traits where cycle_id = ${cycle.id} order by position, id`,
  );
}

export interface PersonFigureRow {
  teamId: number;
  status: "draft" | "submitted" | null;
  keeperAnswer: KeeperAnswer | null;
  previousKeeperAnswer: KeeperAnswer | null;
  responses: number;
  satisfied: number;
  /** CSAT counts in the previous quarter, so team figures need no second pass over the rollups. */
  previousResponses: number;
  previousSatisfied: number;
}

/**
 * loadPeople without names, order or calibration rights: what a team's figures and flags need,
 * for the organisation overview, which sums 10,000 people into 1,000 rows.
 */
export async function loadPersonFigures(
  db: Db,
  viewer: Viewer,
  cycle: TalentCycle,
  previousKey: string,
  filter: TeamFilter,
): Promise<PersonFigureRow[]> {
  return await rows<PersonFigureRow>(
    db,
    sql`
    with ${talentCtes(viewer, filter, oneCycleSql(cycle))}
    select m.team_id as "teamId", r.status as status, r.keeper_answer as "keeperAnswer",
      pr.keeper_answer as "previousKeeperAnswer",
      coalesce(cr.responses, 0) as responses, coalesce(cr.satisfied, 0) as satisfied,
      coalesce(pcr.responses, 0) as "previousResponses", coalesce(pcr.satisfied, 0) as "previousSatisfied"
    from member m
    left join reviews r on r.cycle_id = ${cycle.id} and r.employee_id = m.id
    left join cycles pc on pc.key = ${previousKey}
    left join reviews pr on pr.cycle_id = pc.id and pr.employee_id = m.id and pr.status = 'submitted'
    left join csat_rollups cr on cr.employee_id = m.id and cr.quarter = ${cycle.key}
    left join csat_rollups pcr on pcr.employee_id = m.id and pcr.quarter = ${previousKey}`,
  );
}

export interface TeamTraitTotalRow {
  teamId: number;
  traitKey: string;
  sum: number;
  rated: number;
}

/**
 * Per team and trait, the sum and count of submitted 1–5 ratings (not observed and unrated left
 * out, as "traitAverage" does): 6,000 rows instead of 30,000 ratings for the overview.
 */
export async function loadTeamTraitTotals(db: Db, viewer: Viewer, cycle: TalentCycle, filter: TeamFilter): Promise<TeamTraitTotalRow[]> {
  return await rows<TeamTraitTotalRow>(
    db,
    sql`
    with ${talentCtes(viewer, filter, oneCycleSql(cycle))}
    select m.team_id as "teamId", ct.key as "traitKey", sum(rr.rating) as sum, count(*) as rated
    from member m
    join reviews r on r.employee_id = m.id and r.cycle_id = ${cycle.id} and r.status = 'submitted'
    join review_ratings rr on rr.review_id = r.id and rr.not_observed = 0 and rr.rating is not null
    join cycle_traits ct on ct.id = rr.cycle_trait_id
    group by m.team_id, ct.key`,
  );
}
