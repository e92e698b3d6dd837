import type { Metadata } from "next";
import Link from "next/link";
import { IndirectReviews, TeamReviews } from "@/components/home/team-reviews";
import { MyFeedback } from "@/components/home/my-feedback";
import { AgentShortcuts } from "@/components/agent/agent-shortcuts";
import { PendingCheckins } from "@/components/agent/pending-checkins";
import { listCheckinsToAnswer } from "@/lib/dal/checkins";
import { getMyOpenReflection } from "@/lib/dal/reflections";
import { Card } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { currentCycle, cycleProgress } from "@/lib/dal/cycles";
import { listMyReleasedReviews } from "@/lib/dal/review-read";
import { hasOwnWork, hasRole } from "@/lib/dal/policy";
import { verifySession } from "@/lib/dal/session";
import { agentsCanRespond } from "@/lib/domain/cycle-state";
import { listDirectReports, listIndirectReports } from "@/lib/dal/team";

export const metadata: Metadata = { title: "Home" };

export default async function HomePage() {
  const viewer = await verifySession();
  const cycle = await currentCycle();
  const [direct, indirect, mine] = await Promise.all([
    cycle && viewer.hasReports ? listDirectReports(cycle.key) : [],
    cycle && viewer.hasReports ? listIndirectReports(cycle.key) : [],
    listMyReleasedReviews(),
  ]);
  const [checkins, reflection, progress] = await Promise.all([
    viewer.hasReports ? listCheckinsToAnswer() : null,
    hasOwnWork(viewer) ? getMyOpenReflection() : null,
    // Counting a cycle's reviews is only worth it for HR's progress card.
    hasRole(viewer, "hr") && cycle ? cycleProgress(cycle) : null,
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">Hello, {viewer.name.split(" ")[0]}</h1>
      {checkins && <PendingCheckins pending={checkins.pending} now={Date.now()} />}
      {progress && cycle && (
        <Card
          title={`${cycle.key} cycle`}
          actions={
            <Link href="/hr/cycles" className="text-sm font-medium text-brand-700 underline">
              Manage cycles
            </Link>
          }
        >
          <p className="mb-3 text-sm text-slate-700">
            State: <strong>{cycle.state}</strong>
            {cycle.dueDate ? ` · due ${cycle.dueDate}` : ""}
          </p>
          <div className="max-w-md">
            <Progress
              value={progress.submitted}
              max={progress.expected}
              label={`${progress.submitted} of ${progress.expected} reviews submitted, ${progress.drafts} drafts`}
            />
          </div>
        </Card>
      )}
      {viewer.hasReports && cycle && <TeamReviews cycle={cycle} reports={direct} />}
      {viewer.hasReports && cycle && indirect.length > 0 && <IndirectReviews cycle={cycle} reports={indirect} />}
      {viewer.hasReports && !cycle && (
        <Card title="Your team">
          <p className="text-sm text-slate-700">No review cycle is open yet. HR will open the next one.</p>
        </Card>
      )}
      {hasOwnWork(viewer) && (
        <AgentShortcuts
          reflection={reflection ? { cycleKey: reflection.cycleKey, written: reflection.updatedAt !== null } : null}
          unacknowledged={mine.filter((r) => agentsCanRespond(r.cycle.state) && r.acknowledgedAt === null).length}
        />
      )}
      {hasOwnWork(viewer) && <MyFeedback reviews={mine} />}
      {hasRole(viewer, "admin") && (
        // Admins run the system and are not HR (docs/decisions/0012-admins-are-not-hr.md).
        <Card title="System">
          <ul className="space-y-1 text-sm">
            <li>
              <Link href="/admin/tokens" className="font-medium text-brand-700 underline">
                API tokens
              </Link>{" "}
              for identity provisioning (SCIM), scripts and CSAT imports
            </li>
            <li>
              <Link href="/admin/outbox" className="font-medium text-brand-700 underline">
                Mail outbox
              </Link>
            </li>
            <li>
              <Link href="/hr/audit" className="font-medium text-brand-700 underline">
                Audit log
              </Link>{" "}
              of sign-ins, tokens, imports and denials
            </li>
          </ul>
          <p className="mt-3 text-sm text-slate-700">
            Reviews, private notes and talent figures are for HR and managers; an admin account does not see them.
          </p>
        </Card>
      )}
    </div>
  );
}
