import { NextResponse } from "next/server";
import { getViewer, type Viewer } from "@/lib/dal/session";

const NO_STORE = { "Cache-Control": "no-store" };

export function json(body: unknown, status = 200): NextResponse {
  return NextResponse.json(body, { status, headers: NO_STORE });
}

export function notFound(): NextResponse {
  return json({ error: "not_found" }, 404);
}

export function badRequest(message: string): NextResponse {
  return json({ error: "bad_request", message }, 400);
}

/** Runs an API handler for a signed-in viewer; 401 without credentials. */
export async function withViewer(handler: (viewer: Viewer) => Promise<NextResponse>): Promise<NextResponse> {
  const viewer = await getViewer();
  if (!viewer) return json({ error: "unauthorized" }, 401);
  try {
    return await handler(viewer);
  } catch (error) {
    console.error("API handler failed", { viewer: viewer.id, error });
    return json({ error: "internal_error" }, 500);
  }
}
