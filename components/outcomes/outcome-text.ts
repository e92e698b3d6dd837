import { formatPercent } from "@/lib/format";
import { describeRate, type OutcomeFigures, type Rate, type Window } from "@/lib/domain/keeper-outcomes";

/** Words for the outcome figures, shared by the page's chart rows and tables. */

export function windowText<T>(w: Window<T>, known: (w: T) => string): string {
  return w.known ? known(w) : `not yet known (from ${w.knownFrom})`;
}

/** A rate for a chart bar: null when there is none to draw honestly. */
export function barValue(r: Rate): { value: number | null; ci95: [number, number] | null } {
  return r.small || r.rate === null ? { value: null, ci95: null } : { value: r.rate, ci95: r.ci95 };
}

export function leftText(f: OutcomeFigures, months: 6 | 12): string {
  return windowText(f.fightHard.within[months], (w) => `${describeRate(w.left)}; ${w.regretted.count} regretted`);
}

export function stillHereText(f: OutcomeFigures): string {
  return windowText(f.doubt.afterTwoQuarters, (w) => describeRate(w.stillHere));
}

export function laterText(f: OutcomeFigures): string {
  return windowText(f.doubt.afterTwoQuarters, (w) => {
    const a = w.laterAnswers;
    const csat = w.laterCsat.csat === null ? "no CSAT" : `CSAT ${formatPercent(w.laterCsat.csat)} of ${w.laterCsat.responses}`;
    return `fight hard ${a.fight_hard}, keep ${a.keep}, unsure ${a.unsure}, let go ${a.let_go}, not reviewed ${a.none}; ${csat}`;
  });
}
