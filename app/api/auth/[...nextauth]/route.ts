import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/auth";
import { signInRefusal } from "@/lib/dal/credentials";

/**
 * The request as the browser addressed it. Auth.js builds the sign-in redirect (in the server
 * action) from the Host header, and the callback's redirect URI from the request URL; single
 * sign-on sends both to the provider, which refuses the code when they differ. A NextRequest's URL
 * can name another host than the browser used (Next rewrites 127.0.0.1 and ::1 to localhost), so
 * Auth.js gets a plain Request at the Host-header address, by Auth.js's own rule (trustHost; see
 * createActionURL in @auth/core). AUTH_URL, when set, decides instead, inside Auth.js.
 */
async function asAddressed(request: NextRequest): Promise<NextRequest> {
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!host || process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request;
  const seen = new URL(request.url);
  const proto = request.headers.get("x-forwarded-proto") ?? seen.protocol.replace(/:$/, "");
  const url = `${proto}://${host}${seen.pathname}${seen.search}`;
  if (url === seen.href) return request;
  const body = request.method === "GET" || request.method === "HEAD" ? undefined : await request.arrayBuffer();
  // Auth.js reads only the standard Request fields when AUTH_URL is unset (next-auth's reqWithEnvURL).
  return new Request(url, { method: request.method, headers: request.headers, body }) as NextRequest;
}

export async function GET(request: NextRequest) {
  return handlers.GET(await asAddressed(request));
}

/**
 * Scripts sign in at POST /api/auth/callback/credentials. A throttled account or address gets an
 * HTTP 429 with Retry-After here instead of Auth.js's generic error redirect.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request
      .clone()
      .formData()
      .catch(() => null);
    const refusal = await signInRefusal(String(form?.get("email") ?? ""), request.headers);
    if (refusal) {
      return NextResponse.json(
        { error: "too_many_attempts", message: refusal.message },
        { status: 429, headers: { "Retry-After": String(refusal.retryAfterSeconds), "Cache-Control": "no-store" } },
      );
    }
  }
  return handlers.POST(await asAddressed(request));
}
