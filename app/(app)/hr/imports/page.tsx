import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { listImports } from "@/lib/dal/csat";
import { formatDateTime } from "@/lib/format";
import { TableScroll } from "@/components/ui/table-scroll";

export const metadata: Metadata = { title: "Import history" };

export default async function ImportsPage({ searchParams }: { searchParams: Promise<{ highlight?: string }> }) {
  const imports = await listImports();
  if (!imports) notFound();
  const highlight = new Set(((await searchParams).highlight ?? "").split(",").map(Number));
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Import history</h1>
        <Link href="/hr/import" className="text-sm font-medium text-brand-700 underline">
          Import CSAT
        </Link>
      </div>
      <Card>
        {imports.length === 0 ? (
          <p className="text-sm text-slate-700">Nothing imported yet.</p>
        ) : (
          <TableScroll>
            <table className="w-full text-left text-sm">
              <caption className="sr-only">CSAT imports, newest first</caption>
              <thead className="border-b border-slate-200 text-slate-700">
                <tr>
                  {[
                    "When (UTC)",
                    "Who",
                    "How",
                    "File",
                    "Source",
                    "Read",
                    "Imported",
                    "Updated",
                    "Unchanged",
                    "Not responses",
                    "Rejected",
                  ].map((h) => (
                    <th key={h} scope="col" className="py-2 pr-3">
                      {h}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {imports.map((i) => (
                  <tr key={i.id} className={`border-b border-slate-100 ${highlight.has(i.id) ? "bg-brand-50" : ""}`}>
                    <td className="whitespace-nowrap py-2 pr-3">
                      <Link href={`/hr/imports/${i.id}`} className="text-brand-700 underline">
                        {formatDateTime(i.createdAt)}
                      </Link>
                    </td>
                    <td className="py-2 pr-3">{i.actor ?? (i.via === "sync" ? "schedule or command line" : "command line")}</td>
                    <td className="py-2 pr-3">{i.via}</td>
                    <td className="max-w-[14rem] truncate py-2 pr-3" title={i.fileName}>
                      {i.fileName}
                    </td>
                    <td className="py-2 pr-3">{i.source}</td>
                    {[i.rowsRead, i.imported, i.updated, i.unchanged, i.notResponses].map((n, k) => (
                      <td key={k} className="py-2 pr-3 tabular-nums">
                        {n.toLocaleString("en")}
                      </td>
                    ))}
                    <td className={`py-2 tabular-nums ${i.rejected > 0 ? "font-semibold text-red-800" : ""}`}>
                      {i.rejected.toLocaleString("en")}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </TableScroll>
        )}
      </Card>
    </div>
  );
}
