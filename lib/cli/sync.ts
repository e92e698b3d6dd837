import { parseArgs } from "node:util";
import { syncByName, syncDue } from "@/lib/connectors/sync-due";
import type { SyncOutcome } from "@/lib/connectors/sync";

const USAGE = `Usage: keeper sync [NAME] [--all] [--json]

Pulls new and changed CSAT from helpdesk connections: NAME, or every connection that is due
(run it from cron, e.g. every 5 minutes; --all ignores the schedule). Exit code 1 when any sync failed.`;

export function formatOutcome(o: SyncOutcome): string {
  if (o.status === "busy") return `${o.name}: skipped, another sync of it is running`;
  const counts = `${o.pages} pages, ${o.records} records: ${o.imported} new, ${o.updated} updated, ${o.unchanged} unchanged, ${o.rejected} rejected, ${o.unmatched} unmatched agents${o.importId ? ` (import #${o.importId})` : ""}`;
  if (o.status === "ok") return `${o.name}: ok, ${counts}`;
  return `${o.name}: ${o.status === "needs_credentials" ? "NEEDS NEW CREDENTIALS" : "FAILED"}: ${o.error}\n  (kept: ${counts}; the next sync carries on from there)`;
}

export async function run(args: string[]): Promise<number> {
  let values: { all?: boolean; json?: boolean; help?: boolean };
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      args,
      allowPositionals: true,
      options: { all: { type: "boolean" }, json: { type: "boolean" }, help: { type: "boolean" } },
    }));
  } catch (err) {
    console.error(`${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  let outcomes: SyncOutcome[];
  if (positionals[0]) {
    const one = await syncByName(positionals[0], { trigger: "cli" });
    if (!one) {
      console.error(`No connection named '${positionals[0]}'. List them with: keeper connections`);
      return 2;
    }
    outcomes = [one];
  } else {
    outcomes = await syncDue({ trigger: values.all ? "cli" : "schedule", all: values.all });
  }
  if (values.json) console.log(JSON.stringify(outcomes, null, 2));
  else console.log(outcomes.length === 0 ? "No connection is due." : outcomes.map(formatOutcome).join("\n"));
  return outcomes.some((o) => o.status === "failed" || o.status === "needs_credentials") ? 1 : 0;
}
