/**
 * The signed-in user for data-access tests. Test files replace only the session source (the
 * Auth.js cookie) with `vi.mock("@/lib/auth/session-source", () => import("../helpers/session"))`,
 * so every access rule under test runs for real against the database.
 */
const state = { id: null as number | null };

export async function currentUserId(): Promise<number | null> {
  return state.id;
}

export function signInAs(id: number | null): void {
  state.id = id;
}
