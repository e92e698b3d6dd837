import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ConnectionControls } from "@/components/connections/connection-controls";
import { ConnectionForm } from "@/components/connections/connection-form";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { TableScroll } from "@/components/ui/table-scroll";
import { listConnections } from "@/lib/dal/connections";
import type { ConnectionView } from "@/lib/connectors/store";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Helpdesk connections" };

const LABELS: Record<string, string> = {
  zendesk: "Zendesk",
  freshdesk: "Freshdesk",
  intercom: "Intercom",
  helpscout: "Help Scout",
  chatwoot: "Chatwoot",
};

function statusOf(c: ConnectionView): { label: string; tone: BadgeTone } {
  if (c.running) return { label: "Syncing", tone: "blue" };
  if (c.status === "ok") return { label: "Connected", tone: "green" };
  if (c.status === "needs_credentials") return { label: "Needs new credentials", tone: "red" };
  if (c.status === "failed") return { label: "Last sync failed", tone: "amber" };
  return { label: "Not synced yet", tone: "slate" };
}

const every = (m: number) =>
  m % 1440 === 0
    ? `every ${m / 1440 === 1 ? "day" : `${m / 1440} days`}`
    : m % 60 === 0
      ? `every ${m === 60 ? "hour" : `${m / 60} hours`}`
      : `every ${m} minutes`;

function Facts({ c }: { c: ConnectionView }) {
  const run = c.lastRun;
  const facts: [string, React.ReactNode][] = [
    [
      "Address",
      <span key="u" className="break-all">
        {c.baseUrl}
        {c.accountId ? ` (account ${c.accountId})` : ""}
      </span>,
    ],
    ["Credentials", c.credentialHint],
    ["Schedule", every(c.intervalMinutes)],
    ["Last sync", c.lastSyncAt ? formatDateTime(c.lastSyncAt) : "Never"],
    ["Last success", c.lastSuccessAt ? formatDateTime(c.lastSuccessAt) : "Never"],
    [
      "Next run",
      c.running ? "Running now" : c.status === "needs_credentials" ? "After new credentials are saved" : formatDateTime(c.nextRunAt),
    ],
  ];
  if (run) {
    facts.push([
      "Last run",
      <span key="r">
        {run.status}: {run.pages} pages, {run.records.toLocaleString("en")} records read, {(run.imported ?? 0).toLocaleString("en")} new,{" "}
        {(run.updated ?? 0).toLocaleString("en")} updated, {(run.unchanged ?? 0).toLocaleString("en")} unchanged,{" "}
        <span className={run.rejected ? "font-semibold text-red-800" : ""}>{(run.rejected ?? 0).toLocaleString("en")} rejected</span>
        {run.importId && (
          <>
            {" "}
            ·{" "}
            <Link href={`/hr/imports/${run.importId}`} className="text-brand-700 underline">
              report
            </Link>
          </>
        )}
      </span>,
    ]);
  }
  return (
    <dl className="grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[9rem_1fr]">
      {facts.map(([k, v]) => (
        <div key={k} className="contents">
          <dt className="font-medium text-slate-700">{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const RUN_STATUS: Record<string, string> = {
  running: "Running",
  ok: "OK",
  failed: "Failed",
  needs_credentials: "Credentials refused",
  interrupted: "Interrupted",
};

/** The last few syncs: when, how, what each brought in, and its import report. */
function RecentRuns({ c }: { c: ConnectionView }) {
  if (c.recentRuns.length === 0) return null;
  return (
    <details className="rounded-md border border-slate-200 p-3">
      <summary className="cursor-pointer text-sm font-medium">Recent syncs</summary>
      <TableScroll>
        <table className="mt-2 w-full text-left text-sm">
          <caption className="sr-only">Recent syncs of {c.name}, newest first</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              {["Started (UTC)", "How", "Result", "Pages", "Records", "New", "Updated", "Rejected", "Report"].map((h) => (
                <th key={h} scope="col" className="py-2 pr-3">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {c.recentRuns.map((r) => (
              <tr key={r.id} className="border-b border-slate-100">
                <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(r.startedAt)}</td>
                <td className="py-2 pr-3">{r.trigger}</td>
                <td className="py-2 pr-3" title={r.error ?? undefined}>
                  {RUN_STATUS[r.status] ?? r.status}
                </td>
                {[r.pages, r.records, r.imported ?? 0, r.updated ?? 0, r.rejected ?? 0].map((n, k) => (
                  <td key={k} className="py-2 pr-3 tabular-nums">
                    {n.toLocaleString("en")}
                  </td>
                ))}
                <td className="py-2">
                  {r.importId ? (
                    <Link href={`/hr/imports/${r.importId}`} className="text-brand-700 underline">
                      #{r.importId}
                    </Link>
                  ) : (
                    "—"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </details>
  );
}

export default async function ConnectionsPage() {
  const connections = await listConnections();
  if (!connections) notFound();
  const broken = connections.filter((c) => c.status === "needs_credentials");
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Helpdesk connections</h1>
        <Link href="/hr/imports" className="text-sm font-medium text-brand-700 underline">
          Import history
        </Link>
      </div>
      <p className="text-sm text-slate-700">
        Keeper reads CSAT ratings from your helpdesk&apos;s API on a schedule: new and changed ratings only, credited to agents through
        their helpdesk ids from the org import. Each sync appears in the import history. File imports keep working alongside.
      </p>
      {broken.length > 0 && (
        <div role="alert" className="rounded-md border border-red-300 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-medium">
            {broken.map((c) => `'${c.name}'`).join(", ")} {broken.length === 1 ? "needs" : "need"} new credentials.
          </p>
          <p>
            The helpdesk refused the stored ones, so CSAT from it is not being updated. Edit the connection and enter working credentials.
          </p>
        </div>
      )}
      {connections.map((c) => {
        const status = statusOf(c);
        return (
          <Card
            key={c.id}
            title={
              <>
                {c.name} <span className="text-sm font-normal text-slate-700">· {LABELS[c.source]}</span>
              </>
            }
            actions={<Badge tone={status.tone}>{status.label}</Badge>}
          >
            <div className="space-y-4">
              <Facts c={c} />
              {c.lastError && (
                <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-950">
                  <span className="font-medium">Last error:</span> {c.lastError}
                </p>
              )}
              <ConnectionControls id={c.id} name={c.name} running={c.running} />
              <RecentRuns c={c} />
              <details className="rounded-md border border-slate-200 p-3">
                <summary className="cursor-pointer text-sm font-medium">Edit connection</summary>
                <div className="mt-3">
                  <ConnectionForm
                    initial={{
                      id: c.id,
                      name: c.name,
                      source: c.source,
                      baseUrl: c.baseUrl,
                      accountId: c.accountId,
                      intervalMinutes: c.intervalMinutes,
                      credentialHint: c.credentialHint,
                    }}
                  />
                </div>
              </details>
            </div>
          </Card>
        );
      })}
      <Card title="Add a connection">
        <ConnectionForm />
      </Card>
    </div>
  );
}
