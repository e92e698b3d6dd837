/** API token scopes: `read` (GET /api/v1), `import` (CSAT upload), `scim` (/scim/v2 provisioning). */
export const TOKEN_SCOPES = ["read", "import", "scim"] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];
