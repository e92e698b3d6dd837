import type { NextRequest } from "next/server";
import { stringify } from "csv-stringify/sync";
import { z } from "zod";
import { badRequest, json, withViewer } from "@/lib/api/respond";
import { parseSourceOption, runCsatImport } from "@/lib/dal/csat-import";
import { detectJsonSource } from "@/lib/importers/csat/detect";

export const MAX_API_RECORDS = 10_000;
const GENERIC_COLUMNS = [
  "response_id",
  "agent_email",
  "rating",
  "scale_max",
  "responded_at",
  "channel",
  "comment",
  "ticket_id",
  "updated_at",
] as const;

const envelope = z.object({ source: z.string().optional(), records: z.array(z.unknown()) });

/**
 * POST /api/v1/csat/responses: up to 10,000 records, either a helpdesk export page exactly as the
 * tool's API returns it, or `{ "source"?: ..., "records": [...] }` with an export's records or the
 * generic fields (response_id, agent_email, rating, scale_max, responded_at, ...). Same rules and
 * the same report as a file import.
 */
export function POST(request: NextRequest) {
  return withViewer(
    request,
    async () => {
      let body: unknown;
      try {
        body = await request.json();
      } catch {
        return badRequest("The body must be JSON.");
      }
      const wrapped = envelope.safeParse(body);
      const source = parseSourceOption(wrapped.success ? wrapped.data.source : request.nextUrl.searchParams.get("source"));
      if (!source) return badRequest("Unknown source.");
      let text: string;
      let count: number;
      const records = wrapped.success ? wrapped.data.records : null;
      const generic =
        records !== null &&
        (source === "csv" ||
          (source === "auto" && records.length > 0 && records.every((r) => typeof r === "object" && r !== null && "agent_email" in r)));
      if (records && generic) {
        count = records.length;
        text = stringify(
          records.map((r) => GENERIC_COLUMNS.map((c) => (r as Record<string, unknown>)[c] ?? "")),
          { header: true, columns: [...GENERIC_COLUMNS] },
        );
      } else {
        const doc = records ?? body;
        count = Array.isArray(doc) ? doc.length : (detectJsonSource(doc)?.records(doc)?.length ?? 0);
        text = JSON.stringify(doc);
      }
      if (count > MAX_API_RECORDS)
        return json({ error: "too_large", message: `At most ${MAX_API_RECORDS} records per request; got ${count}.` }, 413);
      const result = await runCsatImport({ name: "api request", text }, generic ? "csv" : source, "api");
      return result.ok
        ? json(result.report, result.report.rejectedCount > 0 || result.report.fileErrors.length > 0 ? 422 : 200)
        : json({ error: result.status === 404 ? "not_found" : "bad_request", message: result.message }, result.status);
    },
    "import",
  );
}
