import { csatFigure, type CsatFigure } from "./csat";
import { KEEPER_ANSWERS, type KeeperAnswer } from "./keeper";
import { formatPercent } from "./percent";
import { nextQuarter, quarterRange } from "./quarter";
import { wilsonInterval } from "./wilson";

/**
 * Keeper accuracy: what became of the people a cycle answered about (docs/decisions/
 * 0017-keeper-outcomes.md). Pure; the DAL loads one row per person with a submitted answer.
 *
 * - A cycle's answers date from the end of its quarter (the anchor): the day after the quarter's
 *   last day, 'YYYY-MM-DD'. Windows are calendar months from there: 2026-Q1's 6-month window
 *   ends on 2026-10-01 (exclusive).
 * - A window is known only once it has ended: before that, "left within 6 months" is not yet
 *   known, never "0 left".
 * - Someone deactivated without departure details has left at an unknown date: they are counted
 *   apart (`undated`) and left out of every rate until HR fills the details in.
 * - Rates come with Wilson 95% intervals, and any rate over fewer than SMALL_SAMPLE people says so.
 */

export const SMALL_SAMPLE = 10;
export const OUTCOME_WINDOWS = [6, 12] as const;
/** "Still here after two quarters" and their later answer and CSAT: two quarters after the cycle's. */
export const DOUBT_MONTHS = 6;

export interface OutcomePerson {
  answer: KeeperAnswer;
  /** 'YYYY-MM-DD', last day of employment; null when they have not left (or the date is not known). */
  leftAt: string | null;
  regretted: boolean | null;
  /** Deactivated with no departure details yet. */
  leftUndated: boolean;
  /** Submitted answer in the cycle two quarters later, if any. */
  laterAnswer: KeeperAnswer | null;
  /** CSAT counts in the quarter two quarters later. */
  laterResponses: number;
  laterSatisfied: number;
}

export interface Rate {
  count: number;
  of: number;
  /** Null when `of` is 0. */
  rate: number | null;
  ci95: [number, number] | null;
  /** Fewer than SMALL_SAMPLE people: shown as counts, flagged as too few for a rate. */
  small: boolean;
}

export type Window<T> = { known: false; knownFrom: string } | ({ known: true } & T);

export interface FightHardOutcome {
  answered: number;
  undated: number;
  within: Record<(typeof OUTCOME_WINDOWS)[number], Window<{ left: Rate; regretted: Rate }>>;
}

export interface DoubtOutcome {
  answered: number;
  letGo: number;
  unsure: number;
  undated: number;
  afterTwoQuarters: Window<{
    stillHere: Rate;
    /** Of those still here: their answer two quarters later ('none' when not reviewed then). */
    laterAnswers: Record<KeeperAnswer | "none", number>;
    laterCsat: CsatFigure;
  }>;
}

export interface OutcomeFigures {
  fightHard: FightHardOutcome;
  doubt: DoubtOutcome;
}

export function rate(count: number, of: number): Rate {
  return {
    count,
    of,
    rate: of > 0 ? count / of : null,
    ci95: of > 0 ? wilsonInterval(count, of) : null,
    small: of < SMALL_SAMPLE,
  };
}

/** The day after the cycle's quarter ends, 'YYYY-MM-DD': when its answers date from. */
export function outcomeAnchor(cycleKey: string): string {
  return new Date(quarterRange(cycleKey).end).toISOString().slice(0, 10);
}

/** `day` plus whole calendar months ('YYYY-MM-DD'); anchors are first days of a month, so no month-end clamping is needed. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1 + months, d)).toISOString().slice(0, 10);
}

/** The first day a window of `months` from the cycle's anchor is over (exclusive end). */
export function windowEnd(cycleKey: string, months: number): string {
  return addMonths(outcomeAnchor(cycleKey), months);
}

/** The quarter whose answers and CSAT show what became of a cycle's doubts. */
export function laterQuarter(cycleKey: string): string {
  return nextQuarter(nextQuarter(cycleKey));
}

