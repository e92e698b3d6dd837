import { listConnectionViews, type ConnectionView } from "@/lib/connectors/store";

const when = (ms: number | null) => (ms === null ? "never" : new Date(ms).toISOString().replace("T", " ").slice(0, 16) + " UTC");

export function describeConnection(c: ConnectionView): string {
  const run = c.lastRun;
  const lines = [
    `${c.name} (${c.source}) ${c.baseUrl}${c.accountId ? ` account ${c.accountId}` : ""}`,
    `  credentials ${c.credentialHint}; every ${c.intervalMinutes} min; status ${c.running ? "syncing" : c.status}`,
    `  last sync ${when(c.lastSyncAt)}; last success ${when(c.lastSuccessAt)}; next run ${c.status === "needs_credentials" ? "after new credentials" : when(c.nextRunAt)}`,
  ];
  if (run)
    lines.push(
      `  last run: ${run.status}, ${run.pages} pages, ${run.records} records, ${run.imported ?? 0} new, ${run.updated ?? 0} updated, ${run.rejected ?? 0} rejected (import #${run.importId})`,
    );
  if (c.lastError) lines.push(`  error: ${c.lastError}`);
  return lines.join("\n");
}

/** `keeper connections [--json]`: every helpdesk connection, never its credentials. */
export async function run(args: string[]): Promise<number> {
  const views = await listConnectionViews();
  if (args.includes("--json")) {
    console.log(JSON.stringify(views, null, 2));
    return 0;
  }
  console.log(
    views.length === 0
      ? "No helpdesk connections. Add one with: keeper connect SOURCE --url URL --token T"
      : views.map(describeConnection).join("\n\n"),
  );
  return 0;
}
