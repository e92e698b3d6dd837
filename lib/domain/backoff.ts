/**
 * Retry timing for helpdesk APIs: how long a 429's Retry-After asks us to wait, and exponential
 * backoff with full jitter for 5xx, timeouts and dropped connections. Pure, so it is unit-tested.
 */

/**
 * Milliseconds to wait from a Retry-After header: delta-seconds ("120") or an HTTP date.
 * Null when absent or unreadable (the caller falls back to backoff); never negative.
 */
export function parseRetryAfter(value: string | null | undefined, now: number): number | null {
  if (value === null || value === undefined) return null;
  const text = value.trim();
  if (text === "") return null;
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  // An HTTP date names its day and month; Date.parse alone would take "-5" for a year.
  if (!/[a-z]{3}/i.test(text)) return null;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return null;
  return Math.max(0, at - now);
}

export type BackoffPolicy = {
  /** Attempts in all, the first included. */
  maxAttempts: number;
  /** First retry waits up to this long; each later one up to twice the previous. */
  baseMs: number;
  /** No single wait is longer. */
  capMs: number;
  /** The whole request, waits included, gives up rather than pass this. */
  maxTotalMs: number;
};

export const DEFAULT_BACKOFF: BackoffPolicy = { maxAttempts: 5, baseMs: 500, capMs: 30_000, maxTotalMs: 120_000 };

/** "Full jitter": uniform in [0, min(cap, base·2^(attempt-1))], so retrying clients spread out. */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

/**
 * The wait before retry number `attempt` (1 = the first retry), or null to give up: out of
 * attempts, or the wait would pass the total budget. A server's Retry-After wins over backoff
 * (capped), plus a little jitter so clients told the same time do not return together.
 */
export function retryDelay(
  attempt: number,
  elapsedMs: number,
  retryAfterMs: number | null,
  policy: BackoffPolicy,
  random: () => number = Math.random,
): number | null {
  if (attempt >= policy.maxAttempts) return null;
  const wait =
    retryAfterMs === null
      ? backoffDelay(attempt, policy, random)
      : Math.min(policy.capMs, retryAfterMs) + Math.floor(random() * Math.min(1000, policy.baseMs));
  return elapsedMs + wait > policy.maxTotalMs ? null : wait;
}
