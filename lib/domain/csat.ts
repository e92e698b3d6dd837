import { wilsonInterval } from "./wilson";

/** Below this many responses a CSAT figure is labelled "too few responses" and never ranked. */
export const MIN_RESPONSES = 10;

export type CsatFigure = {
  responses: number;
  satisfied: number;
  /** satisfied / responses as a fraction, null when there are no responses. */
  csat: number | null;
  /** 95% Wilson score interval, null when there are no responses. */
  ci95: [number, number] | null;
  tooFew: boolean;
};

export function csatFigure(satisfied: number, responses: number): CsatFigure {
  if (responses === 0) return { responses, satisfied, csat: null, ci95: null, tooFew: true };
  return {
    responses,
    satisfied,
    csat: satisfied / responses,
    ci95: wilsonInterval(satisfied, responses),
    tooFew: responses < MIN_RESPONSES,
  };
}

// ---- Top-box rules (DESIGN.md, "CSAT data") ---------------------------------------------

export const CSAT_SOURCES = ["zendesk", "freshdesk", "intercom", "helpscout", "chatwoot", "csv"] as const;
export type CsatSource = (typeof CSAT_SOURCES)[number];

/** How one source value counts: a response (satisfied or not), not a response at all, or invalid. */
export type RatingVerdict =
  | { kind: "response"; satisfied: boolean; rawValue: string; scale: string }
  | { kind: "not_response" }
  | { kind: "invalid"; reason: string };

const response = (satisfied: boolean, rawValue: string, scale: string): RatingVerdict => ({
  kind: "response",
  satisfied,
  rawValue,
  scale,
});
const invalid = (reason: string): RatingVerdict => ({ kind: "invalid", reason });
const NOT_RESPONSE: RatingVerdict = { kind: "not_response" };

/** A whole number from a JSON number or a numeric string; null for anything else. */
export function wholeNumber(value: unknown): number | null {
  if (typeof value === "number") return Number.isInteger(value) ? value : null;
  if (typeof value === "string" && /^\s*[-+]?\d+(\.0+)?\s*$/.test(value)) return Number.parseInt(value, 10);
  return null;
}

const show = (value: unknown): string => (typeof value === "string" ? `'${value}'` : String(JSON.stringify(value)));
const isMissing = (value: unknown): boolean => value === undefined || value === null || (typeof value === "string" && value.trim() === "");

/** Zendesk `score`: good/bad are responses; offered/unoffered mean the survey was never answered. */
export function rateZendesk(score: unknown): RatingVerdict {
  if (isMissing(score)) return invalid("Zendesk score is missing");
  const s = typeof score === "string" ? score.trim().toLowerCase() : score;
  if (s === "good" || s === "bad") return response(s === "good", s, "good/bad");
  if (s === "offered" || s === "unoffered") return NOT_RESPONSE;
  return invalid(`unknown Zendesk score ${show(score)} (expected good, bad, offered or unoffered)`);
}

/** Freshdesk `ratings.default_question`, -103..103: above 100 is happy; 100 is neutral, not satisfied. */
export function rateFreshdesk(value: unknown): RatingVerdict {
  if (isMissing(value)) return invalid("Freshdesk rating (ratings.default_question) is missing");
  const v = wholeNumber(value);
  if (v === null) return invalid(`Freshdesk rating ${show(value)} is not a whole number`);
  if (v < -103 || v > 103) return invalid(`Freshdesk rating ${v} is outside -103..103`);
  return response(v > 100, String(v), "-103..103");
}

/** A 1..max scale where `from` and above is the top box (Intercom, Chatwoot, generic CSV). */
function rateScale(label: string, value: unknown, max: number, from: number): RatingVerdict {
  if (isMissing(value)) return invalid(`${label} is missing`);
  const v = wholeNumber(value);
  if (v === null) return invalid(`${label} ${show(value)} is not a whole number`);
  if (v < 1 || v > max) return invalid(`${label} ${v} is outside the 1-${max} scale`);
  return response(v >= from, String(v), `1-${max}`);
}

export const rateIntercom = (rating: unknown): RatingVerdict => rateScale("Intercom rating", rating, 5, 4);
export const rateChatwoot = (rating: unknown): RatingVerdict => rateScale("Chatwoot rating", rating, 5, 4);

/** Help Scout `ratingId`: 1 Great, 2 Okay, 3 Not Good; only Great is satisfied. */
export function rateHelpScout(ratingId: unknown): RatingVerdict {
  if (isMissing(ratingId)) return invalid("Help Scout ratingId is missing");
  const v = wholeNumber(ratingId);
  if (v === null || v < 1 || v > 3) return invalid(`unknown Help Scout ratingId ${show(ratingId)} (expected 1, 2 or 3)`);
  return response(v === 1, String(v), "1=great,2=okay,3=not_good");
}

/** Generic CSV scales and the lowest rating that counts as satisfied on each. */
export const GENERIC_SCALES: ReadonlyMap<number, number> = new Map([
  [2, 2],
  [3, 3],
  [4, 3],
  [5, 4],
  [7, 6],
  [10, 9],
]);

export function rateGeneric(rating: unknown, scaleMax: unknown): RatingVerdict {
  if (isMissing(scaleMax)) return invalid("scale_max is missing");
  const max = wholeNumber(scaleMax);
  const from = max === null ? undefined : GENERIC_SCALES.get(max);
  if (max === null || from === undefined) {
    return invalid(`unknown scale_max ${show(scaleMax)} (expected 2, 3, 4, 5, 7 or 10)`);
  }
  return rateScale("rating", rating, max, from);
}

/**
 * Whether one source value is in the top box: true/false for a response, null when the value is
 * not a response (Zendesk offered/unoffered) or is invalid for its source and scale.
 */
export function isSatisfied(source: CsatSource, value: unknown, scaleMax?: number): boolean | null {
  const verdict = RATERS[source](value, scaleMax);
  return verdict.kind === "response" ? verdict.satisfied : null;
}

const RATERS: Record<CsatSource, (value: unknown, scaleMax?: number) => RatingVerdict> = {
  zendesk: rateZendesk,
  freshdesk: rateFreshdesk,
  intercom: rateIntercom,
  helpscout: rateHelpScout,
  chatwoot: rateChatwoot,
  csv: (value, scaleMax) => rateGeneric(value, scaleMax),
};
