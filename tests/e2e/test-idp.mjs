// A real OpenID provider (the `oidc-provider` package) for the single sign-on tests, on loopback.
// Its sign-in page is oidc-provider's development form: any password, and the login name picks
// one of the accounts below.
import Provider from "oidc-provider";

/** The provider's port for an app on `appPort`: E2E_IDP_PORT, else 50 above the app's. */
export function testIdpPort(appPort) {
  return Number(process.env.E2E_IDP_PORT) || appPort + 50;
}

export const TEST_IDP_CLIENT = { id: "keeper-e2e", secret: "keeper-e2e-client-secret-0123456789", name: "Test IdP" };

/**
 * Login name → the identity the provider asserts. oidc-provider makes the login name the `sub`
 * (the account id), as a real provider's immutable user id.
 */
export const TEST_IDP_ACCOUNTS = {
  // Upper case on purpose: Keeper matches verified emails ignoring case.
  ava: { email: "Ava@demo.keeper.test", email_verified: true, name: "Ava Thompson" },
  stranger: { email: "stranger@elsewhere.test", email_verified: true, name: "A Stranger" },
  liam: { email: "liam@demo.keeper.test", email_verified: true, name: "Liam Walker" },
  // Signed correctly, but its ID token expired ten minutes before it was issued.
  "noah-expired": { email: "noah@demo.keeper.test", email_verified: true, name: "Noah Park", expiredIdToken: true },
};

/**
 * Starts the provider on 127.0.0.1:`port` for a client whose redirect URI is `redirectUri`.
 * Returns its issuer URL and a `close()`.
 */
export async function startTestIdp({ port, redirectUri }) {
  const issuer = `http://127.0.0.1:${port}`;
  const accounts = new Map(Object.entries(TEST_IDP_ACCOUNTS).map(([id, a]) => [id, { ...a }]));
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: TEST_IDP_CLIENT.id,
        client_secret: TEST_IDP_CLIENT.secret,
        redirect_uris: [redirectUri],
        grant_types: ["authorization_code"],
        response_types: ["code"],
      },
    ],
    claims: { openid: ["sub"], email: ["email", "email_verified"], profile: ["name"] },
    // Put the requested claims in the ID token, as Okta and Keycloak do; Keeper reads only the ID token.
    conformIdTokenClaims: false,
    pkce: { required: () => true },
    cookies: { keys: ["keeper-test-idp-cookie-key-0123456789"] },
    features: { devInteractions: { enabled: true } },
    // Keeper is a first-party client here: consent is implied, as a company IdP configures it.
    async loadExistingGrant(ctx) {
      const grantId = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (grantId) return ctx.oidc.provider.Grant.find(grantId);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope("openid email profile");
      await grant.save();
      return grant;
    },
    async findAccount(_ctx, id) {
      const account = accounts.get(id);
      if (!account) return undefined;
      return {
        accountId: id,
        async claims() {
          const { email, email_verified, name } = account;
          return { sub: id, email, email_verified, name };
        },
      };
    },
  });

  // The expired-token account: its ID token's `exp` lies in the past (a provider with a wrong clock,
  // or a token replayed late). oidc-provider refuses a non-positive TTL, so this passes `expiresAt`.
  const expiredSubjects = new Set(
    Object.entries(TEST_IDP_ACCOUNTS)
      .filter(([, a]) => a.expiredIdToken)
      .map(([id]) => id),
  );
  const issue = provider.IdToken.prototype.issue;
  provider.IdToken.prototype.issue = function issueMaybeExpired(options = {}) {
    if (options.use === "idtoken" && expiredSubjects.has(this.available.sub)) {
      return issue.call(this, { ...options, expiresAt: Math.floor(Date.now() / 1000) - 600 });
    }
    return issue.call(this, options);
  };

  // oidc-provider hides why it refused a grant from the client; the test log shows it.
  for (const event of ["grant.error", "authorization.error", "server_error"]) {
    provider.on(event, (_ctx, err) => console.warn(`[test-idp] ${event}:`, err.error_description ?? err.message, err.error_detail ?? ""));
  }

  // What an IdP administrator does: POST /__test/change-email?login=ava&email=new@… changes an
  // account's email address (its `sub` stays), as IT renaming someone would.
  provider.use(async (ctx, next) => {
    if (ctx.path !== "/__test/change-email" || ctx.method !== "POST") return next();
    const account = accounts.get(ctx.query.login);
    if (!account || typeof ctx.query.email !== "string") ctx.throw(404);
    account.email = ctx.query.email;
    ctx.status = 204;
  });

  const server = provider.listen(port, "127.0.0.1");
  await new Promise((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  return { issuer, close: () => new Promise((resolve) => server.close(resolve)) };
}
