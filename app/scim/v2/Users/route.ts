import type { NextRequest } from "next/server";
import { scimBody, scimError, scimMethodNotAllowed, scimOutcome, withScimClient } from "@/lib/api/scim-respond";
import { createScimUser, listScimUsers } from "@/lib/dal/scim-users";

/** GET /scim/v2/Users?filter=userName eq "…"&startIndex=1&count=100 */
export function GET(request: NextRequest) {
  return withScimClient(request, async (_client, base) => scimOutcome(await listScimUsers(base, request.nextUrl.searchParams)));
}

/** POST /scim/v2/Users: provisions a person. */
export function POST(request: NextRequest) {
  return withScimClient(request, async (client, base) => {
    const body = await scimBody(request);
    if (body === undefined) return scimError(400, "The body must be JSON.", "invalidSyntax");
    return scimOutcome(await createScimUser(client, base, body));
  });
}

export { scimMethodNotAllowed as PUT, scimMethodNotAllowed as PATCH, scimMethodNotAllowed as DELETE };
