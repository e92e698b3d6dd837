// Types for the test OpenID provider (plain JavaScript, so serve.mjs can start it without a build).
export declare function testIdpPort(appPort: number): number;
export declare const TEST_IDP_CLIENT: { id: string; secret: string; name: string };
export declare const TEST_IDP_ACCOUNTS: Record<string, { email: string; email_verified: boolean; name: string; expiredIdToken?: boolean }>;
export declare function startTestIdp(options: {
  port: number;
  redirectUri: string;
}): Promise<{ issuer: string; close: () => Promise<void> }>;
