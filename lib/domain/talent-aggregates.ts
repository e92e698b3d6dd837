/**
 * Aggregates for the talent review (DESIGN.md, "Talent review"): completion, keeper rate and
 * distribution, trait averages and change against the previous cycle, per team or for the whole
 * organisation (the same functions serve both: pass a team's reviews or everyone's), plus the
 * sort order and display formatting of the overview table.
 *
 * Values stay unrounded here; rounding happens only in the format* functions, so sums, deltas
 * and sort order are computed from exact figures and never from what happened to be displayed.
 */
import type { ReviewStatus } from "@/lib/domain/cycle-state";
import { keeperDistribution, keeperRate, type KeeperAnswer } from "@/lib/domain/keeper";
import { CSAT_MIN_RESPONSES, type CsatFigureInput } from "@/lib/domain/csat-band";
import { roundTo } from "@/lib/domain/percent";

// ---- Completion ---------------------------------------------------------------------------

// Review statuses are the domain's (lib/domain/cycle-state.ts), as the schema's enum is.
export type { ReviewStatus };

export interface Completion {
  /** People in scope with no review row at all. */
  notStarted: number;
  draft: number;
  submitted: number;
}

/**
 * Completion for `headcount` people (the reports in scope) given the statuses of their existing
 * reviews, one per person. There is no review row until a manager starts one, so "not started"
 * is the headcount minus the reviews. More reviews than people means the caller counted two
 * different populations (e.g. active reports vs all reviews, including people who left); that
 * would make every figure on the page wrong, so it throws instead of clamping to zero.
 */
export function completion(headcount: number, statuses: readonly ReviewStatus[]): Completion {
  if (!Number.isInteger(headcount) || headcount < 0) {
    throw new RangeError(`headcount must be a whole number ≥ 0, got ${headcount}`);
  }
  if (statuses.length > headcount) {
    throw new RangeError(`${statuses.length} reviews for a headcount of ${headcount}`);
  }
  let draft = 0;
  let submitted = 0;
  for (const status of statuses) {
    if (status === "submitted") submitted += 1;
    else if (status === "draft") draft += 1;
    else throw new RangeError(`Unknown review status: ${String(status)}`);
  }
  return { notStarted: headcount - draft - submitted, draft, submitted };
}

/** Share of people with a submitted review; null when nobody is in scope (0 of 0 is not 0%). */
export function completionRate(c: Completion): number | null {
  const total = c.notStarted + c.draft + c.submitted;
  return total === 0 ? null : c.submitted / total;
}

// ---- Trait averages -----------------------------------------------------------------------

export interface RatingInput {
  traitKey: string;
  /** 1..5, or null when not rated yet. */
  rating: number | null;
  notObserved: boolean;
}

/**
 * Mean of the 1–5 ratings. "Not observed" and unrated entries are left out rather than counted
 * as zero or as a middle score: the manager had no evidence, and inventing a value would drag
 * the average. Null when nothing is left, so the UI shows "—", never a fake 0.00.
 */
export function traitAverage(ratings: readonly Pick<RatingInput, "rating" | "notObserved">[]): number | null {
  let sum = 0;
  let count = 0;
  for (const r of ratings) {
    if (r.notObserved || r.rating === null) continue;
    if (!Number.isInteger(r.rating) || r.rating < 1 || r.rating > 5) {
      throw new RangeError(`A trait rating must be a whole number from 1 to 5, got ${r.rating}`);
    }
    sum += r.rating;
    count += 1;
  }
  return count === 0 ? null : sum / count;
}

export interface TraitAverage {
  traitKey: string;
  average: number | null;
  /** How many ratings the average is based on (not-observed and unrated excluded). */
  rated: number;
}

/**
 * One entry per trait of the cycle's template, in template order, even when nobody was rated on
 * it. Ratings for keys outside `traitKeys` are ignored: the cycle's own template decides which
 * traits exist, not whatever happens to be stored.
 */
export function traitAverages(traitKeys: readonly string[], ratings: readonly RatingInput[]): TraitAverage[] {
  return traitKeys.map((traitKey) => {
    const mine = ratings.filter((r) => r.traitKey === traitKey);
    return {
      traitKey,
      average: traitAverage(mine),
      rated: mine.filter((r) => !r.notObserved && r.rating !== null).length,
    };
  });
}

/** Sum and count of the ratings that count (1–5; not observed and unrated left out) for one trait. */
export interface TraitTotal {
  traitKey: string;
  sum: number;
  rated: number;
}

/**
 * traitAverages from totals summed by the database (the organisation overview sums 30,000
 * ratings in SQL rather than loading them): the same template order, missing traits and null
 * average when nothing was rated. The caller's query must apply traitAverage's exclusions.
 */
export function traitAveragesFromTotals(traitKeys: readonly string[], totals: readonly TraitTotal[]): TraitAverage[] {
  return traitKeys.map((traitKey) => {
    const t = totals.find((x) => x.traitKey === traitKey);
    if (t && (!Number.isInteger(t.rated) || t.rated < 0 || t.sum < t.rated || t.sum > 5 * t.rated)) {
      throw new RangeError(`Trait totals out of range for ${traitKey}: ${t.sum} over ${t.rated} ratings`);
    }
    return { traitKey, average: t && t.rated > 0 ? t.sum / t.rated : null, rated: t?.rated ?? 0 };
  });
}

// ---- One team or the organisation ---------------------------------------------------------

export interface AggregateReview {
  status: ReviewStatus;
  keeperAnswer: KeeperAnswer | null;
  ratings: readonly RatingInput[];
}

