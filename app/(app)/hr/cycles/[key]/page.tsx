import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { LateHiresForm } from "@/components/participants/late-hires-form";
import { ReassignReviewerForm } from "@/components/participants/reassign-reviewer-form";
import { Card } from "@/components/ui/card";
import { getCycleRecord, LATE_HIRE_LIMIT } from "@/lib/dal/participants";

export const metadata: Metadata = { title: "Cycle participants" };

export default async function CycleRecordPage({ params }: { params: Promise<{ key: string }> }) {
  const { key } = await params;
  const record = await getCycleRecord(decodeURIComponent(key));
  if (!record) notFound();
  const { cycle } = record;
  return (
    <div className="space-y-6">
      <p>
        <Link href="/hr/cycles" className="text-sm font-medium text-brand-800 underline">
          All cycles
        </Link>
      </p>
      <h1 className="text-2xl font-semibold">{cycle.key}: who the cycle covers</h1>
      <Card title="Participant record">
        <p className="text-sm text-slate-700">
          {cycle.state === "draft"
            ? "The record is made when the cycle opens, from the org chart at that moment."
            : `${record.participants} people, with the team, manager and reviewer they had when the cycle opened. Talent figures for ${cycle.key} read this record, so later moves never change them.`}
        </p>
      </Card>
      {cycle.state !== "draft" && (
        <Card title="People not in the cycle">
          {record.lateHiresTotal === 0 ? (
            <p className="text-sm text-slate-700">Everyone reviewable today is in the cycle.</p>
          ) : cycle.state === "open" ? (
            <div className="space-y-2">
              <p className="text-sm text-slate-700">
                Hired (or given a manager) after the cycle opened: {record.lateHiresTotal}
                {record.lateHiresTotal > LATE_HIRE_LIMIT ? `, the latest ${LATE_HIRE_LIMIT} listed` : ""}. Adding someone records them as
                they are today.
              </p>
              <LateHiresForm cycleKey={cycle.key} people={record.lateHires} />
            </div>
          ) : (
            <p className="text-sm text-slate-700">
              {record.lateHiresTotal} people reviewable today were not in this cycle. Only an open cycle takes new people.
            </p>
          )}
        </Card>
      )}
      {cycle.state === "open" && (
        <Card title="Reassign a reviewer">
          <p className="mb-3 text-sm text-slate-700">
            When someone changes manager mid-cycle, their review stays with the reviewer the cycle assigned until you move it. Both managers
            can read it either way.
          </p>
          <ReassignReviewerForm cycleKey={cycle.key} />
        </Card>
      )}
    </div>
  );
}
