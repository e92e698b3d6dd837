import { KEEPER_ANSWERS, KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";
import { completionRate, formatTraitAverage } from "@/lib/domain/talent-aggregates";
import { formatPercent, formatPointsChange } from "@/lib/format";
import type { CycleTraitRow, TeamTalent } from "@/lib/dal/talent";
import { csatHeadline, csatText } from "@/lib/csat-format";
import { FlagList } from "./flag-list";

function Stat({ label, value, detail }: { label: string; value: string; detail?: string }) {
  return (
    <div className="rounded-lg border border-slate-200 bg-white p-4">
      <dt className="text-sm text-slate-700">{label}</dt>
      <dd className="mt-1 text-xl font-semibold tabular-nums">{value}</dd>
      {detail && <dd className="mt-1 text-xs text-slate-700">{detail}</dd>}
    </div>
  );
}

/** A team's figures for the cycle at a glance: completion, keeper rate, answers, CSAT, traits. */
export function TeamSummary({ team, traits, previousKey }: { team: TeamTalent; traits: CycleTraitRow[]; previousKey: string }) {
  return (
    <section aria-label={`${team.team} figures`} className="space-y-3">
      <dl className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat
          label="Completion"
          value={formatPercent(completionRate(team.completion))}
          detail={`${team.completion.submitted} submitted · ${team.completion.draft} draft · ${team.completion.notStarted} not started (of ${team.headcount})`}
        />
        <Stat
          label="Keeper rate"
          value={formatPercent(team.keeperRate)}
          detail={`${team.submitted} submitted · ${formatPointsChange(team.change.keeperRatePoints)} since ${previousKey}`}
        />
        <Stat
          label="Keeper answers"
          value={KEEPER_ANSWERS.map((a) => team.distribution[a]).join(" / ")}
          detail={KEEPER_ANSWERS.map((a) => KEEPER_SHORT_LABELS[a]).join(" / ")}
        />
        <Stat
          label="Team CSAT"
          value={csatHeadline(team.csat) ?? (team.csat.tooFew ? "Too few" : "—")}
          detail={`${csatText(team.csat)} · ${formatPointsChange(team.change.csatPoints)} since ${previousKey}`}
        />
      </dl>
      <div className="rounded-lg border border-slate-200 bg-white p-4">
        <h3 className="text-sm font-semibold">Trait averages (submitted reviews; not observed left out)</h3>
        <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2 lg:grid-cols-3">
          {team.traitAverages.map((a) => (
            <div key={a.traitKey} className="flex justify-between gap-3">
              <dt>{traits.find((t) => t.key === a.traitKey)?.label ?? a.traitKey}</dt>
              <dd className="tabular-nums">
                {formatTraitAverage(a.average)} <span className="text-xs text-slate-700">({a.rated} rated)</span>
              </dd>
            </div>
          ))}
        </dl>
      </div>
      {team.managerFlag && (
        <div className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h3 className="text-sm font-semibold">Manager flag</h3>
          <div className="mt-1">
            <FlagList flags={[team.managerFlag]} />
          </div>
        </div>
      )}
    </section>
  );
}
