import "server-only";
import { and, desc, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { csatImports, employees } from "@/db/schema";
import { agentCsatTrend, recentComments, type CsatComment } from "@/lib/csat/queries";
import { organisationCsatFigures } from "./organisation-csat";
import type { CsatFigure } from "@/lib/domain/csat";
import { lastQuarters, QUARTER_KEY } from "@/lib/domain/quarter";
import { recordDenied } from "./audit";
import { csatVisibleSql, requireRole } from "./policy";
import { verifySession, type Viewer } from "./session";

export interface EmployeeCsat {
  employee: { id: number; name: string; email: string };
  quarter: string;
  figure: CsatFigure;
  organisation: CsatFigure;
  trend: (CsatFigure & { quarter: string; organisation: number | null })[];
  comments: CsatComment[];
}

/** The employee when the viewer may see their CSAT: themselves, anyone above them, HR. */
async function visibleEmployee(viewer: Viewer, employeeId: number) {
  return (
    await getDb()
      .select({ id: employees.id, name: employees.name, email: employees.email })
      .from(employees)
      .where(and(eq(employees.id, employeeId), csatVisibleSql(viewer)))
  )[0];
}

/**
 * One employee's CSAT for a quarter with its interval, the organisation's figure, the last four
 * quarters and recent customer comments. Null (and audited) when the viewer may not see it.
 */
export async function getEmployeeCsat(
  employeeId: number,
  quarter: string,
  options: { sentiment?: "positive" | "negative"; search?: string; commentLimit?: number } = {},
): Promise<EmployeeCsat | null> {
  const viewer = await verifySession();
  if (!QUARTER_KEY.test(quarter)) return null;
  const employee = await visibleEmployee(viewer, employeeId);
  if (!employee) {
    await recordDenied(viewer.id, "csat", employeeId, "not visible to viewer");
    return null;
  }
  const quarters = lastQuarters(quarter, 4);
  const organisation = await organisationCsatFigures(quarters);
  const trend = (await agentCsatTrend(employeeId, quarters)).map((t) => ({ ...t, organisation: organisation.get(t.quarter)!.csat }));
  return {
    employee,
    quarter,
    figure: trend[trend.length - 1],
    organisation: organisation.get(quarter)!,
    trend,
    comments: await recentComments(employeeId, {
      quarter,
      sentiment: options.sentiment,
      search: options.search,
      limit: options.commentLimit ?? 8,
    }),
  };
}

export interface ImportSummary {
  id: number;
  createdAt: number;
  actor: string | null;
  via: "cli" | "upload" | "api" | "sync";
  fileName: string;
  source: string;
  rowsRead: number;
  imported: number;
  updated: number;
  unchanged: number;
  notResponses: number;
  rejected: number;
}

const IMPORT_COLUMNS = {
  id: csatImports.id,
  createdAt: csatImports.createdAt,
  actor: employees.name,
  via: csatImports.via,
  fileName: csatImports.fileName,
  source: csatImports.source,
  rowsRead: csatImports.rowsRead,
  imported: csatImports.imported,
  updated: csatImports.updated,
  unchanged: csatImports.unchanged,
  notResponses: csatImports.notResponses,
  rejected: csatImports.rejected,
};

const requireHrViewer = (what: string) => requireRole("hr", { type: "csat_import", id: what });

/** Every import, newest first (HR). */
export async function listImports(limit = 200): Promise<ImportSummary[] | null> {
  if (!(await requireHrViewer("history"))) return null;
  return await getDb()
    .select(IMPORT_COLUMNS)
    .from(csatImports)
    .leftJoin(employees, eq(employees.id, csatImports.actorId))
    .orderBy(desc(csatImports.id))
    .limit(limit);
}

/** One import with its full report (HR). */
export async function getImport(id: number): Promise<(ImportSummary & { report: Record<string, unknown> | null }) | null> {
  if (!(await requireHrViewer(String(id)))) return null;
  const row = (
    await getDb()
      .select({ ...IMPORT_COLUMNS, report: csatImports.report })
      .from(csatImports)
      .leftJoin(employees, eq(employees.id, csatImports.actorId))
      .where(eq(csatImports.id, id))
  )[0];
  return row ?? null;
}
