import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { encode } from "next-auth/jwt";

// The real session source, with only Next's request cookies replaced.
const jar: { name: string; value: string }[] = [];
vi.mock("next/headers", () => ({
  cookies: async () => ({ getAll: () => jar }),
  headers: async () => new Headers(),
}));

const SECRET = "test-secret-0123456789abcdef0123456789";
const NAME = "authjs.session-token";

async function token(sub: string, opts: { secret?: string; salt?: string; maxAge?: number } = {}) {
  return encode({ token: { sub }, secret: opts.secret ?? SECRET, salt: opts.salt ?? NAME, maxAge: opts.maxAge ?? 3600 });
}

describe("currentUserId (decodes the Auth.js session cookie itself)", () => {
  beforeEach(() => {
    vi.stubEnv("AUTH_SECRET", SECRET);
    jar.length = 0;
  });
  afterEach(() => vi.unstubAllEnvs());

  it("reads the employee id from a valid session token", async () => {
    const { currentUserId } = await import("@/lib/auth/session-source");
    jar.push({ name: NAME, value: await token("42") });
    expect(await currentUserId()).toBe(42);
  });

  it("joins a cookie Auth.js split into chunks", async () => {
    const { currentUserId } = await import("@/lib/auth/session-source");
    const value = await token("7");
    const mid = Math.floor(value.length / 2);
    jar.push({ name: `${NAME}.1`, value: value.slice(mid) }, { name: `${NAME}.0`, value: value.slice(0, mid) });
    expect(await currentUserId()).toBe(7);
  });

  it("accepts the __Secure- cookie, whose name is its salt", async () => {
    const { currentUserId } = await import("@/lib/auth/session-source");
    jar.push({ name: `__Secure-${NAME}`, value: await token("9", { salt: `__Secure-${NAME}` }) });
    expect(await currentUserId()).toBe(9);
  });

  it("rejects no cookie, another secret, another salt, an expired token, garbage and a non-numeric id", async () => {
    const { currentUserId } = await import("@/lib/auth/session-source");
    expect(await currentUserId()).toBeNull();
    for (const value of [
      await token("42", { secret: "another-secret-0123456789abcdef012345" }),
      await token("42", { salt: "something-else" }),
      await token("42", { maxAge: -60 }),
      "not-a-jwt",
      await token("admin"),
    ]) {
      jar.length = 0;
      jar.push({ name: NAME, value });
      expect(await currentUserId()).toBeNull();
    }
  });

  it("refuses a token it accepted before once the token has expired", async () => {
    const { currentUserId } = await import("@/lib/auth/session-source");
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      jar.push({ name: NAME, value: await token("42", { maxAge: 60 }) });
      expect(await currentUserId()).toBe(42);
      expect(await currentUserId()).toBe(42);
      // Past exp and Auth.js's 15 s clock tolerance.
      vi.setSystemTime(Date.now() + 76_000);
      expect(await currentUserId()).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it("refuses a token it accepted before once the secret has changed", async () => {
    const { currentUserId } = await import("@/lib/auth/session-source");
    jar.push({ name: NAME, value: await token("42") });
    expect(await currentUserId()).toBe(42);
    vi.stubEnv("AUTH_SECRET", "a-new-secret-0123456789abcdef0123456789");
    expect(await currentUserId()).toBeNull();
    vi.stubEnv("AUTH_SECRET_1", SECRET);
    // The old secret kept as a previous one (AUTH_SECRET_1) still opens it, as in Auth.js.
    expect(await currentUserId()).toBe(42);
  });

  it("has no session without a secret", async () => {
    const { currentUserId } = await import("@/lib/auth/session-source");
    jar.push({ name: NAME, value: await token("42") });
    vi.stubEnv("AUTH_SECRET", "");
    expect(await currentUserId()).toBeNull();
  });
});
