import "server-only";
import { bearerToken } from "@/lib/auth/session-source";
import { requestPathUnder } from "./api-viewer";
import { loadViewer } from "./session";
import { resolveToken } from "./token-resolve";

/** The identity provider calling /scim/v2: which token, acting for which admin. */
export interface ScimClient {
  tokenId: number;
  actorId: number;
}

/**
 * The SCIM client of this request: a live token with the `scim` scope, from this request's own
 * Authorization header, and only when the request's own path is under /scim/v2. Session cookies
 * never count here (a browser cannot provision), and read/import tokens are refused. The token
 * dies with its creator's admin rights, as every token does.
 */
export async function scimClient(request: Request): Promise<ScimClient | null> {
  if (!requestPathUnder(request, "/scim/v2")) return null;
  const bearer = bearerToken(request);
  const token = bearer ? await resolveToken(bearer, ["scim"]) : null;
  if (!token) return null;
  const owner = await loadViewer(token.employeeId, token);
  return owner?.isAdmin ? { tokenId: token.id, actorId: owner.id } : null;
}
