import type { NextRequest } from "next/server";
import { scimJson, scimMethodNotAllowed, withScimClient } from "@/lib/api/scim-respond";
import { serviceProviderConfig } from "@/lib/scim/discovery";

export function GET(request: NextRequest) {
  return withScimClient(request, (_client, base) => scimJson(serviceProviderConfig(base)));
}

export { scimMethodNotAllowed as POST, scimMethodNotAllowed as PUT, scimMethodNotAllowed as PATCH, scimMethodNotAllowed as DELETE };
