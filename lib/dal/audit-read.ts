import "server-only";
import { and, desc, eq, gte, like, lt, or, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { auditLog, employees } from "@/db/schema";
import { hasRole, requireRole } from "./policy";

export const AUDIT_PAGE_SIZE = 100;

/** Audit targets whose detail can carry review content (keeper answers, ratings). */
const REVIEW_CONTENT_TARGETS = new Set(["review"]);

export const auditFilterSchema = z.object({
  person: z.string().trim().max(200).optional().catch(undefined),
  action: z.string().trim().max(100).optional().catch(undefined),
  outcome: z.enum(["ok", "denied", "failed"]).optional().catch(undefined),
  from: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  to: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/)
    .optional()
    .catch(undefined),
  before: z.coerce.number().int().positive().optional().catch(undefined),
});
export type AuditFilter = z.infer<typeof auditFilterSchema>;

export interface AuditRow {
  id: number;
  at: number;
  actor: string | null;
  actorEmail: string | null;
  action: string;
  outcome: "ok" | "denied" | "failed";
  target: string | null;
  detail: Record<string, unknown> | null;
  /** The HTTP request that wrote it (x-request-id), to find in the server's log. */
  requestId: string | null;
}

/**
 * HR and admins read the audit log, newest first, filtered; null (and audited) for anyone else.
 * Admins investigate access (sign-ins, tokens, denials) but are not HR: the detail of an entry about
 * a review (a calibration's keeper answers before and after) is left out for them
 * (docs/decisions/0012-admins-are-not-hr.md).
 */
export async function readAuditLog(raw: unknown): Promise<{ rows: AuditRow[]; actions: string[]; nextBefore: number | null } | null> {
  const viewer = await requireRole(["hr", "admin"], { type: "page", id: "/hr/audit" });
  if (!viewer) return null;
  const f = auditFilterSchema.parse(raw ?? {});
  const where: SQL[] = [];
  if (f.person)
    where.push(
      or(
        // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
        like(sql`lower(${employees.email})`, `%${f.person.toLowerCase()}%`),
        like(sql`lower(${employees.name})`, `%${f.person.toLowerCase()}%`),
        like(sql`lower(${auditLog.targetId})`, `%${f.person.toLowerCase()}%`),
        eq(auditLog.requestId, f.person),
      )!,
    );
  if (f.action) where.push(eq(auditLog.action, f.action));
  if (f.outcome) where.push(eq(auditLog.outcome, f.outcome));
  if (f.from) where.push(gte(auditLog.at, Date.parse(`${f.from}T00:00:00Z`)));
  if (f.to) where.push(lt(auditLog.at, Date.parse(`${f.to}T00:00:00Z`) + 86_400_000));
  if (f.before) where.push(lt(auditLog.id, f.before));
  const db = getDb();
  const rows = await db
    .select({
      id: auditLog.id,
      at: auditLog.at,
      actor: employees.name,
      actorEmail: employees.email,
      action: auditLog.action,
      outcome: auditLog.outcome,
      target: sql<
        string | null
      >`case when ${auditLog.targetType} is null then null else ${auditLog.targetType} || ' ' || coalesce(${auditLog.targetId}, '') end`,
      detail: auditLog.detail,
      requestId: auditLog.requestId,
      targetType: auditLog.targetType,
    })
    .from(auditLog)
    .leftJoin(employees, eq(employees.id, auditLog.actorId))
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE + 1);
  const actions = (await db.selectDistinct({ action: auditLog.action }).from(auditLog).orderBy(auditLog.action)).map((r) => r.action);
  const more = rows.length > AUDIT_PAGE_SIZE;
  const page = rows
    .slice(0, AUDIT_PAGE_SIZE)
    .map(({ targetType, ...row }) =>
      !hasRole(viewer, "hr") && targetType !== null && REVIEW_CONTENT_TARGETS.has(targetType) ? { ...row, detail: null } : row,
    );
  return { rows: page, actions, nextBefore: more ? page[page.length - 1].id : null };
}
