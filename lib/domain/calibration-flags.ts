/**
 * Calibration flags (DESIGN.md, "Talent review"): prompts for HR and managers' managers to look
 * twice at an answer during calibration. A flag is a question, not a verdict, so each one carries
 * a one-line explanation of why it was raised, in words a manager would use.
 */
import { KEEPER_SHORT_LABELS, keeperSteps, type KeeperAnswer } from "@/lib/domain/keeper";
import type { CsatBand } from "@/lib/domain/csat-band";
import { formatPercent } from "@/lib/domain/percent";

export const FLAG_KINDS = ["fight_hard_low_csat", "doubt_high_csat", "keeper_moved", "manager_outlier"] as const;
export type FlagKind = (typeof FLAG_KINDS)[number];

/** Short names for legends and filters; each flag's `message` says the specifics. */
export const FLAG_LABELS: Record<FlagKind, string> = {
  fight_hard_low_csat: "Fight hard, CSAT below",
  doubt_high_csat: "Doubt, CSAT above",
  keeper_moved: "Keeper answer moved",
  manager_outlier: "Manager keeper rate outlier",
};

export interface Flag {
  kind: FlagKind;
  /** One line, human readable, e.g. "Moved from Fight hard to Unsure since 2026-Q2". */
  message: string;
}

/**
 * A move of one step (fight_hard → keep, keep → unsure) is ordinary quarter-to-quarter
 * movement; two or more (fight_hard → unsure, keep → let_go) means the manager's view changed a
 * lot, which is worth a conversation (DESIGN.md: "moved two or more steps since last quarter").
 */
export const KEEPER_MOVE_THRESHOLD = 2;

/**
 * Below this many submitted reviews a manager's keeper rate is never flagged: with a tiny team
 * one review swings the rate by 25 points or more, and even a correct interval test would put a
 * spotlight on small teams for what is mostly noise. See docs/decisions/0003-manager-outlier-flag.md.
 */
export const MANAGER_OUTLIER_MIN_REVIEWS = 5;

export interface EmployeeFlagInput {
  /** The submitted answer this cycle; null when not submitted (then no flags: nothing to calibrate). */
  keeperAnswer: KeeperAnswer | null;
  /** The submitted answer in the previous quarter's cycle; null when there was none. */
  previousKeeperAnswer: KeeperAnswer | null;
  /** The previous cycle's key (`YYYY-Qn`), named in the message; null falls back to "last quarter". */
  previousQuarter: string | null;
  band: CsatBand;
}

/** Flags for one person, in FLAG_KINDS order. */
export function employeeFlags(input: EmployeeFlagInput): Flag[] {
  const { keeperAnswer, previousKeeperAnswer, previousQuarter, band } = input;
  if (keeperAnswer === null) return [];
  const flags: Flag[] = [];
  const answerLabel = KEEPER_SHORT_LABELS[keeperAnswer];

  // CSAT flags only fire on a decided band: "in line" and "too few responses" say nothing either
  // way, so they can never contradict the manager.
  if (keeperAnswer === "fight_hard" && band === "below") {
    flags.push({
      kind: "fight_hard_low_csat",
      message: `${answerLabel}, but CSAT is below the organisation's for the quarter`,
    });
  }
  if ((keeperAnswer === "unsure" || keeperAnswer === "let_go") && band === "above") {
    flags.push({
      kind: "doubt_high_csat",
      message: `${answerLabel}, but CSAT is above the organisation's for the quarter`,
    });
  }

  if (previousKeeperAnswer !== null && keeperSteps(previousKeeperAnswer, keeperAnswer) >= KEEPER_MOVE_THRESHOLD) {
    const since = previousQuarter ?? "last quarter";
    flags.push({
      kind: "keeper_moved",
      message: `Moved from ${KEEPER_SHORT_LABELS[previousKeeperAnswer]} to ${answerLabel} since ${since}`,
    });
  }
  return flags;
}

/** A 95% interval for a proportion: pass the shared Wilson implementation (lib/domain/wilson.ts). */
export type ProportionInterval = (successes: number, n: number) => readonly [number, number] | null;

export interface ManagerOutlierInput {
  managerName: string;
  /** Submitted reviews written by this manager in the cycle. */
  submitted: number;
  /** Of those, answered fight_hard. */
  fightHard: number;
  /** The organisation's keeper rate for the cycle (fraction), or null when it has none. */
  organisationKeeperRate: number | null;
  interval: ProportionInterval;
}

/**
 * "A manager whose keeper rate is far from the organisation's", defined as: at least
 * MANAGER_OUTLIER_MIN_REVIEWS submitted reviews, and the organisation's keeper rate lies strictly
 * outside the 95% interval of the manager's own keeper rate. In words: if this manager's people
 * were kept at the organisation's rate, a split this lopsided would be unlikely. Touching the
 * interval's edge is not outside (the same rule as the CSAT bands).
 * Why this and not a fixed gap of N points: see docs/decisions/0003-manager-outlier-flag.md.
 */
export function managerOutlierFlag(input: ManagerOutlierInput): Flag | null {
  const { managerName, submitted, fightHard, organisationKeeperRate, interval } = input;
  if (!Number.isInteger(submitted) || submitted < 0) {
    throw new RangeError(`submitted must be a whole number ≥ 0, got ${submitted}`);
  }
  if (!Number.isInteger(fightHard) || fightHard < 0 || fightHard > submitted) {
    throw new RangeError(`fightHard must be a whole number between 0 and ${submitted}, got ${fightHard}`);
  }
  if (organisationKeeperRate === null || submitted < MANAGER_OUTLIER_MIN_REVIEWS) return null;
  if (!Number.isFinite(organisationKeeperRate) || organisationKeeperRate < 0 || organisationKeeperRate > 1) {
    throw new RangeError(`Organisation keeper rate must be a fraction between 0 and 1, got ${organisationKeeperRate}`);
  }
  const ci = interval(fightHard, submitted);
  if (ci === null) return null;
  const [low, high] = ci;
  // NaN would compare false both ways and silently mean "not an outlier": refuse it instead.
  if (!Number.isFinite(low) || !Number.isFinite(high) || low > high) {
    throw new RangeError(`Not a confidence interval: [${low}, ${high}]`);
  }
  if (!(low > organisationKeeperRate) && !(high < organisationKeeperRate)) return null;

  const direction = low > organisationKeeperRate ? "above" : "below";
  const rate = formatPercent(fightHard / submitted);
  return {
    kind: "manager_outlier",
    message: `${managerName}: keeper rate ${rate} (${fightHard} of ${submitted} submitted reviews) is far ${direction} the organisation's ${formatPercent(organisationKeeperRate)}`,
  };
}
