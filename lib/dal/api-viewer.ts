import "server-only";
import { bearerToken } from "@/lib/auth/session-source";
import { tokenScopesFor } from "./policy";
import { loadViewer, sessionViewer, type Viewer } from "./session";
import { resolveToken } from "./token-resolve";

/** True when the request's own path is under `prefix` (the path Next routed, not a header). */
export function requestPathUnder(request: Request, prefix: string): boolean {
  const path = new URL(request.url).pathname;
  return path === prefix || path.startsWith(`${prefix}/`);
}

/**
 * The viewer of an /api/v1 request: the session cookie, else a `read` or `import` API token from
 * the request's Authorization header. The token counts only when this request's path is under
 * /api/v1, checked here where the token is resolved, so no route elsewhere can be opened with one.
 * A token is only as good as its creator: it dies when they are deactivated or may no longer hold
 * its scope (policy.ts tokenScopesFor: HR or admin for `read`/`import`).
 */
export async function apiViewer(request: Request): Promise<Viewer | null> {
  const fromSession = await sessionViewer();
  if (fromSession) return fromSession;
  if (!requestPathUnder(request, "/api/v1")) return null;
  const bearer = bearerToken(request);
  const token = bearer ? await resolveToken(bearer, ["read", "import"]) : null;
  if (!token) return null;
  const viewer = await loadViewer(token.employeeId, token);
  return viewer && tokenScopesFor(viewer).includes(token.scope) ? viewer : null;
}
