import "server-only";
import { and, desc, eq, isNull } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { affected } from "@/db/raw";
import { apiTokens, employees } from "@/db/schema";
import { recordAudit, recordDenied } from "./audit";
import { tokenScopesFor } from "./policy";
import { verifySession, type Viewer } from "./session";
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

/**
 * HR and admins manage tokens, only in person (a token never mints or revokes tokens). Admins
 * see and revoke every token; HR their own (the rule is in each query).
 */
async function requireTokenManager(action: string): Promise<Viewer | null> {
  const viewer = await verifySession();
  if (tokenScopesFor(viewer).length > 0 && viewer.via === "session") return viewer;
  await recordDenied(viewer.id, "api_token", action, "hr or admin only");
  return null;
}

/** Which tokens the viewer manages: every token for an admin, their own for HR. */
function managedBy(viewer: Viewer) {
  return viewer.isAdmin ? undefined : eq(apiTokens.createdBy, viewer.id);
}

export async function listApiTokens(): Promise<{ tokens: TokenSummary[]; scopes: readonly TokenScope[] } | null> {
  const viewer = await requireTokenManager("list");
  if (!viewer) return null;
  const tokens = await getDb()
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
    .where(managedBy(viewer))
    .orderBy(desc(apiTokens.createdAt));
  return { tokens, scopes: tokenScopesFor(viewer) };
}

const createSchema = z.object({
  name: z.string().trim().min(1, "Name the token after what will use it.").max(100),
  scope: z.enum(TOKEN_SCOPES),
  expiresInDays: z.coerce.number().int().min(1, "At least 1 day.").max(365, "At most 365 days."),
});

export type CreateTokenResult =
  { ok: true; token: string; name: string } | { ok: false; message: string; fieldErrors?: Record<string, string> };

/** Creates a token; the plain token is returned once and only its hash is stored. */
export async function createApiToken(raw: unknown): Promise<CreateTokenResult> {
  const viewer = await requireTokenManager("create");
  if (!viewer) return { ok: false, message: "Only HR and admins can create API tokens." };
  const parsed = createSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  if (!tokenScopesFor(viewer).includes(parsed.data.scope)) {
    await recordDenied(viewer.id, "api_token", "create", `scope ${parsed.data.scope}`);
    return { ok: false, message: "Check the highlighted fields.", fieldErrors: { scope: "Only admins create scim tokens." } };
  }
  const { token } = await writeTx(async (db) => mintApiToken(db, { ...parsed.data, createdBy: viewer.id, via: "admin page" }));
  return { ok: true, token, name: parsed.data.name };
}

export async function revokeApiToken(raw: unknown): Promise<{ ok: boolean; message: string }> {
  const viewer = await requireTokenManager("revoke");
  if (!viewer) return { ok: false, message: "Only HR and admins can revoke API tokens." };
  const parsed = z.object({ id: z.coerce.number().int().positive() }).safeParse(raw);
  if (!parsed.success) return { ok: false, message: "Unknown token." };
  return writeTx(async (db) => {
    const res = await db
      .update(apiTokens)
      .set({ revokedAt: Date.now() })
      .where(and(eq(apiTokens.id, parsed.data.id), isNull(apiTokens.revokedAt), managedBy(viewer)));
    if (affected(res) === 0) return { ok: false, message: "That token is already revoked or does not exist." };
    await recordAudit({ actorId: viewer.id, action: "api_token.revoke", targetType: "api_token", targetId: parsed.data.id });
    return { ok: true, message: "Token revoked. It stops working immediately." };
  });
}
