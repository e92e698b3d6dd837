import type { NextRequest } from "next/server";
import { json } from "@/lib/api/respond";
import { getViewer } from "@/lib/dal/session";
import { parseSourceOption, runCsatImport } from "@/lib/dal/csat-import";

/**
 * The import page's upload: the raw file is the request body, streamed straight into the importer,
 * so a large export never sits in memory. One file per request; the page sends them in turn.
 */
export async function POST(request: NextRequest) {
  if (!(await getViewer())) return json({ error: "unauthorized" }, 401);
  const source = parseSourceOption(request.nextUrl.searchParams.get("source"));
  if (!source) return json({ error: "bad_request", message: "Unknown source." }, 400);
  const name = decodeURIComponent(request.headers.get("x-file-name") ?? "upload").slice(0, 200) || "upload";
  if (!request.body) return json({ error: "bad_request", message: "The file is empty." }, 400);
  const result = await runCsatImport({ name, stream: request.body as unknown as AsyncIterable<Uint8Array> }, source, "upload");
  return result.ok
    ? json(result.report)
    : json({ error: result.status === 404 ? "not_found" : "bad_request", message: result.message }, result.status);
}
