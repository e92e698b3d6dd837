import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { oidcProvider, oidcSettings } from "@/lib/auth/oidc-config";
import { recordAudit } from "@/lib/dal/audit";
import { checkCredentials } from "@/lib/dal/credentials";
import { employeeForSubject, matchOidcSignIn } from "@/lib/dal/sso";
import { clientAddressFrom } from "@/lib/domain/throttle";
import { logger } from "@/lib/observability/log";

/** Thrown when an account or address has failed too often; the login form says so. */
export class SignInThrottled extends CredentialsSignin {
  code = "throttled";
}

/** Thrown for a right password when KEEPER_SSO_ONLY leaves password sign-in to admins. */
export class PasswordSignInOff extends CredentialsSignin {
  code = "sso_only";
}

export const SESSION_MAX_AGE_SECONDS = 8 * 60 * 60;

const oidc = oidcSettings();
// A half-configured or plain-http provider must not start quietly without single sign-on.
if ("problem" in oidc) throw new Error(`Single sign-on is misconfigured: ${oidc.problem}`);

/**
 * A single sign-on callback that failed verification: Auth.js's check errors by type, and
 * oauth4webapi's (state, nonce, ID token claims, the provider's error answers) by their OAUTH_
 * code; class names are minified in the production build.
 */
function refusedCallback(error: Error & { type?: string }): { name: string; message: string } | null {
  const cause = (error.cause as { err?: Error & { type?: string; code?: string } } | undefined)?.err;
  for (const e of [error, cause]) {
    if (!e) continue;
    const code = (e as { code?: unknown }).code;
    if (e.type === "InvalidCheck" || e.type === "OAuthCallbackError") return { name: e.type, message: e.message };
    if (typeof code === "string" && code.startsWith("OAUTH_")) return { name: code, message: e.message };
  }
  return null;
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  // Self-hosted behind whatever host the operator chooses; the secret, not the host, protects sessions.
  trustHost: true,
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/login", error: "/login/error" },
  logger: {
    // A wrong password or a refused single sign-on is an expected, audited outcome, not a server
    // error worth a stack trace; a callback that failed its checks (state, nonce, an expired or
    // forged ID token) is a warning with the reason.
    error(error) {
      const type = (error as { type?: string }).type ?? error.name;
      if (type === "CredentialsSignin" || type === "AccessDenied") return;
      const refused = refusedCallback(error);
      if (refused) {
        logger.warn({ reason: refused.name, message: refused.message }, "single sign-on refused");
        // Auth.js calls its logger without waiting; the audit write must not become an unhandled rejection.
        void recordAudit({
          actorId: null,
          action: "auth.sign_in",
          outcome: "failed",
          detail: { method: "oidc", reason: "callback_not_verified", error: refused.name, message: refused.message.slice(0, 300) },
        }).catch((err: unknown) => logger.error({ err }, "audit of a refused sign-in failed"));
        return;
      }
      logger.error({ err: error }, "auth error");
    },
  },
  providers: [
    ...(oidc.enabled ? [oidcProvider(oidc)] : []),
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      authorize: async (credentials, request) => {
        const result = await checkCredentials(credentials, request?.headers ? clientAddressFrom(request.headers) : null);
        if (result.ok) return result.user;
        if (result.blockedUntil !== null) throw new SignInThrottled();
        if (result.ssoOnly) throw new PasswordSignInOff();
        return null;
      },
    }),
  ],
  callbacks: {
    // Single sign-on only ever finds an existing, active employee; everyone else gets the refusal page.
    async signIn({ account, profile }) {
      if (account?.provider !== "oidc") return true;
      const match = await matchOidcSignIn(profile);
      return match.ok ? true : `/login/error?reason=${match.reason}`;
    },
    async jwt({ token, user, account, profile }) {
      if (account?.provider === "oidc") {
        // The session names the employee, not the provider's identity.
        const id = await employeeForSubject(profile?.sub);
        if (id === null) return null;
        token.sub = String(id);
      } else if (user?.id) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user.id = token.sub;
      return session;
    },
  },
});
