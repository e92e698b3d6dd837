import "server-only";
import { and, eq, gt, inArray, isNull } from "drizzle-orm";
import { getDb } from "@/db/client";
import { apiTokens } from "@/db/schema";
import { hashToken, type TokenScope } from "@/lib/auth/api-token-mint";

export { hashToken, TOKEN_SCOPES, type TokenScope } from "@/lib/auth/api-token-mint";

export interface ResolvedToken {
  id: number;
  employeeId: number;
  scope: TokenScope;
}

/**
 * The live token's creator and scope, updating last-used; null for unknown, expired or revoked
 * tokens and for tokens whose scope is not one of `scopes` (a SCIM token never opens /api/v1,
 * nor a read token /scim), so a token used in the wrong place does not even count as used.
 */
export async function resolveToken(token: string, scopes: readonly TokenScope[], now = Date.now()): Promise<ResolvedToken | null> {
  const db = getDb();
  const row = (
    await db
      .select({ id: apiTokens.id, employeeId: apiTokens.createdBy, scope: apiTokens.scope })
      .from(apiTokens)
      .where(
        and(
          eq(apiTokens.tokenHash, hashToken(token)),
          isNull(apiTokens.revokedAt),
          gt(apiTokens.expiresAt, now),
          inArray(apiTokens.scope, [...scopes]),
        ),
      )
  )[0];
  if (!row) return null;
  await db.update(apiTokens).set({ lastUsedAt: now }).where(eq(apiTokens.id, row.id));
  return row;
}
