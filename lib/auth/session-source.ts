import "server-only";
import { cookies } from "next/headers";
import { decode } from "next-auth/jwt";

// The cookie names Auth.js uses for the session (the __Secure- one on https). Each name is also
// the salt its token is encrypted with.
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"];

/** The secrets Auth.js accepts, newest first, as @auth/core's setEnvDefaults builds them. */
function secrets(): string[] {
  const out: string[] = [];
  for (let i = 1; i <= 3; i++) {
    const s = process.env[`AUTH_SECRET_${i}`];
    if (s) out.unshift(s);
  }
  const main = process.env.AUTH_SECRET ?? process.env.NEXTAUTH_SECRET;
  if (main) out.push(main);
  return out;
}

/** The cookie's value, joining Auth.js's chunks (`name.0`, `name.1`, …) when it was split. */
function cookieValue(all: { name: string; value: string }[], name: string): string | null {
  const whole = all.find((c) => c.name === name);
  if (whole) return whole.value;
  const chunks = all
    .filter((c) => c.name.startsWith(`${name}.`) && /^\d+$/.test(c.name.slice(name.length + 1)))
    .sort((a, b) => Number(a.name.slice(name.length + 1)) - Number(b.name.slice(name.length + 1)));
  return chunks.length > 0 ? chunks.map((c) => c.value).join("") : null;
}

/**
 * Tokens already decoded, by cookie name and value, until they expire: the same bytes always
 * decode the same way under the same secrets (the token is encrypted and authenticated), and
 * decoding is about 1.2 ms of every request. Only successes are kept, so garbage tokens cannot
 * fill it; a change of secrets empties it.
 */
const decoded = new Map<string, { id: number | null; expiresAt: number }>();
const DECODED_MAX = 1000;
// For scripts/bench-layers.ts, which weighs what the cache buys.
const DECODE_CACHE_OFF = process.env.KEEPER_LAYERS_OFF?.split(",").includes("session-cache") ?? false;
let decodedFor = "";

async function decodeSessionToken(token: string, secret: string[], salt: string): Promise<number | null> {
  const secrets = secret.join("\n");
  if (secrets !== decodedFor) {
    decoded.clear();
    decodedFor = secrets;
  }
  const key = `${salt}\n${token}`;
  const hit = decoded.get(key);
  // Past its expiry the token goes back to decode, which applies Auth.js's clock tolerance.
  if (hit && Date.now() < hit.expiresAt && !DECODE_CACHE_OFF) return hit.id;
  try {
    const payload = await decode({ token, secret, salt });
    const id = Number(payload?.sub);
    const userId = Number.isInteger(id) && id > 0 ? id : null;
    if (typeof payload?.exp === "number") {
      if (decoded.size >= DECODED_MAX) decoded.delete(decoded.keys().next().value!);
      decoded.set(key, { id: userId, expiresAt: payload.exp * 1000 });
    }
    return userId;
  } catch {
    // Tampered, expired or signed with a retired secret: no session, as auth() would say.
    return null;
  }
}

/**
 * The signed-in employee id from the Auth.js session cookie, or null. Tests replace this module.
 *
 * Decodes the JWT with Auth.js's own `decode` (same secrets, salt = cookie name; it checks the
 * signature and expiry) instead of calling `auth()`: `auth()` runs the whole session endpoint,
 * which decrypts the token and then encrypts a refreshed one that a server component cannot even
 * set (3.3 ms against 1.2 ms per request here). See docs/decisions/0006-session-decode.md.
 */
export async function currentUserId(): Promise<number | null> {
  const all = (await cookies()).getAll();
  const secret = secrets();
  if (secret.length === 0) return null;
  for (const name of SESSION_COOKIES) {
    const token = cookieValue(all, name);
    if (token) return decodeSessionToken(token, secret, name);
  }
  return null;
}

/**
 * The Bearer token a request carries, or null. Only the data layer decides where a token counts
 * (lib/dal/api-viewer.ts, lib/dal/scim-client.ts), from the path of this same request.
 */
export function bearerToken(request: Request): string | null {
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return match ? match[1] : null;
}
