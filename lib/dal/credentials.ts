import "server-only";
import { eq } from "drizzle-orm";
import { z } from "zod";
import { getDb } from "@/db/client";
import { employees } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { recordAudit } from "./audit";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(320),
  password: z.string().min(1).max(1024),
});

export interface SignedInUser {
  id: string;
  email: string;
  name: string;
}

/** Checks an email and password; audits every attempt. Returns null for any failure, never why. */
export async function checkCredentials(input: unknown, clientAddress: string | null): Promise<SignedInUser | null> {
  const parsed = credentialsSchema.safeParse(input);
  if (!parsed.success) {
    recordAudit({ actorId: null, action: "auth.sign_in", outcome: "failed", detail: { reason: "malformed", ip: clientAddress } });
    return null;
  }
  const { email, password } = parsed.data;
  const user = getDb()
    .select({ id: employees.id, email: employees.email, name: employees.name, active: employees.active, passwordHash: employees.passwordHash })
    .from(employees)
    .where(eq(employees.email, email))
    .get();
  const ok = await verifyPassword(password, user?.passwordHash);
  if (!user || !ok || !user.active) {
    recordAudit({
      actorId: user?.id ?? null,
      action: "auth.sign_in",
      outcome: "failed",
      targetType: "account",
      targetId: email,
      detail: { reason: !user ? "unknown_account" : !ok ? "wrong_password" : "inactive", ip: clientAddress },
    });
    return null;
  }
  recordAudit({ actorId: user.id, action: "auth.sign_in", targetType: "account", targetId: email, detail: { ip: clientAddress } });
  return { id: String(user.id), email: user.email, name: user.name };
}
