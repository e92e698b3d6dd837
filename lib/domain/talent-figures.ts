/**
 * The talent pipeline's per-person, per-manager and organisation figures (DESIGN.md "Talent
 * review"), shared by every talent reader: the team review and calibration meeting (lib/dal/talent.ts
 * assemble), the organisation overview (lib/dal/talent-overview.ts), the talent API and the
 * trends. Team figures are talentAggregate (talent-aggregates.ts); keeper rates keeperRate /
 * keeperRateOf (keeper.ts); CSAT csatFigure and csatBand. Nothing here reads the database: the
 * DAL loads counts and passes them in, so two pages cannot count the same people differently.
 */
import { employeeFlags, managerOutlierFlag, type Flag } from "@/lib/domain/calibration-flags";
import { csatBand, type CsatBand } from "@/lib/domain/csat-band";
import { csatFigure, type CsatFigure } from "@/lib/domain/csat";
import type { ReviewStatus } from "@/lib/domain/cycle-state";
import { keeperRateOf, type KeeperAnswer, type KeeperCounts } from "@/lib/domain/keeper";
import { changeSincePrevious, type Change } from "@/lib/domain/talent-aggregates";
import { wilsonInterval } from "@/lib/domain/wilson";

/**
 * The keeper answer that counts: only a submitted review is the manager's answer. A draft can
 * still change, so it counts towards completion and nothing else (no rate, grid cell or flag).
 */
export function countedKeeperAnswer(status: ReviewStatus | null, answer: KeeperAnswer | null): KeeperAnswer | null {
  return status === "submitted" ? answer : null;
}

export interface PersonInput {
  status: ReviewStatus | null;
  keeperAnswer: KeeperAnswer | null;
  /** Last quarter's submitted answer, if any. */
  previousKeeperAnswer: KeeperAnswer | null;
  responses: number;
  satisfied: number;
}

export interface PersonFigures {
  /** The counted answer (null for drafts and people not reviewed yet). */
  keeperAnswer: KeeperAnswer | null;
  csat: CsatFigure;
  band: CsatBand;
  flags: Flag[];
}

/** One person's figures in a cycle, against the organisation's CSAT for the same quarter. */
export function personFigures(person: PersonInput, context: { organisationCsat: number | null; previousQuarter: string }): PersonFigures {
  const keeperAnswer = countedKeeperAnswer(person.status, person.keeperAnswer);
  const csat = csatFigure(person.satisfied, person.responses);
  const band = csatBand(csat, context.organisationCsat);
  const flags = employeeFlags({
    keeperAnswer,
    previousKeeperAnswer: person.previousKeeperAnswer,
    previousQuarter: context.previousQuarter,
    band,
  });
  return { keeperAnswer, csat, band, flags };
}

/** The outlier flag for a team's manager, from the submitted reviews they wrote this cycle. */
export function teamManagerFlag(
  manager: { name: string } | null,
  written: KeeperCounts | undefined,
  organisationKeeperRate: number | null,
): Flag | null {
  if (!manager) return null;
  return managerOutlierFlag({
    managerName: manager.name,
    submitted: written?.submitted ?? 0,
    fightHard: written?.fightHard ?? 0,
    organisationKeeperRate,
    interval: wilsonInterval,
  });
}

/** Keeper and CSAT counts of one quarter, as the DAL sums them. */
export interface PeriodCounts extends KeeperCounts {
  responses: number;
  satisfied: number;
}

export interface OrganisationFigures {
  csat: CsatFigure;
  keeperRate: number | null;
  submitted: number;
  change: Change;
}

/** The organisation's line: keeper rate, CSAT and change since the previous quarter. */
export function organisationFigures(now: PeriodCounts, then: PeriodCounts | null): OrganisationFigures {
  const keeperRate = keeperRateOf(now);
  const csat = csatFigure(now.satisfied, now.responses);
  const previous = then ? { keeperRate: keeperRateOf(then), csat: csatFigure(then.satisfied, then.responses) } : null;
  return { csat, keeperRate, submitted: now.submitted, change: changeSincePrevious({ keeperRate, csat }, previous) };
}

/** A point of a trend line: the quarter's keeper rate and CSAT from its counts. */
export function periodFigures(counts: PeriodCounts | undefined): { submitted: number; keeperRate: number | null; csat: CsatFigure } {
  const c = counts ?? { submitted: 0, fightHard: 0, responses: 0, satisfied: 0 };
  return { submitted: c.submitted, keeperRate: keeperRateOf(c), csat: csatFigure(c.satisfied, c.responses) };
}
