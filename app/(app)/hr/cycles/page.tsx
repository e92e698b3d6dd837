import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CreateCycleForm } from "@/components/cycles/create-cycle-form";
import { CycleSettingsForm } from "@/components/cycles/cycle-settings-form";
import { TransitionButton } from "@/components/cycles/transition-button";
import { Badge } from "@/components/ui/badge";
import { Card } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { CYCLE_STATE_LABELS, nextCycleState, settingsEditable } from "@/lib/domain/cycle-state";
import { listCycles, suggestedNextCycleKey } from "@/lib/dal/cycles";
import { requireRole } from "@/lib/dal/policy";
import { formatDate } from "@/lib/format";

export const metadata: Metadata = { title: "Review cycles" };

export default async function CyclesPage() {
  if (!(await requireRole("hr", { type: "page", id: "/hr/cycles" }))) notFound();
  const [cycles, suggested] = await Promise.all([listCycles(), suggestedNextCycleKey()]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Review cycles</h1>
      <Card title="Create the next cycle">
        <CreateCycleForm suggestedKey={suggested} />
      </Card>
      {cycles.map((c) => {
        const next = nextCycleState(c.state);
        return (
          <Card
            key={c.key}
            title={
              <span className="flex items-center gap-3">
                {c.key}
                <Badge tone={c.state === "open" ? "green" : c.state === "calibration" ? "amber" : "slate"}>
                  {CYCLE_STATE_LABELS[c.state]}
                </Badge>
              </span>
            }
          >
            <div className="grid gap-4 md:grid-cols-2">
              <div className="space-y-2">
                <Progress value={c.submitted} max={c.expected} label={`${c.submitted} of ${c.expected} submitted · ${c.drafts} drafts`} />
                <p className="text-sm text-slate-700">
                  Due {formatDate(c.dueDate)} · keeper answer {c.shareKeeper ? "shared with agents" : "hidden from agents"}
                </p>
              </div>
              <div className="space-y-2">
                {next && <TransitionButton cycleKey={c.key} to={next} />}
                <p>
                  <Link href={`/hr/cycles/${c.key}`} className="text-sm font-medium text-brand-800 underline">
                    Participants{c.state === "open" ? ", late hires and reviewers" : ""}
                  </Link>
                </p>
              </div>
            </div>
            {settingsEditable(c.state) && (
              <div className="mt-4 border-t border-slate-100 pt-4">
                <CycleSettingsForm cycle={c} />
              </div>
            )}
          </Card>
        );
      })}
    </div>
  );
}
