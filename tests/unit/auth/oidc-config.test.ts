import { describe, expect, it } from "vitest";
import { oidcProvider, oidcSettings, ssoOnly } from "@/lib/auth/oidc-config";

const base = { AUTH_OIDC_CLIENT_ID: "keeper", AUTH_OIDC_CLIENT_SECRET: "s3cret" };

describe("single sign-on settings", () => {
  it("are off without an issuer, and need the client id and secret with one", () => {
    expect(oidcSettings({})).toEqual({ enabled: false });
    expect(oidcSettings({ AUTH_OIDC_ISSUER: "https://idp.example.test" })).toMatchObject({
      enabled: false,
      problem: expect.stringContaining("AUTH_OIDC_CLIENT_ID"),
    });
  });

  it("require https, allowing plain http only on the loopback interface", () => {
    expect(oidcSettings({ ...base, AUTH_OIDC_ISSUER: "https://login.acme.test/realms/acme" })).toMatchObject({
      enabled: true,
      name: "single sign-on",
    });
    for (const issuer of ["http://127.0.0.1:3350", "http://localhost:8080/realms/x", "http://[::1]:9000"]) {
      expect(oidcSettings({ ...base, AUTH_OIDC_ISSUER: issuer }).enabled, issuer).toBe(true);
    }
    for (const issuer of ["http://idp.acme.test", "http://10.0.0.5", "ftp://idp", "not a url", "http://127.0.0.1.evil.test"]) {
      expect(oidcSettings({ ...base, AUTH_OIDC_ISSUER: issuer }), issuer).toMatchObject({ enabled: false, problem: expect.any(String) });
    }
  });

  it("make an Auth.js provider with id oidc, PKCE, state and nonce", () => {
    const settings = oidcSettings({ ...base, AUTH_OIDC_ISSUER: "https://idp.example.test", AUTH_OIDC_NAME: "Okta" });
    if (!settings.enabled) throw new Error("expected enabled");
    expect(oidcProvider(settings)).toMatchObject({
      id: "oidc",
      type: "oidc",
      name: "Okta",
      issuer: "https://idp.example.test",
      checks: ["pkce", "state", "nonce"],
    });
  });

  it("KEEPER_SSO_ONLY is on only for true", () => {
    expect(ssoOnly({ KEEPER_SSO_ONLY: "true" })).toBe(true);
    expect(ssoOnly({ KEEPER_SSO_ONLY: "TRUE" })).toBe(true);
    expect(ssoOnly({ KEEPER_SSO_ONLY: "1" })).toBe(false);
    expect(ssoOnly({})).toBe(false);
  });
});
