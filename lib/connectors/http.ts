import { DEFAULT_BACKOFF, parseRetryAfter, retryDelay, type BackoffPolicy } from "@/lib/domain/backoff";

/** A helpdesk answered 401/403: the credentials are wrong, expired or lack the permission. */
export class AuthFailure extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "AuthFailure";
  }
}

/** Any other failure talking to a helpdesk: after retries, or one that retrying cannot fix. */
export class HttpFailure extends Error {
  constructor(
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = "HttpFailure";
  }
}

export type HttpRequest = { method: "GET" | "POST"; url: string; headers?: Record<string, string>; body?: string };

export type HttpOptions = {
  /** Per attempt, the body included; a slower answer counts as a failure and is retried. */
  timeoutMs?: number;
  backoff?: BackoffPolicy;
  /** Tests inject these to run retries without real waits. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  fetch?: typeof fetch;
};

export const DEFAULT_TIMEOUT_MS = 30_000;
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Where a request went, for messages: never the query (it can hold ids) nor any header. */
const where = (url: string) => {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname}`;
  } catch {
    return "the helpdesk";
  }
};

type Attempt = { ok: true; text: string; status: number } | { ok: false; retry: boolean; retryAfterMs: number | null; error: Error };

async function attempt(req: HttpRequest, options: HttpOptions, now: number): Promise<Attempt> {
  const doFetch = options.fetch ?? fetch;
  let response: Response;
  let text: string;
  try {
    response = await doFetch(req.url, {
      method: req.method,
      headers: req.headers,
      body: req.body,
      redirect: "error",
      signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    });
    text = await response.text();
  } catch (err) {
    const e = err as Error;
    const timedOut = e.name === "TimeoutError" || e.name === "AbortError";
    const reason = timedOut
      ? `no answer within ${Math.round((options.timeoutMs ?? DEFAULT_TIMEOUT_MS) / 1000)} s`
      : `network error (${(e.cause as Error | undefined)?.message ?? e.message})`;
    return { ok: false, retry: true, retryAfterMs: null, error: new HttpFailure(`${where(req.url)}: ${reason}`) };
  }
  const { status } = response;
  if (status >= 200 && status < 300) return { ok: true, text, status };
  if (status === 401 || status === 403) {
    return {
      ok: false,
      retry: false,
      retryAfterMs: null,
      error: new AuthFailure(status, `${where(req.url)} refused the credentials (HTTP ${status})`),
    };
  }
  const retry = status === 429 || status >= 500;
  const retryAfterMs = status === 429 || status === 503 ? parseRetryAfter(response.headers.get("retry-after"), now) : null;
  return { ok: false, retry, retryAfterMs, error: new HttpFailure(`${where(req.url)} answered HTTP ${status}`, status) };
}

/**
 * One request with bounded retries: 429 (waiting as Retry-After says), 5xx, timeouts and network
 * errors are retried with exponential backoff and jitter; 401/403 throw AuthFailure at once;
 * other 4xx throw HttpFailure. Returns the body as text.
 */
export async function requestText(req: HttpRequest, options: HttpOptions = {}): Promise<string> {
  const policy = options.backoff ?? DEFAULT_BACKOFF;
  const sleep = options.sleep ?? realSleep;
  const started = Date.now();
  for (let tries = 1; ; tries++) {
    const result = await attempt(req, options, Date.now());
    if (result.ok) return result.text;
    if (!result.retry) throw result.error;
    const wait = retryDelay(tries, Date.now() - started, result.retryAfterMs, policy, options.random);
    if (wait === null)
      throw new HttpFailure(
        `${result.error.message}; gave up after ${tries} attempt${tries === 1 ? "" : "s"}`,
        (result.error as HttpFailure).status ?? null,
      );
    await sleep(wait);
  }
}

export async function requestJson(req: HttpRequest, options: HttpOptions = {}): Promise<{ text: string; doc: unknown }> {
  const text = await requestText(req, options);
  try {
    return { text, doc: JSON.parse(text) };
  } catch {
    throw new HttpFailure(`${where(req.url)} did not answer with JSON`);
  }
}
