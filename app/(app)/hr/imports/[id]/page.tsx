import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportCounts } from "@/components/csat/import-counts";
import { Card } from "@/components/ui/card";
import { getImport } from "@/lib/dal/csat";
import { formatDateTime } from "@/lib/format";

export const metadata: Metadata = { title: "Import result" };

interface StoredReport {
  files?: { name: string; source: string | null; detected: boolean; rowsRead: number; error?: string }[];
  rejected?: { file: string; ref: string; reason: string }[];
  rejectedCount?: number;
  unmatched?: { source: string; externalId: string; count: number }[];
}

export default async function ImportResultPage({ params }: { params: Promise<{ id: string }> }) {
  const id = Number((await params).id);
  const result = Number.isInteger(id) && id > 0 ? await getImport(id) : null;
  if (!result) notFound();
  const report = (result.report ?? {}) as StoredReport;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Import #{result.id}</h1>
        <div className="flex gap-4 text-sm">
          <Link href="/hr/import" className="font-medium text-brand-700 underline">
            Import more
          </Link>
          <Link href="/hr/imports" className="font-medium text-brand-700 underline">
            History
          </Link>
        </div>
      </div>
      <p className="text-slate-700">
        {result.fileName} · {formatDateTime(result.createdAt)} · by{" "}
        {result.actor ?? (result.via === "sync" ? "the schedule or command line" : "command line")} via {result.via}
        {result.via === "sync" && (
          <>
            {" "}
            ·{" "}
            <Link href="/hr/connections" className="text-brand-700 underline">
              Connections
            </Link>
          </>
        )}
      </p>
      <ImportCounts summary={result} />
      {(report.files ?? []).length > 0 && (
        <Card title="Files">
          <ul className="space-y-1 text-sm">
            {report.files!.map((f) => (
              <li key={f.name}>
                <strong>{f.name}</strong>:{" "}
                {f.error ? (
                  <span className="text-red-800">not imported: {f.error}</span>
                ) : (
                  <>
                    {f.source}
                    {f.detected ? " (detected)" : ""}, {f.rowsRead.toLocaleString("en")} rows read
                  </>
                )}
              </li>
            ))}
          </ul>
        </Card>
      )}
      {(report.unmatched ?? []).length > 0 && (
        <Card title="Agents not matched to anyone">
          <p className="mb-2 text-sm text-slate-700">
            Their responses are stored and will count as soon as an org import adds these helpdesk ids.
          </p>
          <table className="text-left text-sm">
            <caption className="sr-only">Unmatched agent ids</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-6">
                  Source
                </th>
                <th scope="col" className="pr-6">
                  Agent id
                </th>
                <th scope="col">Responses</th>
              </tr>
            </thead>
            <tbody>
              {report.unmatched!.map((u) => (
                <tr key={`${u.source}:${u.externalId}`}>
                  <td className="pr-6">{u.source}</td>
                  <td className="pr-6 font-mono">{u.externalId}</td>
                  <td>{u.count}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
      {(report.rejected ?? []).length > 0 && (
        <Card title={`Rejected rows (${(report.rejectedCount ?? report.rejected!.length).toLocaleString("en")})`}>
          {(report.rejectedCount ?? 0) > report.rejected!.length && (
            <p className="mb-2 text-sm text-slate-700">Showing the first {report.rejected!.length}.</p>
          )}
          <table className="w-full text-left text-sm">
            <caption className="sr-only">Rejected rows with their reason</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4">
                  File
                </th>
                <th scope="col" className="pr-4">
                  Row
                </th>
                <th scope="col">Reason</th>
              </tr>
            </thead>
            <tbody>
              {report.rejected!.map((r, i) => (
                <tr key={i} className="border-t border-slate-100">
                  <td className="pr-4">{r.file}</td>
                  <td className="pr-4 whitespace-nowrap">{r.ref}</td>
                  <td>{r.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </Card>
      )}
    </div>
  );
}
