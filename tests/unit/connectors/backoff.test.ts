import { describe, expect, it } from "vitest";
import { backoffDelay, DEFAULT_BACKOFF, parseRetryAfter, retryDelay } from "@/lib/domain/backoff";

const NOW = Date.UTC(2026, 11, 6, 12, 0, 0);

describe("Retry-After", () => {
  it("reads delta-seconds, fractional or whole", () => {
    expect(parseRetryAfter("120", NOW)).toBe(120_000);
    expect(parseRetryAfter(" 1.5 ", NOW)).toBe(1500);
    expect(parseRetryAfter("0", NOW)).toBe(0);
  });
  it("reads an HTTP date as the time left until it, never negative", () => {
    expect(parseRetryAfter("Sun, 06 Dec 2026 12:00:30 GMT", NOW)).toBe(30_000);
    expect(parseRetryAfter("Sun, 06 Dec 2026 11:00:00 GMT", NOW)).toBe(0);
  });
  it("ignores a missing or unreadable header", () => {
    expect(parseRetryAfter(null, NOW)).toBeNull();
    expect(parseRetryAfter(undefined, NOW)).toBeNull();
    expect(parseRetryAfter("", NOW)).toBeNull();
    expect(parseRetryAfter("soon", NOW)).toBeNull();
    expect(parseRetryAfter("-5", NOW)).toBeNull();
  });
});

describe("backoff with full jitter", () => {
  const policy = { maxAttempts: 6, baseMs: 100, capMs: 1000, maxTotalMs: 10_000 };
  it("doubles the ceiling per attempt up to the cap", () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffDelay(a, policy, () => 0.999999))).toEqual([99, 199, 399, 799, 999]);
  });
  it("spreads waits between zero and the ceiling", () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(200);
  });
  it("gives up after the last attempt or when the total budget would be passed", () => {
    expect(retryDelay(5, 0, null, policy, () => 0.5)).not.toBeNull();
    expect(retryDelay(6, 0, null, policy, () => 0.5)).toBeNull();
    expect(retryDelay(1, 9_990, null, policy, () => 0.5)).toBeNull();
  });
  it("waits as long as Retry-After says (capped), plus a little jitter", () => {
    expect(retryDelay(1, 0, 700, policy, () => 0)).toBe(700);
    expect(retryDelay(1, 0, 700, policy, () => 0.5)).toBe(750);
    expect(retryDelay(1, 0, 60_000, policy, () => 0)).toBe(1000);
    expect(retryDelay(1, 0, 60_000, { ...policy, capMs: 120_000 }, () => 0)).toBeNull();
  });
  it("has bounded defaults", () => {
    expect(DEFAULT_BACKOFF.maxAttempts).toBeLessThanOrEqual(6);
    expect(DEFAULT_BACKOFF.maxTotalMs).toBeLessThanOrEqual(300_000);
  });
});
