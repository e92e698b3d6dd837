import "server-only";
import { importCsat, type CsatImportReport } from "@/lib/importers/csat/run-import";
import { CSAT_SOURCES, type CsatSourceOption } from "@/lib/importers/csat/types";
import type { CsatInput } from "@/lib/importers/csat/input";
import { recordAudit, recordDenied } from "./audit";
import { hasRole } from "./policy";
import { verifySession } from "./session";

export type ImportResult = { ok: true; report: CsatImportReport } | { ok: false; status: 400 | 404; message: string };

export function parseSourceOption(value: string | null | undefined): CsatSourceOption | null {
  const v = (value ?? "auto").trim().toLowerCase();
  return v === "auto" || (CSAT_SOURCES as readonly string[]).includes(v) ? (v as CsatSourceOption) : null;
}

/**
 * Runs a CSAT import for HR (session) or an admin's `import`-scoped API token, and audits it.
 * Everyone else gets 404, as if the endpoint did not exist.
 */
export async function runCsatImport(input: CsatInput, source: CsatSourceOption, via: "upload" | "api"): Promise<ImportResult> {
  const viewer = await verifySession();
  const allowed = viewer.via === "token" ? viewer.tokenScope === "import" : hasRole(viewer, "hr");
  if (!allowed) {
    await recordDenied(viewer.id, "csat_import", input.name, via);
    return { ok: false, status: 404, message: "Not found." };
  }
  try {
    const report = await importCsat({ inputs: [input], source, via, actorId: viewer.id });
    await recordAudit({
      actorId: viewer.id,
      action: "csat.import",
      targetType: "csat_import",
      targetId: report.importId,
      detail: {
        via,
        file: input.name,
        rowsRead: report.rowsRead,
        imported: report.imported,
        updated: report.updated,
        rejected: report.rejectedCount,
      },
    });
    return { ok: true, report };
  } catch (error) {
    if (error instanceof TypeError || error instanceof RangeError) return { ok: false, status: 400, message: error.message };
    throw error;
  }
}
