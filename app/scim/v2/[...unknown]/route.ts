import type { NextRequest } from "next/server";
import { scimError, withScimClient } from "@/lib/api/scim-respond";

/** Anything else under /scim/v2 (Groups, Bulk, /Me, …): a SCIM 404, not the app's HTML page. */
function notImplemented(request: NextRequest) {
  return withScimClient(request, () =>
    scimError(404, `Keeper does not implement ${new URL(request.url).pathname}; it provisions Users only.`),
  );
}

export { notImplemented as GET, notImplemented as POST, notImplemented as PUT, notImplemented as PATCH, notImplemented as DELETE };
