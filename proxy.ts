import { NextResponse, type NextRequest } from "next/server";

// Only an optimistic redirect for visitors with no session cookie at all. Every real access
// decision is made by the data-access layer, which verifies the session itself.
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

export function proxy(request: NextRequest) {
  const hasSession = SESSION_COOKIES.some((name) => request.cookies.has(name));
  if (hasSession) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = "";
  const from = request.nextUrl.pathname + request.nextUrl.search;
  if (from !== "/") url.searchParams.set("from", from);
  return NextResponse.redirect(url);
}

export const config = {
  // API routes answer 401 themselves; auth endpoints, the login page and assets are public.
  matcher: ["/((?!api/|login|_next/|favicon.ico).*)"],
};
