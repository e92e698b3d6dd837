import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@/db/client";
import { apiTokens, auditLog } from "@/db/schema";
import { TOKEN_SCOPES, type TokenScope } from "@/lib/domain/token-scopes";

// Shared by the admin page (through the data layer) and `keeper token create`, which runs outside
// Next and so cannot load the server-only data layer.

export { TOKEN_SCOPES, type TokenScope };

export function hashToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

/**
 * Stores a new token's hash and audits it, inside the caller's write transaction; returns the
 * plain token, which is never stored and must be shown once.
 */
export async function mintApiToken(
  db: Db,
  input: { name: string; scope: TokenScope; expiresInDays: number; createdBy: number; via: "admin page" | "cli" },
  now = Date.now(),
): Promise<{ id: number; token: string }> {
  const token = `kpr_${randomBytes(32).toString("base64url")}`;
  const { name, scope, expiresInDays, createdBy, via } = input;
  const row = (
    await db
      .insert(apiTokens)
      .values({ name, scope, tokenHash: hashToken(token), createdBy, createdAt: now, expiresAt: now + expiresInDays * 86_400_000 })
      .returning({ id: apiTokens.id })
  )[0];
  await db.insert(auditLog).values({
    at: now,
    actorId: createdBy,
    action: "api_token.create",
    outcome: "ok",
    targetType: "api_token",
    targetId: String(row.id),
    detail: { name, scope, expiresInDays, via },
  });
  return { id: row.id, token };
}
