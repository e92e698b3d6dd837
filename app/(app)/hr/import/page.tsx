import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ImportForm } from "@/components/csat/import-form";
import { Card } from "@/components/ui/card";
import { requireRole } from "@/lib/dal/policy";
import { DEFAULT_MAX_BYTES, MB } from "@/lib/importers/csat/input";

export const metadata: Metadata = { title: "Import CSAT" };

export default async function ImportPage() {
  if (!(await requireRole("hr", { type: "page", id: "/hr/import" }))) notFound();
  const maxMb = Math.floor(Number(process.env.CSAT_MAX_BYTES || DEFAULT_MAX_BYTES.upload) / MB);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-2xl font-semibold">Import CSAT</h1>
        <Link href="/hr/imports" className="text-sm font-medium text-brand-700 underline">
          Import history
        </Link>
      </div>
      <Card title="Upload helpdesk exports">
        <p className="mb-4 text-sm text-slate-700">
          Zendesk, Freshdesk, Intercom, Help Scout and Chatwoot exports in their API&apos;s JSON shape, or Keeper&apos;s CSV. Agents are
          matched through their helpdesk ids from the org import; unmatched ids are listed, never dropped.
        </p>
        <ImportForm maxMb={maxMb} />
      </Card>
    </div>
  );
}
