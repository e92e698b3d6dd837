import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { employees } from "@/db/schema";
import { ssoOnly } from "@/lib/auth/oidc-config";
import { verifyPassword } from "@/lib/auth/password";
import { clientAddressFrom } from "@/lib/domain/throttle";
import { recordAudit } from "./audit";
import { recordSignInAttempt, signInBlockedUntil } from "./sign-in-throttle";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

export type CredentialsResult = { ok: true; user: SignedInUser } | { ok: false; blockedUntil: number | null; ssoOnly?: boolean };

/**
 * Checks an email and password; audits every attempt and throttles guessing. A failure never says
 * why, except that the account or address is temporarily blocked.
 */
export async function checkCredentials(input: unknown, clientAddress: string | null): Promise<CredentialsResult> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) {
    await recordAudit({ actorId: null, action: "auth.sign_in", outcome: "failed", detail: { reason: "malformed", ip: clientAddress } });
    return { ok: false, blockedUntil: null };
  }
  const { email, password } = parsed.data;
  const blocked = await signInBlockedUntil(email, clientAddress);
  if (blocked !== null) {
    await recordSignInAttempt(email, clientAddress, false);
    await recordAudit({
      actorId: null,
      action: "auth.sign_in",
      outcome: "denied",
      targetType: "account",
      targetId: email,
      detail: { reason: "throttled", ip: clientAddress },
    });
    return { ok: false, blockedUntil: blocked };
  }
  const user = (
    await getDb()
      .select({
        id: employees.id,
        email: employees.email,
        name: employees.name,
        role: employees.role,
        active: employees.active,
        passwordHash: employees.passwordHash,
      })
      .from(employees)
      .where(eq(employees.email, email))
  )[0];
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || !user.active) {
    await recordAudit({
      actorId: user?.id ?? null,
      action: "auth.sign_in",
      outcome: "failed",
      targetType: "account",
      targetId: email,
      detail: { reason: !user ? "unknown_account" : !ok ? "wrong_password" : "inactive", ip: clientAddress },
    });
    await recordSignInAttempt(email, clientAddress, false);
    return { ok: false, blockedUntil: null };
  }
  // Checked after the password, so the answer reveals nothing to someone who does not know it.
  if (ssoOnly() && user.role !== "admin") {
    await recordAudit({
      actorId: user.id,
      action: "auth.sign_in",
      outcome: "denied",
      targetType: "account",
      targetId: email,
      detail: { reason: "sso_only", ip: clientAddress },
    });
    return { ok: false, blockedUntil: null, ssoOnly: true };
  }
  await recordSignInAttempt(email, clientAddress, true);
  await recordAudit({ actorId: user.id, action: "auth.sign_in", targetType: "account", targetId: email, detail: { ip: clientAddress } });
  return { ok: true, user: { id: String(user.id), email: user.email, name: user.name } };
}

/** For the sign-in endpoint: the refusal to send when this account or address is throttled. */
export async function signInRefusal(email: string, headers: Headers): Promise<{ message: string; retryAfterSeconds: number } | null> {
  const ip = clientAddressFrom(headers);
  const until = await signInBlockedUntil(email.trim().toLowerCase(), ip);
  if (until === null) return null;
  await recordSignInAttempt(email, ip, false);
  await recordAudit({
    actorId: null,
    action: "auth.sign_in",
    outcome: "denied",
    targetType: "account",
    targetId: email,
    detail: { reason: "throttled", ip },
  });
  return {
    message: "Too many failed sign-in attempts. Sign-in is paused for 15 minutes.",
    retryAfterSeconds: Math.max(1, Math.ceil((until - Date.now()) / 1000)),
  };
}
