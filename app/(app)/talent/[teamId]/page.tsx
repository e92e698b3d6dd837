import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { z } from "zod";
import { FlagLegend } from "@/components/talent/flag-list";
import { KeeperGridTable } from "@/components/talent/keeper-grid";
import { NoCycle } from "@/components/talent/no-cycle";
import { PeopleTable } from "@/components/talent/people-table";
import { TeamSummary } from "@/components/talent/team-summary";
import { csvHref, talentHref, TalentHeader } from "@/components/talent/talent-header";
import { Card } from "@/components/ui/card";
import { listCycleRefs } from "@/lib/dal/cycles";
import { isCalibrating } from "@/lib/domain/cycle-state";
import { getTalentReport } from "@/lib/dal/talent";
import { param, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Team talent review" };

const paramsSchema = z.object({ teamId: z.coerce.number().int().positive() });

export default async function TeamTalentPage({
  params,
  searchParams,
}: {
  params: Promise<{ teamId: string }>;
  searchParams: SearchParams;
}) {
  const parsed = paramsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const sp = await searchParams;
  const result = await getTalentReport({ cycle: param(sp, "cycle"), teamId: parsed.data.teamId }, `/talent/${parsed.data.teamId}`, {
    teamOptions: false,
  });
  if (!result.ok) {
    if (result.reason === "no_cycle") return <NoCycle />;
    notFound();
  }
  const report = result.value;
  const team = report.teams[0];
  const cycles = await listCycleRefs();
  const { cycle } = report;
  return (
    <div className="talent-print space-y-6">
      <p className="no-print text-sm">
        <Link href={talentHref("/talent", { cycle: cycle.key })} className="text-brand-700 underline underline-offset-2">
          ← All teams
        </Link>
      </p>
      <TalentHeader
        title={team.team}
        subtitle={
          <>
            Managed by {team.managerRef?.name ?? "nobody yet"} · {team.headcount} people
          </>
        }
        section="team"
        cycle={cycle}
        cycles={cycles}
        path={`/talent/${team.id}`}
        csv={csvHref(cycle.key, team.team)}
        printable
      />
      {isCalibrating(cycle.state) && (
        <p className="no-print rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          This cycle is in calibration. Where you may calibrate a review, its row has a <strong>Calibrate</strong> section; every change
          needs a reason and is kept in the review&apos;s history.
        </p>
      )}
      <TeamSummary team={team} traits={report.traits} previousKey={cycle.previousKey} />
      <Card title="Keeper × CSAT">
        <KeeperGridTable
          grid={team.grid}
          cycleKey={cycle.key}
          organisationCsat={report.organisation.csat}
          caption={`${team.team}, ${cycle.key}: submitted keeper answers (rows) by CSAT band (columns).`}
        />
      </Card>
      <Card title="Everyone in the team">
        <PeopleTable
          cycleKey={cycle.key}
          people={team.people}
          traits={report.traits}
          historyQuarters={report.historyQuarters}
          caption={`${team.team}: everyone's ${cycle.key} review, CSAT, recent keeper answers and calibration flags`}
        />
      </Card>
      <FlagLegend />
    </div>
  );
}
