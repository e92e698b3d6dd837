import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import { renderToStaticMarkup } from "react-dom/server";
import { auditLog, employees } from "@/db/schema";
import { checkCredentials } from "@/lib/dal/credentials";
import { employeeForSubject, matchOidcSignIn } from "@/lib/dal/sso";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const ava = (claims: Record<string, unknown> = {}) => ({ sub: "idp-ava", email: "AVA@demo.keeper.test", email_verified: true, ...claims });
const lastSignIn = async () => (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "auth.sign_in"))).at(-1)!;

describe("matching a single sign-on identity to an employee", () => {
  it("matches the verified email ignoring case, stores the sub, and finds the person by sub after an email change", async () => {
    const id = idOf(ctx.db, "ava");
    expect(await matchOidcSignIn(ava())).toEqual({ ok: true, employeeId: id });
    expect((await ctx.db.select().from(employees).where(eq(employees.id, id)))[0]!.oidcSubject).toBe("idp-ava");
    expect(await lastSignIn()).toMatchObject({ actorId: id, outcome: "ok", detail: { method: "oidc", sub: "idp-ava" } });
    expect(await employeeForSubject("idp-ava")).toBe(id);
    // IT changed her address at the provider (and did not verify it yet): the sub decides.
    expect(await matchOidcSignIn(ava({ email: "ava.thompson@new.test", email_verified: false }))).toEqual({ ok: true, employeeId: id });
  });

  it("never creates anyone: an unknown identity is refused and audited", async () => {
    const before = (await ctx.db.select().from(employees)).length;
    expect(await matchOidcSignIn({ sub: "x1", email: "new.person@demo.keeper.test", email_verified: true })).toEqual({
      ok: false,
      reason: "unknown",
    });
    expect(await ctx.db.select().from(employees)).toHaveLength(before);
    expect(await lastSignIn()).toMatchObject({ outcome: "denied", targetId: "new.person@demo.keeper.test", detail: { reason: "unknown" } });
  });

  it("refuses an inactive employee, by email and by stored sub", async () => {
    expect((await matchOidcSignIn(ava())).ok).toBe(true);
    await ctx.db
      .update(employees)
      .set({ active: false })
      .where(eq(employees.id, idOf(ctx.db, "ava")));
    expect(await matchOidcSignIn(ava())).toEqual({ ok: false, reason: "inactive" });
    expect(await employeeForSubject("idp-ava")).toBeNull();
    await ctx.db
      .update(employees)
      .set({ active: false })
      .where(eq(employees.id, idOf(ctx.db, "liam")));
    expect(await matchOidcSignIn({ sub: "idp-liam", email: "liam@demo.keeper.test", email_verified: true })).toEqual({
      ok: false,
      reason: "inactive",
    });
    expect(await lastSignIn()).toMatchObject({ outcome: "denied", actorId: idOf(ctx.db, "liam"), detail: { reason: "inactive" } });
  });

  it("refuses an unverified email, and a second provider account claiming an already linked person", async () => {
    expect(await matchOidcSignIn(ava({ email_verified: false }))).toEqual({ ok: false, reason: "unverified" });
    expect(await matchOidcSignIn(ava({ email_verified: undefined }))).toEqual({ ok: false, reason: "unverified" });
    expect((await matchOidcSignIn(ava({ email_verified: "true" }))).ok).toBe(true);
    expect(await matchOidcSignIn(ava({ sub: "someone-else" }))).toEqual({ ok: false, reason: "linked_elsewhere" });
    expect(await matchOidcSignIn({ email: "ava@demo.keeper.test" })).toEqual({ ok: false, reason: "malformed" });
  });
});

describe("KEEPER_SSO_ONLY", () => {
  const password = "keeper-demo-pass";

  it("refuses the right password for everyone but admins, and audits it", async () => {
    vi.stubEnv("KEEPER_SSO_ONLY", "true");
    expect(await checkCredentials({ email: "mia@demo.keeper.test", password }, null)).toEqual({
      ok: false,
      blockedUntil: null,
      ssoOnly: true,
    });
    expect(await lastSignIn()).toMatchObject({ outcome: "denied", detail: { reason: "sso_only" } });
    expect((await checkCredentials({ email: "admin@demo.keeper.test", password }, null)).ok).toBe(true);
    // A wrong password says nothing about the setting.
    expect(await checkCredentials({ email: "mia@demo.keeper.test", password: "wrong" }, null)).toEqual({ ok: false, blockedUntil: null });
    vi.stubEnv("KEEPER_SSO_ONLY", "false");
    expect((await checkCredentials({ email: "mia@demo.keeper.test", password }, null)).ok).toBe(true);
  });

  it("is enforced by Auth.js's credentials sign-in itself, not only by the form", async () => {
    vi.stubEnv("AUTH_SECRET", "test-secret-0123456789abcdef0123456789abcdef");
    vi.stubEnv("KEEPER_SSO_ONLY", "true");
    const { handlers } = await import("@/auth");
    const signIn = async (email: string) => {
      const csrf = await handlers.GET(new NextRequest("http://localhost/api/auth/csrf"));
      const cookie = csrf.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; ");
      const { csrfToken } = await csrf.json();
      const res = await handlers.POST(
        new NextRequest("http://localhost/api/auth/callback/credentials", {
          method: "POST",
          headers: { cookie, "content-type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({ csrfToken, email, password }),
        }),
      );
      return {
        location: res.headers.get("location") ?? "",
        session: res.headers.getSetCookie().some((c) => c.startsWith("authjs.session-token=")),
      };
    };
    const agent = await signIn("ava@demo.keeper.test");
    expect(agent).toMatchObject({ session: false });
    expect(agent.location).toContain("code=sso_only");
    expect(await signIn("admin@demo.keeper.test")).toMatchObject({ session: true });
  });

  it("is stated on the login page, under the single sign-on button", async () => {
    vi.stubEnv("AUTH_OIDC_ISSUER", "https://idp.example.test/realms/acme");
    vi.stubEnv("AUTH_OIDC_CLIENT_ID", "keeper");
    vi.stubEnv("AUTH_OIDC_CLIENT_SECRET", "secret");
    vi.stubEnv("AUTH_OIDC_NAME", "Acme SSO");
    const { default: LoginPage } = await import("@/app/(auth)/login/page");
    const render = async () => renderToStaticMarkup(await LoginPage({ searchParams: Promise.resolve({}) }));
    let html = await render();
    expect(html.indexOf("Sign in with Acme SSO")).toBeGreaterThan(-1);
    expect(html.indexOf("Sign in with Acme SSO")).toBeLessThan(html.indexOf(">Sign in<"));
    expect(html).not.toContain("administrators only");
    vi.stubEnv("KEEPER_SSO_ONLY", "true");
    html = await render();
    expect(html).toContain("Password sign-in is for administrators only (break-glass access).");
  });
});
