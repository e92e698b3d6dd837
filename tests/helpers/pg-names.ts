/** Names shared by the PostgreSQL test run's global setup and the per-test databases. */
export const PG_TEMPLATE_DATABASE = "keeper_template";

/** The same server and credentials as `url`, another database. */
export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
