/**
 * The signed-in user for data-access tests. Test files replace only the session source (the
 * Auth.js cookie and the Bearer header) with
 * `vi.mock("@/lib/auth/session-source", () => import("../helpers/session"))`,
 * so every access rule under test runs for real against the database.
 */
const state = { id: null as number | null, token: null as string | null };

export async function currentUserId(): Promise<number | null> {
  return state.id;
}

/** The token set by `useBearer`, else the request's own Authorization header, as the real source reads it. */
export function bearerToken(request: Request): string | null {
  if (state.token) return state.token;
  const match = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "");
  return match ? match[1] : null;
}

export function signInAs(id: number | null): void {
  state.id = id;
  state.token = null;
}

export function useBearer(token: string | null): void {
  state.id = null;
  state.token = token;
}
