/** Sign-in throttling (DESIGN.md / security issue): 10 failures in 15 minutes blocks for 15 minutes. */
export const THROTTLE_MAX_FAILURES = 10;
export const THROTTLE_WINDOW_MS = 15 * 60 * 1000;

export function throttleKeys(email: string, clientAddress: string | null): string[] {
  const keys = [`account:${email.trim().toLowerCase()}`];
  if (clientAddress) keys.push(`ip:${clientAddress}`);
  return keys;
}

/**
 * Blocked while the key has THROTTLE_MAX_FAILURES or more failures inside the window; refused
 * attempts count as failures too, so a guesser who keeps trying stays blocked.
 * Returns when the block lifts (ms epoch), or null when not blocked.
 */
export function blockedUntil(failureTimes: readonly number[], now: number): number | null {
  const recent = failureTimes.filter((t) => t > now - THROTTLE_WINDOW_MS).sort((a, b) => b - a);
  if (recent.length < THROTTLE_MAX_FAILURES) return null;
  return recent[THROTTLE_MAX_FAILURES - 1] + THROTTLE_WINDOW_MS;
}

export function clientAddressFrom(headers: Headers): string | null {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || null;
}
