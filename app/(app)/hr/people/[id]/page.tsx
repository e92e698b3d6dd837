import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DepartureForm } from "@/components/departures/departure-form";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { getPersonDeparture } from "@/lib/dal/departures";

export const metadata: Metadata = { title: "Person" };

export default async function PersonPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const view = await getPersonDeparture(id);
  if (!view) notFound();
  const { person, departure } = view;
  const today = new Date().toISOString().slice(0, 10);
  return (
    <div className="space-y-6">
      <p>
        <Link href="/hr/people" className="text-sm font-medium text-brand-800 underline">
          People and departures
        </Link>
      </p>
      <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
        {person.name} {person.active ? <Badge tone="green">Active</Badge> : <Badge tone="slate">Left</Badge>}
      </h1>
      <Card title="Details">
        <dl className="grid gap-x-6 gap-y-1 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Email</dt>
          <dd>{person.email}</dd>
          <dt className="font-medium">Title</dt>
          <dd>{person.title || "—"}</dd>
          <dt className="font-medium">Team</dt>
          <dd>{person.team ?? "—"}</dd>
          <dt className="font-medium">Manager</dt>
          <dd>{person.manager ?? "—"}</dd>
          <dt className="font-medium">In cycles</dt>
          <dd>{view.cycles.length ? view.cycles.join(", ") : "none yet"}</dd>
        </dl>
      </Card>
      <Card title={departure ? "Departure" : person.active ? "Record a departure" : "Departure details (awaiting)"}>
        <p className="mb-3 text-sm text-slate-700">
          {departure
            ? `Recorded ${departure.source === "import" ? "by an org import" : "by HR"}. Correct it here if needed.`
            : "Recording a departure deactivates the account at once: they can no longer sign in. Their reviews and history stay."}
        </p>
        <DepartureForm employeeId={person.id} name={person.name} initial={departure} today={today} />
      </Card>
    </div>
  );
}
