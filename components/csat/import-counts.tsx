import type { ImportSummary } from "@/lib/dal/csat";

export function ImportCounts({ summary }: { summary: ImportSummary }) {
  const items: [string, number][] = [
    ["Rows read", summary.rowsRead],
    ["Imported", summary.imported],
    ["Updated", summary.updated],
    ["Unchanged", summary.unchanged],
    ["Not responses", summary.notResponses],
    ["Rejected", summary.rejected],
  ];
  return (
    <dl className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {items.map(([label, value]) => (
        <div
          key={label}
          className={`rounded-md border p-3 ${label === "Rejected" && value > 0 ? "border-red-300 bg-red-50" : "border-slate-200"}`}
        >
          <dt className="text-xs text-slate-700">{label}</dt>
          <dd className="text-xl font-semibold">{value.toLocaleString("en")}</dd>
        </div>
      ))}
    </dl>
  );
}
