// Types for tests/e2e/database-url.mjs (plain JavaScript, so serve.mjs can use it without a build).
export declare const SQLITE_E2E_URL: string;
export declare function isPostgresUrl(url: string | undefined): boolean;
export declare function e2eDatabaseUrl(env?: Record<string, string | undefined>): string;
export declare function sqlitePath(url: string): string;
