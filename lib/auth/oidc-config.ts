import type { OIDCConfig } from "next-auth/providers";

/** The OIDC claims Keeper reads from the ID token. */
export interface OidcClaims {
  sub: string;
  email?: string;
  email_verified?: boolean | string;
  name?: string;
}

export type OidcSettings =
  | { enabled: false }
  | { enabled: true; issuer: string; clientId: string; clientSecret: string; name: string }
  | { enabled: false; problem: string };

const LOOPBACK = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Single sign-on settings from the environment. Without AUTH_OIDC_ISSUER it is off; with it, the
 * client id and secret are required. The issuer must be https: the ID token's signing keys and
 * the tokens themselves come from it. Plain http is accepted only on the loopback interface, where
 * the traffic never leaves the machine (the tests' own provider); Auth.js itself would accept any
 * http issuer, so this is the check that keeps production on https.
 */
export function oidcSettings(env: Record<string, string | undefined> = process.env): OidcSettings {
  const issuer = env.AUTH_OIDC_ISSUER?.trim();
  if (!issuer) return { enabled: false };
  const clientId = env.AUTH_OIDC_CLIENT_ID?.trim();
  const clientSecret = env.AUTH_OIDC_CLIENT_SECRET?.trim();
  if (!clientId || !clientSecret)
    return { enabled: false, problem: "AUTH_OIDC_ISSUER is set, so AUTH_OIDC_CLIENT_ID and AUTH_OIDC_CLIENT_SECRET are required." };
  let url: URL;
  try {
    url = new URL(issuer);
  } catch {
    return { enabled: false, problem: `AUTH_OIDC_ISSUER is not a URL: ${issuer}` };
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOOPBACK.has(url.hostname))) {
    return { enabled: false, problem: `AUTH_OIDC_ISSUER must be an https URL (http only on localhost/127.0.0.1 for testing): ${issuer}` };
  }
  return { enabled: true, issuer, clientId, clientSecret, name: env.AUTH_OIDC_NAME?.trim() || "single sign-on" };
}

/** `KEEPER_SSO_ONLY=true`: password sign-in only for admins (break-glass). */
export function ssoOnly(env: Record<string, string | undefined> = process.env): boolean {
  return env.KEEPER_SSO_ONLY?.trim().toLowerCase() === "true";
}

/**
 * The Auth.js provider: authorization code flow with PKCE, state and nonce, endpoints and keys
 * from the issuer's discovery document. Only the ID token's claims are used (no userinfo call),
 * so what matched the person is what the provider signed.
 */
export function oidcProvider(settings: Extract<OidcSettings, { enabled: true }>): OIDCConfig<OidcClaims> {
  return {
    id: "oidc",
    name: settings.name,
    type: "oidc",
    issuer: settings.issuer,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    checks: ["pkce", "state", "nonce"],
    authorization: { params: { scope: "openid email profile" } },
    profile(claims) {
      return { id: claims.sub, email: claims.email ?? null, name: claims.name ?? null };
    },
  };
}
