import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { employees } from "@/db/schema";
import { recordAudit } from "./audit";

/** Why a single sign-on was refused; the refusal page explains each. */
export type SsoRefusal = "unknown" | "inactive" | "unverified" | "linked_elsewhere" | "malformed";

export type SsoMatch = { ok: true; employeeId: number } | { ok: false; reason: SsoRefusal };

const claimsSchema = z.object({
  sub: z.string().min(1).max(255),
  email: z.string().trim().toLowerCase().email().max(320).optional().catch(undefined),
  // Some providers send the JSON boolean as a string.
  email_verified: z
    .union([z.boolean(), z.enum(["true", "false"]).transform((v) => v === "true")])
    .optional()
    .catch(undefined),
});

/**
 * Matches a signed-in OpenID Connect identity to an existing, active employee, never creating one
 * (docs/decisions/0019-sso-identity-matching.md):
 * 1. the employee already linked to this `sub`, so an email changed at the provider still finds
 *    the same person;
 * 2. otherwise the employee whose email equals the provider's *verified* email, ignoring case; the
 *    `sub` is then stored on them. An employee already linked to a different `sub` is refused:
 *    another account at the provider now carries their address.
 * Every outcome is audited.
 */
export async function matchOidcSignIn(raw: unknown): Promise<SsoMatch> {
  const parsed = claimsSchema.safeParse(raw);
  if (!parsed.success) {
    await recordAudit({ actorId: null, action: "auth.sign_in", outcome: "failed", detail: { method: "oidc", reason: "malformed" } });
    return { ok: false, reason: "malformed" };
  }
  const { sub, email, email_verified: verified } = parsed.data;
  return writeTx(async (db) => {
    const refuse = async (reason: SsoRefusal, actorId: number | null = null): Promise<SsoMatch> => {
      await recordAudit({
        actorId,
        action: "auth.sign_in",
        outcome: "denied",
        targetType: "account",
        targetId: email ?? sub,
        detail: { method: "oidc", reason, sub },
      });
      return { ok: false, reason };
    };
    const pick = { id: employees.id, email: employees.email, active: employees.active, oidcSubject: employees.oidcSubject };
    let person = (await db.select(pick).from(employees).where(eq(employees.oidcSubject, sub)))[0];
    if (!person) {
      if (!email) return refuse("unknown");
      if (verified !== true) return refuse("unverified");
      // Emails are stored lower-cased by every write path (org import, SCIM), so this uses the unique index.
      person = (await db.select(pick).from(employees).where(eq(employees.email, email)))[0];
      if (!person) return refuse("unknown");
      if (person.oidcSubject !== null) return refuse("linked_elsewhere", person.id);
    }
    if (!person.active) return refuse("inactive", person.id);
    if (person.oidcSubject === null) {
      await db
        .update(employees)
        .set({ oidcSubject: sub })
        .where(and(eq(employees.id, person.id), sql`${employees.oidcSubject} is null`));
    }
    await recordAudit({
      actorId: person.id,
      action: "auth.sign_in",
      targetType: "account",
      targetId: person.email,
      detail: { method: "oidc", sub },
    });
    return { ok: true, employeeId: person.id };
  });
}

/** The active employee linked to this OIDC `sub` (after matchOidcSignIn linked them), for the session. */
export async function employeeForSubject(sub: unknown): Promise<number | null> {
  if (typeof sub !== "string" || sub === "") return null;
  const row = (
    await getDb()
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.oidcSubject, sub), eq(employees.active, true)))
  )[0];
  return row?.id ?? null;
}
