/** Human durations for waiting times ("3 days"), rounded down so nobody is told they waited longer than they did. */
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function plural(n: number, unit: string): string {
  return `${n} ${unit}${n === 1 ? "" : "s"}`;
}

export function durationLabel(ms: number): string {
  if (ms < MINUTE) return "under a minute";
  if (ms < HOUR) return plural(Math.floor(ms / MINUTE), "minute");
  if (ms < DAY) return plural(Math.floor(ms / HOUR), "hour");
  if (ms < 14 * DAY) return plural(Math.floor(ms / DAY), "day");
  return plural(Math.floor(ms / (7 * DAY)), "week");
}

/** "waiting 3 days", "asked 2 hours ago" style labels read better with the raw duration. */
export function ageLabel(since: number, now = Date.now()): string {
  return durationLabel(Math.max(0, now - since));
}

/** Waiting a week or more deserves attention. */
export function isLongWait(since: number, now = Date.now()): boolean {
  return now - since >= 7 * DAY;
}
