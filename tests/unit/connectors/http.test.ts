import { describe, expect, it } from "vitest";
import { AuthFailure, HttpFailure, requestText, type HttpOptions } from "@/lib/connectors/http";

/** A scripted fetch: one answer (or thrown error) per call; the last one repeats. */
function scripted(answers: (Response | Error)[]): { fetch: typeof fetch; calls: () => number } {
  let n = 0;
  const f = (async () => {
    const next = answers[Math.min(n++, answers.length - 1)];
    if (next instanceof Error) throw next;
    return next.clone();
  }) as unknown as typeof fetch;
  return { fetch: f, calls: () => n };
}

const opts = (fetchImpl: typeof globalThis.fetch, waits: number[] = []): HttpOptions => ({
  fetch: fetchImpl,
  sleep: async (ms) => void waits.push(ms),
  random: () => 0,
  backoff: { maxAttempts: 3, baseMs: 100, capMs: 10_000, maxTotalMs: 60_000 },
});
const req = {
  method: "GET" as const,
  url: "https://acme.zendesk.com/api/v2/satisfaction_ratings?page[size]=100",
  headers: { Authorization: "Basic c2VjcmV0" },
};

describe("helpdesk requests", () => {
  it("retries 429 as Retry-After says and 5xx with backoff, then returns the body", async () => {
    const waits: number[] = [];
    const s = scripted([
      new Response("", { status: 429, headers: { "Retry-After": "3" } }),
      new Response("", { status: 502 }),
      new Response('{"ok":1}'),
    ]);
    expect(await requestText(req, opts(s.fetch, waits))).toBe('{"ok":1}');
    expect(waits).toEqual([3000, 0]);
  });

  it("gives up after the bounded attempts, saying where and why, without the query or credentials", async () => {
    const s = scripted([new Response("", { status: 500 })]);
    const error = await requestText(req, opts(s.fetch)).catch((e: Error) => e);
    expect(error).toBeInstanceOf(HttpFailure);
    expect((error as Error).message).toBe(
      "https://acme.zendesk.com/api/v2/satisfaction_ratings answered HTTP 500; gave up after 3 attempts",
    );
    expect(s.calls()).toBe(3);
  });

  it("retries network errors and timeouts", async () => {
    const s = scripted([
      Object.assign(new TypeError("fetch failed"), { cause: new Error("ECONNRESET") }),
      Object.assign(new Error("t"), { name: "TimeoutError" }),
      new Response("[]"),
    ]);
    expect(await requestText(req, opts(s.fetch))).toBe("[]");
    expect(s.calls()).toBe(3);
  });

  it("does not retry 401/403 (AuthFailure) or other 4xx", async () => {
    for (const status of [401, 403]) {
      const s = scripted([new Response("", { status })]);
      await expect(requestText(req, opts(s.fetch))).rejects.toBeInstanceOf(AuthFailure);
      expect(s.calls()).toBe(1);
    }
    const s = scripted([new Response("", { status: 404 })]);
    await expect(requestText(req, opts(s.fetch))).rejects.toThrow(/answered HTTP 404$/);
    expect(s.calls()).toBe(1);
  });
});
