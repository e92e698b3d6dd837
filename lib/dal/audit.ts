import "server-only";
import { writeTx } from "@/db/client";
import { auditLog } from "@/db/schema";
import { logger } from "@/lib/observability/log";
import { currentRequestId } from "@/lib/observability/request-context";

export type AuditOutcome = "ok" | "denied" | "failed";

export interface AuditEntry {
  actorId: number | null;
  action: string;
  outcome?: AuditOutcome;
  targetType?: string;
  targetId?: string | number;
  detail?: Record<string, unknown>;
}

/** Appends to the audit log. Internal: callers are data-access functions that already decided. */
export async function recordAudit(entry: AuditEntry): Promise<void> {
  const requestId = currentRequestId();
  const outcome = entry.outcome ?? "ok";
  // Denials and failures also go to the log, where operators watch; the log line and the row share the request id.
  if (outcome !== "ok")
    logger.warn(
      { audit: entry.action, outcome, actorId: entry.actorId, targetType: entry.targetType, targetId: entry.targetId, requestId },
      "audit",
    );
  // A write transaction of its own, or part of the caller's: on SQLite the process shares one
  // connection, and a bare insert would otherwise land inside another request's open transaction.
  await writeTx((db) =>
    db.insert(auditLog).values({
      at: Date.now(),
      actorId: entry.actorId,
      action: entry.action,
      outcome,
      requestId,
      targetType: entry.targetType ?? null,
      targetId: entry.targetId === undefined ? null : String(entry.targetId),
      detail: entry.detail ?? null,
    }),
  );
}

export async function recordDenied(actorId: number | null, targetType: string, targetId: string | number, why: string): Promise<void> {
  await recordAudit({ actorId, action: "access.denied", outcome: "denied", targetType, targetId, detail: { why } });
}
