import "server-only";
import { createHash } from "node:crypto";
import { and, eq, gt, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";

export type TokenScope = "read" | "import";

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/** The live token's creator and scope, updating last-used; null for unknown, expired or revoked. */
export function resolveToken(token: string, now = Date.now()): { employeeId: number; scope: TokenScope } | null {
  const db = getDb();
  const row = db
    .select({ id: apiTokens.id, employeeId: apiTokens.createdBy, scope: apiTokens.scope })
    .from(apiTokens)
    .where(and(eq(apiTokens.tokenHash, hashToken(token)), isNull(apiTokens.revokedAt), gt(apiTokens.expiresAt, now)))
    .get();
  if (!row) return null;
  db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id)).run();
  return { employeeId: row.employeeId, scope: row.scope };
}