export interface TalentAggregate {
  completion: Completion;
  /** Number of submitted reviews: the base of every figure below. */
  submitted: number;
  keeperRate: number | null;
  keeperDistribution: Record<KeeperAnswer, number>;
  traitAverages: TraitAverage[];
}

/**
 * Everything the overview shows for one team (or the organisation) in one cycle. Only submitted
 * reviews count towards the keeper rate, distribution and trait averages: a draft can still
 * change and is not the manager's answer yet. Drafts only count towards completion.
 */
export function talentAggregate(input: {
  headcount: number;
  reviews: readonly AggregateReview[];
  traitKeys: readonly string[];
}): TalentAggregate {
  const { headcount, reviews, traitKeys } = input;
  const submittedReviews = reviews.filter((r) => r.status === "submitted");
  const answers = submittedReviews.map((r) => r.keeperAnswer);
  return {
    completion: completion(
      headcount,
      reviews.map((r) => r.status),
    ),
    submitted: submittedReviews.length,
    keeperRate: keeperRate(answers),
    keeperDistribution: keeperDistribution(answers),
    traitAverages: traitAverages(
      traitKeys,
      submittedReviews.flatMap((r) => r.ratings),
    ),
  };
}

// ---- Change against the previous cycle ----------------------------------------------------

/**
 * CSAT as a number that may be compared or ranked: null below CSAT_MIN_RESPONSES responses
 * (DESIGN.md: "too few responses … never ranked"), so a 3-out-of-3 team never tops a table.
 */
export function rankableCsat(figure: CsatFigureInput | null): number | null {
  if (figure === null || figure.responses < CSAT_MIN_RESPONSES) return null;
  return figure.satisfied / figure.responses;
}

export interface PeriodFigures {
  keeperRate: number | null;
  csat: CsatFigureInput | null;
}

export interface Change {
  /** Keeper rate now minus then, in percentage points (0.45 → 0.40 is −5). Null if either is missing. */
  keeperRatePoints: number | null;
  /** CSAT now minus then, in percentage points. Null if either side has too few responses. */
  csatPoints: number | null;
}

/**
 * Change since the previous cycle, in percentage points (not percent: 40% → 45% is +5 points,
 * which is what people mean; "+12.5%" would be relative change and reads as bigger than it is).
 * A delta from a too-few-responses figure would be noise presented as a trend, so it is null.
 * Unrounded: format with formatPointsChange.
 */
export function changeSincePrevious(current: PeriodFigures, previous: PeriodFigures | null): Change {
  const points = (now: number | null, then: number | null): number | null => (now === null || then === null ? null : (now - then) * 100);
  return {
    keeperRatePoints: points(current.keeperRate, previous?.keeperRate ?? null),
    csatPoints: points(rankableCsat(current.csat), rankableCsat(previous?.csat ?? null)),
  };
}

// ---- Overview table sorting ---------------------------------------------------------------

export const OVERVIEW_SORT_KEYS = ["team", "manager", "keeperRate", "csat", "completion", "flags"] as const;
export type OverviewSortKey = (typeof OVERVIEW_SORT_KEYS)[number];
export type SortDirection = "asc" | "desc";

/** The fields the overview table sorts on; rows may carry anything else alongside. */
export interface OverviewSortable {
  team: string | null;
  manager: string | null;
  keeperRate: number | null;
  /** The raw figure: sorting ranks it only with enough responses (see rankableCsat). */
  csat: CsatFigureInput | null;
  completion: Completion;
  flagCount: number;
}

const collator = new Intl.Collator("en", { sensitivity: "base", numeric: true });

function sortValue(row: OverviewSortable, key: OverviewSortKey): string | number | null {
  switch (key) {
    case "team":
      return row.team;
    case "manager":
      return row.manager;
    case "keeperRate":
      return row.keeperRate;
    case "csat":
      return rankableCsat(row.csat);
    case "completion":
      return completionRate(row.completion);
    case "flags":
      return row.flagCount;
  }
}

function compareValues(a: string | number, b: string | number): number {
  if (typeof a === "number" && typeof b === "number") return a - b;
  return collator.compare(String(a), String(b));
}

/**
 * A sorted copy of `rows`. Missing values (no team, no submitted reviews, too few CSAT
 * responses, nobody in scope) go last in both directions: "no figure" is not the worst figure,
 * and putting it at the top of a descending sort would rank the unrankable. Ties fall back to
 * team then manager, ascending, so equal rows keep a predictable order whichever way you sort.
 */
export function sortOverview<T extends OverviewSortable>(rows: readonly T[], key: OverviewSortKey, direction: SortDirection = "asc"): T[] {
  const sign = direction === "asc" ? 1 : -1;
  const tieBreak = (a: T, b: T): number => compareNullsLast(a.team, b.team, 1) || compareNullsLast(a.manager, b.manager, 1);
  return [...rows].sort((a, b) => compareNullsLast(sortValue(a, key), sortValue(b, key), sign) || tieBreak(a, b));
}

/** `sign` orders present values; null is always last, whichever the direction. */
function compareNullsLast(a: string | number | null, b: string | number | null, sign: 1 | -1): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  return sign * compareValues(a, b);
}

// ---- Display formatting -------------------------------------------------------------------

// The percent formatter and rounding live in lib/domain/percent.ts (one formatter everywhere);
// re-exported here for the callers and tests that have always imported them from this module.
export { formatPercent, formatPointsChange, roundTo } from "@/lib/domain/percent";

/** A trait average with two decimals ("3.67", "4.00"), or "—" when there is none. */
export function formatTraitAverage(average: number | null): string {
  return average === null ? "—" : roundTo(average, 2).toFixed(2);
}
