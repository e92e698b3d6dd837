import type { NextRequest } from "next/server";
import { scimJson, scimMethodNotAllowed, withScimClient } from "@/lib/api/scim-respond";
import { listResponse, schemas } from "@/lib/scim/discovery";

export function GET(request: NextRequest) {
  return withScimClient(request, (_client, base) => {
    const all = schemas(base);
    return scimJson(listResponse(all, all.length, 1));
  });
}

export { scimMethodNotAllowed as POST, scimMethodNotAllowed as PUT, scimMethodNotAllowed as PATCH, scimMethodNotAllowed as DELETE };
