import { NextResponse } from "next/server";
import { recordDenied } from "@/lib/dal/audit";
import { apiViewer } from "@/lib/dal/api-viewer";
import { runAsApiViewer, type Viewer } from "@/lib/dal/session";
import type { TokenScope } from "@/lib/dal/token-resolve";
import { logger } from "@/lib/observability/log";
import { currentRequestId, runWithRequestId } from "@/lib/observability/request-context";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

/**
 * A body that is already JSON (memoised by the data layer), sent as it is. Through a stream, not
 * as the bytes themselves: a Response copies a byte body on construction (the Fetch standard),
 * and for the 1.5 MB organisation report that copy and the garbage it leaves were half the CPU of
 * a request. The stream hands the shared bytes to the socket, which only reads them.
 */
export function jsonBytes(body: Uint8Array, status = 200): NextResponse {
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(body);
      controller.close();
    },
  });
  return new NextResponse(stream, { status, headers: { ...NO_STORE, "Content-Type": "application/json; charset=utf-8" } });
}

export function notFound(): NextResponse {
  return json({ error: "not_found" }, 404);
}

export function badRequest(message: string): NextResponse {
  return json({ error: "bad_request", message }, 400);
}

/**
 * Runs an API handler for the viewer of this request (session cookie or API token, resolved from
 * the request itself); 401 without credentials, 403 when a token's scope does not cover the route
 * (`read` for GET routes, `import` for CSAT imports). The data layer the handler calls sees the
 * same viewer.
 */
export async function withViewer(
  request: Request,
  handler: (viewer: Viewer) => Promise<NextResponse>,
  scope: Exclude<TokenScope, "scim"> = "read",
): Promise<NextResponse> {
  const viewer = await apiViewer(request);
  if (!viewer) return json({ error: "unauthorized" }, 401);
  if (viewer.via === "token" && viewer.tokenScope !== scope) {
    await recordDenied(viewer.id, "api", scope, `token scope ${viewer.tokenScope}`);
    return json({ error: "forbidden", message: `This token's scope is ${viewer.tokenScope}; the route needs ${scope}.` }, 403);
  }
  // The id proxy.ts gave this request: its log lines and audit entries carry it.
  return runWithRequestId(request.headers.get(REQUEST_ID_HEADER), async () => {
    try {
      return await runAsApiViewer(viewer, () => handler(viewer));
    } catch (error) {
      const requestId = currentRequestId();
      logger.error({ err: error, viewer: viewer.id, requestId }, "API handler failed");
      return json({ error: "internal_error", ...(requestId ? { requestId } : {}) }, 500);
    }
  });
}
