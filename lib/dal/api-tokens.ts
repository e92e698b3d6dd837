import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { apiTokens, employees } from "@/db/schema";
import { recordAudit, recordDenied } from "./audit";
import { hasRole } from "./policy";
import { verifySession } from "./session";
import { mintApiToken, TOKEN_SCOPES } from "@/lib/auth/api-token-mint";

import type { TokenScope } from "./token-resolve";

export interface TokenSummary {
  id: number;
  name: string;
  scope: TokenScope;
  createdBy: string;
  createdAt: number;
  expiresAt: number;
  lastUsedAt: number | null;
  revokedAt: number | null;
}

async function requireAdmin(action: string): Promise<number | null> {
  const viewer = await verifySession();
  // Only in person: a token never mints or revokes tokens.
  if (hasRole(viewer, "admin") && viewer.via === "session") return viewer.id;
  recordDenied(viewer.id, "api_token", action, "admin only");
  return null;
}

export async function listApiTokens(): Promise<TokenSummary[] | null> {
  if ((await requireAdmin("list")) === null) return null;
  return getDb()
    .select({
      id: apiTokens.id,
      name: apiTokens.name,
      scope: apiTokens.scope,
      createdBy: employees.name,
      createdAt: apiTokens.createdAt,
      expiresAt: apiTokens.expiresAt,
      lastUsedAt: apiTokens.lastUsedAt,
      revokedAt: apiTokens.revokedAt,
    })
    .from(apiTokens)
    .innerJoin(employees, eq(employees.id, apiTokens.createdBy))
    .orderBy(desc(apiTokens.createdAt))
    .all();
}

const createSchema = z.object({
  name: z.string().trim().min(1, "Name the token after what will use it.").max(100),
  scope: z.enum(TOKEN_SCOPES),
  expiresInDays: z.coerce.number().int().min(1, "At least 1 day.").max(365, "At most 365 days."),
});

export type CreateTokenResult =
  | { ok: true; token: string; name: string }
  | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** Creates a token; the plain token is returned once and only its hash is stored. */
export async function createApiToken(raw: unknown): Promise<CreateTokenResult> {
  const adminId = await requireAdmin("create");
  if (adminId === null) return { ok: false, message: "Only admins can create API tokens." };
  const parsed = createSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  const { token } = writeTx((db) => mintApiToken(db, { ...parsed.data, createdBy: adminId, via: "admin page" }));
  return { ok: true, token, name: parsed.data.name };
}

export async function revokeApiToken(raw: unknown): Promise<{ ok: boolean; message: string }> {
  const adminId = await requireAdmin("revoke");
  if (adminId === null) return { ok: false, message: "Only admins can revoke API tokens." };
  const parsed = z.object({ id: z.coerce.number().int().positive() }).safeParse(raw);
  if (!parsed.success) return { ok: false, message: "Unknown token." };
  return writeTx((db) => {
    const res = db.update(apiTokens).set({ revokedAt: Date.now() }).where(and(eq(apiTokens.id, parsed.data.id), isNull(apiTokens.revokedAt))).run();
    if (res.changes === 0) return { ok: false, message: "That token is already revoked or does not exist." };
    recordAudit({ actorId: adminId, action: "api_token.revoke", targetType: "api_token", targetId: parsed.data.id });
    return { ok: true, message: "Token revoked. It stops working immediately." };
  });
}
