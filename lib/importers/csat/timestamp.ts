/**
 * Timestamps in exports: ISO 8601 with `Z` or an offset (converted to UTC), or Unix seconds
 * (a number, or a string of digits). A datetime without a zone is refused rather than guessed:
 * near a quarter boundary the guess decides which quarter a response counts in.
 */
export type TimeResult = number | { error: string };

const DAY_MS = 86_400_000;
/** Anything earlier is a broken export (e.g. a 0 timestamp), not a 20th-century survey. */
export const EARLIEST_MS = Date.UTC(2000, 0, 1);

const ISO = /^(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?\s*(?:([Zz])|([+-])(\d{2})(?::?(\d{2}))?)$/;
const UNIX_SECONDS = /^\d+(?:\.\d+)?$/;

const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : DAYS[month - 1];
}

const digit = (text: string, at: number): number => text.charCodeAt(at) - 48;
const twoDigits = (text: string, at: number): number => {
  const tens = digit(text, at);
  const ones = digit(text, at + 1);
  return tens >= 0 && tens <= 9 && ones >= 0 && ones <= 9 ? tens * 10 + ones : Number.NaN;
};

/**
 * `YYYY-MM-DDTHH:MM:SSZ`, what most exports write, read without a regular expression: a million
 * rows carry two timestamps each, and this is several times faster. Null means "use the full parser".
 */
function parseCanonical(text: string): number | null {
  if (text.length !== 20 || text.charCodeAt(19) !== 90 /* Z */ || text.charCodeAt(10) !== 84 /* T */) return null;
  if (text[4] !== "-" || text[7] !== "-" || text[13] !== ":" || text[16] !== ":") return null;
  const year = twoDigits(text, 0) * 100 + twoDigits(text, 2);
  const month = twoDigits(text, 5);
  const day = twoDigits(text, 8);
  const hour = twoDigits(text, 11);
  const minute = twoDigits(text, 14);
  const second = twoDigits(text, 17);
  if (Number.isNaN(year + month + day + hour + minute + second)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month) || hour > 23 || minute > 59 || second > 59) return null;
  // Date.UTC reads years 0-99 as 1900-1999; such dates are refused anyway, by the full parser.
  if (year < 1970) return null;
  return (((daysFromCivil(year, month, day) * 24 + hour) * 60 + minute) * 60 + second) * 1000;
}

/**
 * Days since 1970-01-01 of a Gregorian date (Howard Hinnant's days_from_civil): plain integer
 * arithmetic, several times cheaper than Date.UTC, which a million-row import calls a million times.
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

function parseIso(text: string): number | null {
  const canonical = parseCanonical(text);
  if (canonical !== null) return canonical;
  const m = ISO.exec(text);
  if (!m) return null;
  const year = +m[1];
  const month = +m[2];
  const day = +m[3];
  const hour = +m[4];
  const minute = +m[5];
  const second = m[6] ? +m[6] : 0;
  const millis = m[7] ? Number(m[7].slice(0, 3).padEnd(3, "0")) : 0;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  let offsetMinutes = 0;
  if (!m[8]) {
    const oh = Number(m[10]);
    const om = m[11] ? Number(m[11]) : 0;
    if (oh > 14 || om > 59) return null;
    offsetMinutes = (m[9] === "-" ? -1 : 1) * (oh * 60 + om);
  }
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - offsetMinutes * 60_000;
}

const show = (value: unknown): string => (typeof value === "string" ? `'${value}'` : (JSON.stringify(value) ?? "nothing"));

/** Parses `value` and checks it is plausible: not before 2000 and not after `now` + 1 day. */
export function parseTimestamp(value: unknown, now: number): TimeResult {
  let ms: number | null = null;
  if (typeof value === "number") {
    ms = Number.isFinite(value) && value >= 0 ? Math.round(value * 1000) : null;
  } else if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return { error: "is empty" };
    // The common form first: it can never look like Unix seconds.
    ms = parseCanonical(text) ?? (UNIX_SECONDS.test(text) ? Math.round(Number(text) * 1000) : parseIso(text));
  }
  if (ms === null || !Number.isFinite(ms)) {
    return { error: `${show(value)} is not a timestamp (use ISO 8601 with Z or an offset, or Unix seconds)` };
  }
  if (ms < EARLIEST_MS) return { error: `${show(value)} is before 2000` };
  if (ms > now + DAY_MS) return { error: `${show(value)} is in the future` };
  return ms;
}
