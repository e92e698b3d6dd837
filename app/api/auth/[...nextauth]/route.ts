import { NextResponse, type NextRequest } from "next/server";
import { handlers } from "@/auth";
import { signInRefusal } from "@/lib/dal/credentials";

export const { GET } = handlers;

/**
 * Scripts sign in at POST /api/auth/callback/credentials. A throttled account or address gets an
 * HTTP 429 with Retry-After here instead of Auth.js's generic error redirect.
 */
export async function POST(request: NextRequest) {
  if (request.nextUrl.pathname.endsWith("/callback/credentials")) {
    const form = await request.clone().formData().catch(() => null);
    const refusal = signInRefusal(String(form?.get("email") ?? ""), request.headers);
    if (refusal) {
      return NextResponse.json(
        { error: "too_many_attempts", message: refusal.message },
        { status: 429, headers: { "Retry-After": String(refusal.retryAfterSeconds), "Cache-Control": "no-store" } },
      );
    }
  }
  return handlers.POST(request);
}
