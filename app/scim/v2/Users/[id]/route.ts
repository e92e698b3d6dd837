import type { NextRequest } from "next/server";
import { scimBody, scimError, scimMethodNotAllowed, scimOutcome, withScimClient } from "@/lib/api/scim-respond";
import { deleteScimUser, getScimUser, patchScimUser, replaceScimUser } from "@/lib/dal/scim-users";

type Params = { params: Promise<{ id: string }> };

export function GET(request: NextRequest, { params }: Params) {
  return withScimClient(request, async (_client, base) => scimOutcome(await getScimUser(base, (await params).id)));
}

export function PUT(request: NextRequest, { params }: Params) {
  return withScimClient(request, async (client, base) => {
    const body = await scimBody(request);
    if (body === undefined) return scimError(400, "The body must be JSON.", "invalidSyntax");
    return scimOutcome(await replaceScimUser(client, base, (await params).id, body));
  });
}

export function PATCH(request: NextRequest, { params }: Params) {
  return withScimClient(request, async (client, base) => {
    const body = await scimBody(request);
    if (body === undefined) return scimError(400, "The body must be JSON.", "invalidSyntax");
    return scimOutcome(await patchScimUser(client, base, (await params).id, body));
  });
}

/** Deactivates: people are never deleted, their reviews and CSAT stay. */
export function DELETE(request: NextRequest, { params }: Params) {
  return withScimClient(request, async (client, base) => scimOutcome(await deleteScimUser(client, base, (await params).id)));
}

export { scimMethodNotAllowed as POST };