const leftBefore = (p: OutcomePerson, end: string) => p.leftAt !== null && p.leftAt < end;

/** The outcome figures of one group of people (a cycle's scope, a team, a manager's reports). */
export function outcomeFigures(cycleKey: string, today: string, people: readonly OutcomePerson[]): OutcomeFigures {
  const fight = people.filter((p) => p.answer === "fight_hard");
  const fightDated = fight.filter((p) => !p.leftUndated);
  const within = {} as FightHardOutcome["within"];
  for (const months of OUTCOME_WINDOWS) {
    const end = windowEnd(cycleKey, months);
    if (today < end) {
      within[months] = { known: false, knownFrom: end };
      continue;
    }
    const left = fightDated.filter((p) => leftBefore(p, end));
    within[months] = {
      known: true,
      left: rate(left.length, fightDated.length),
      regretted: rate(left.filter((p) => p.regretted === true).length, left.length),
    };
  }

  const doubt = people.filter((p) => p.answer === "let_go" || p.answer === "unsure");
  const doubtDated = doubt.filter((p) => !p.leftUndated);
  const end = windowEnd(cycleKey, DOUBT_MONTHS);
  let afterTwoQuarters: DoubtOutcome["afterTwoQuarters"];
  if (today < end) {
    afterTwoQuarters = { known: false, knownFrom: end };
  } else {
    const stayed = doubtDated.filter((p) => !leftBefore(p, end));
    const laterAnswers = Object.fromEntries([...KEEPER_ANSWERS, "none"].map((a) => [a, 0])) as Record<KeeperAnswer | "none", number>;
    let responses = 0;
    let satisfied = 0;
    for (const p of stayed) {
      laterAnswers[p.laterAnswer ?? "none"] += 1;
      responses += p.laterResponses;
      satisfied += p.laterSatisfied;
    }
    afterTwoQuarters = {
      known: true,
      stillHere: rate(stayed.length, doubtDated.length),
      laterAnswers,
      laterCsat: csatFigure(satisfied, responses),
    };
  }

  return {
    fightHard: { answered: fight.length, undated: fight.length - fightDated.length, within },
    doubt: {
      answered: doubt.length,
      letGo: doubt.filter((p) => p.answer === "let_go").length,
      unsure: doubt.filter((p) => p.answer === "unsure").length,
      undated: doubt.length - doubtDated.length,
      afterTwoQuarters,
    },
  };
}

export interface OutcomeGroup<K> {
  key: K;
  label: string;
  figures: OutcomeFigures;
}

/** outcomeFigures per group (team, manager), ordered by label. */
export function outcomesBy<P extends OutcomePerson, K>(
  cycleKey: string,
  today: string,
  people: readonly P[],
  keyOf: (p: P) => K,
  labelOf: (p: P) => string,
): OutcomeGroup<K>[] {
  const groups = new Map<K, { label: string; people: P[] }>();
  for (const p of people) {
    const k = keyOf(p);
    const g = groups.get(k) ?? { label: labelOf(p), people: [] };
    g.people.push(p);
    groups.set(k, g);
  }
  return [...groups.entries()]
    .map(([key, g]) => ({ key, label: g.label, figures: outcomeFigures(cycleKey, today, g.people) }))
    .sort((a, b) => a.label.localeCompare(b.label));
}

/** "3 of 12 (25%, 95% CI 9–53%)"; under SMALL_SAMPLE, the counts and why there is no rate. */
export function describeRate(r: Rate): string {
  if (r.of === 0) return "0 of 0";
  if (r.small) return `${r.count} of ${r.of} (fewer than ${SMALL_SAMPLE} people: too few for a rate)`;
  return `${r.count} of ${r.of} (${formatPercent(r.rate!)}, 95% CI ${formatPercent(r.ci95![0]).replace("%", "")}–${formatPercent(r.ci95![1])})`;
}
