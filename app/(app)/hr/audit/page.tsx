import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { readAuditLog } from "@/lib/dal/audit-read";
import { formatDateTime } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Audit log" };

type Search = Record<string, string | undefined>;

export default async function AuditPage({ searchParams }: { searchParams: Promise<Search> }) {
  const params = await searchParams;
  const result = await readAuditLog(params);
  if (!result) notFound();
  const { rows, actions, nextBefore } = result;
  const olderHref = nextBefore
    ? `?${new URLSearchParams({ ...Object.fromEntries(Object.entries(params).filter(([, v]) => v)), before: String(nextBefore) } as Record<string, string>)}`
    : null;
  const input = "mt-1 w-full rounded-md border border-slate-400 px-3 py-2";
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Audit log</h1>
      <Card title="Filter">
        <form method="get" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end">
          <div>
            <label htmlFor="f-person" className="block text-sm font-medium">
              Person, target or request id
            </label>
            <input id="f-person" name="person" defaultValue={params.person} className={input} />
          </div>
          <div>
            <label htmlFor="f-action" className="block text-sm font-medium">
              Action
            </label>
            <select id="f-action" name="action" defaultValue={params.action ?? ""} className={input}>
              <option value="">Any action</option>
              {actions.map((a) => (
                <option key={a} value={a}>
                  {a}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="f-outcome" className="block text-sm font-medium">
              Outcome
            </label>
            <select id="f-outcome" name="outcome" defaultValue={params.outcome ?? ""} className={input}>
              <option value="">Any</option>
              <option value="ok">ok</option>
              <option value="denied">denied</option>
              <option value="failed">failed</option>
            </select>
          </div>
          <div className="grid grid-cols-2 gap-2">
            <div>
              <label htmlFor="f-from" className="block text-sm font-medium">
                From
              </label>
              <input id="f-from" name="from" type="date" defaultValue={params.from} className={input} />
            </div>
            <div>
              <label htmlFor="f-to" className="block text-sm font-medium">
                To
              </label>
              <input id="f-to" name="to" type="date" defaultValue={params.to} className={input} />
            </div>
          </div>
          <div className="flex gap-2">
            <Button type="submit">Apply</Button>
            <Link href="/hr/audit" className="px-2 py-2 text-sm font-medium text-brand-700 underline">
              Clear
            </Link>
          </div>
        </form>
      </Card>
      <Card title={`Events${rows.length === 100 ? " (newest 100)" : ""}`}>
        {rows.length === 0 ? (
          <p className="text-sm text-slate-700">No events match.</p>
        ) : (
          <TableScroll>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">Audit events, newest first</caption>
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  {["When (UTC)", "Who", "Action", "Outcome", "Target", "Detail"].map((h) => (
                    <th key={h} scope="col" className="py-2 pr-3">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr key={r.id} className="border-b border-slate-100 align-top">
                    <td className="whitespace-nowrap py-2 pr-3">{formatDateTime(r.at)}</td>
                    <td className="py-2 pr-3">
                      {r.actor ?? "—"}
                      {r.actorEmail && <div className="text-xs text-slate-700">{r.actorEmail}</div>}
                    </td>
                    <td className="py-2 pr-3 font-mono text-xs">{r.action}</td>
                    <td className="py-2 pr-3">
                      <Badge tone={r.outcome === "ok" ? "green" : r.outcome === "denied" ? "red" : "amber"}>{r.outcome}</Badge>
                    </td>
                    <td className="py-2 pr-3">{r.target ?? "—"}</td>
                    <td className="max-w-xs break-words py-2 font-mono text-xs text-slate-700">
                      {r.detail ? JSON.stringify(r.detail) : ""}
                      {r.requestId && <div className="mt-1 text-slate-600">request {r.requestId}</div>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
        {olderHref && (
          <Link href={olderHref} className="mt-4 inline-block text-sm font-medium text-brand-700 underline">
            Older events
          </Link>
        )}
      </Card>
    </div>
  );
}
