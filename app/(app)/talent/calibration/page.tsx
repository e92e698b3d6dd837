import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { FlagLegend, FlagList } from "@/components/talent/flag-list";
import { NoCycle } from "@/components/talent/no-cycle";
import { PeopleTable } from "@/components/talent/people-table";
import { csvHref, talentHref, TalentHeader } from "@/components/talent/talent-header";
import { TeamFinder } from "@/components/talent/team-finder";
import { Card } from "@/components/ui/card";
import { CYCLE_STATE_LABELS } from "@/lib/domain/cycle-state";
import { listCycleRefs } from "@/lib/dal/cycles";
import { findCalibrationTeams, getCalibrationMeeting } from "@/lib/dal/calibration-meeting";
import { param, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Calibration meeting" };

export default async function CalibrationPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const team = param(sp, "team");
  const query = team ? undefined : param(sp, "q")?.trim() || undefined;
  const found = query ? await findCalibrationTeams({ cycle: param(sp, "cycle") }, query) : undefined;
  if (found && !found.ok) {
    if (found.reason === "no_cycle") return <NoCycle />;
    notFound();
  }
  // One team found: open it, at the same shareable address a picked team has.
  if (found?.value.matches.length === 1)
    redirect(talentHref("/talent/calibration", { cycle: found.value.cycleKey, team: found.value.matches[0].id }));
  const result = await getCalibrationMeeting({ cycle: param(sp, "cycle"), teamId: team });
  if (!result.ok) {
    if (result.reason === "no_cycle") return <NoCycle />;
    notFound();
  }
  const meeting = result.value;
  const cycles = await listCycleRefs();
  const { cycle, flagged, others, othersCount, teamNames, managerFlags } = meeting;
  const matches = found?.value.matches;
  const shared = { cycleKey: cycle.key, traits: meeting.traits, historyQuarters: meeting.historyQuarters, teamNames };
  return (
    <div className="talent-print space-y-6">
      <TalentHeader
        title="Calibration meeting"
        subtitle="Flagged people first. A flag is a question for the meeting, not a verdict."
        section="calibration"
        cycle={cycle}
        cycles={cycles}
        path="/talent/calibration"
        keep={{ team }}
        csv={csvHref(cycle.key, team ? teamNames.get(Number(team)) : undefined)}
        printable
      />
      <p
        className={`rounded-md border p-3 text-sm ${cycle.state === "calibration" ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
      >
        {cycle.state === "calibration"
          ? "The cycle is in calibration: managers can no longer edit, and HR and each reviewer's manager can change keeper answers and trait ratings here, with a reason."
          : `The cycle is ${CYCLE_STATE_LABELS[cycle.state].toLowerCase()}, so reviews can't be calibrated now. Calibration opens when HR moves the cycle to Calibration.`}
      </p>
      <TeamFinder
        action="/talent/calibration"
        cycleKey={cycle.key}
        query={query}
        matches={matches}
        narrowedTo={team ? teamNames.get(Number(team)) : undefined}
      />
      {managerFlags.length > 0 && (
        <Card title="Managers to discuss">
          <ul className="space-y-2">
            {managerFlags.map((m) => (
              <li key={m.team}>
                <span className="font-medium">{m.team}</span>
                <FlagList flags={[m.flag]} />
              </li>
            ))}
          </ul>
        </Card>
      )}
      <Card title={`Flagged people (${flagged.length})`}>
        {flagged.length === 0 ? (
          <p className="text-sm text-slate-700">Nobody is flagged for {cycle.key}.</p>
        ) : (
          <PeopleTable {...shared} people={flagged} caption={`People with calibration flags in ${cycle.key}, most flags first`} />
        )}
      </Card>
      <Card title={`Everyone else (${othersCount})`}>
        {others === null ? (
          <p className="text-sm text-slate-700">Find a team above to list the {othersCount} people without flags.</p>
        ) : others.length === 0 ? (
          <p className="text-sm text-slate-700">Nobody else.</p>
        ) : (
          <PeopleTable {...shared} people={others} caption={`People without calibration flags in ${cycle.key}`} />
        )}
      </Card>
      <FlagLegend />
    </div>
  );
}
