import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { IntervalBars } from "@/components/charts/interval-bars";
import { OutcomeTable } from "@/components/outcomes/outcome-table";
import { barValue, laterText, leftText, stillHereText } from "@/components/outcomes/outcome-text";
import { NoCycle } from "@/components/talent/no-cycle";
import { talentHref, TalentHeader } from "@/components/talent/talent-header";
import { Card } from "@/components/ui/card";
import { getKeeperOutcomes } from "@/lib/dal/keeper-outcomes";
import { SMALL_SAMPLE } from "@/lib/domain/keeper-outcomes";
import { param, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Keeper accuracy" };

export default async function OutcomesPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const result = await getKeeperOutcomes({ cycle: param(sp, "cycle") });
  if (!result.ok) {
    if (result.reason === "no_cycle") return <NoCycle />;
    notFound();
  }
  const { selected, history } = result.value;
  const s = selected.scope;
  const cycles = history.map((h) => ({ key: h.key, state: h.state })).reverse();
  const left6 = history.map((h) => {
    const w = h.figures.fightHard.within[6];
    return { label: h.key, ...(w.known ? barValue(w.left) : { value: null, ci95: null }), text: leftText(h.figures, 6) };
  });
  const stayed = history.map((h) => {
    const w = h.figures.doubt.afterTwoQuarters;
    return { label: h.key, ...(w.known ? barValue(w.stillHere) : { value: null, ci95: null }), text: stillHereText(h.figures) };
  });
  return (
    <div className="space-y-6">
      <TalentHeader
        title="Keeper accuracy"
        subtitle={`What became of the people each past cycle answered about, as of ${selected.asOf}. Answers date from ${selected.anchor}, the day after the cycle's quarter; a window counts only once it is over.`}
        section="outcomes"
        cycle={{ key: selected.cycle.key, state: selected.cycle.state }}
        cycles={cycles}
        path="/talent/outcomes"
        csv={talentHref("/api/v1/export/outcomes.csv", { cycle: selected.cycle.key })}
      />
      <Card title={`${selected.cycle.key}: the people in scope`}>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[auto_1fr]">
          <dt className="font-medium">Answered fight hard</dt>
          <dd>
            {s.fightHard.answered}
            {s.fightHard.undated ? `, of whom ${s.fightHard.undated} left with the date not yet recorded (left out of the rates)` : ""}
          </dd>
          <dt className="font-medium">Left within 6 months</dt>
          <dd>{leftText(s, 6)}</dd>
          <dt className="font-medium">Left within 12 months</dt>
          <dd>{leftText(s, 12)}</dd>
          <dt className="font-medium">Answered let go or unsure</dt>
          <dd>
            {s.doubt.letGo} let go, {s.doubt.unsure} unsure
            {s.doubt.undated ? `; ${s.doubt.undated} left with the date not yet recorded` : ""}
          </dd>
          <dt className="font-medium">Still here after two quarters</dt>
          <dd>{stillHereText(s)}</dd>
          <dt className="font-medium">Their answers and CSAT in {selected.windows.laterQuarter}</dt>
          <dd>{laterText(s)}</dd>
        </dl>
        <p className="mt-3 text-sm text-slate-700">
          Rates come with 95% intervals. Under {SMALL_SAMPLE} people there is no rate, only the counts.
        </p>
      </Card>
      <Card>
        <div className="grid gap-8 lg:grid-cols-2">
          <IntervalBars
            title="Fight hard answers who left within 6 months"
            description="For each past cycle, the share of people answered fight hard who left within six months."
            rows={left6}
            valueHeader="Left within 6 months"
          />
          <IntervalBars
            title="Let go or unsure answers still here after two quarters"
            description="For each past cycle, the share of people answered let go or unsure who were still employed two quarters later."
            rows={stayed}
            valueHeader="Still here after two quarters"
          />
        </div>
      </Card>
      <Card title={`${selected.cycle.key} by team`}>
        <OutcomeTable caption={`Keeper accuracy by team, ${selected.cycle.key}`} groupHeader="Team" groups={selected.teams} />
      </Card>
      <Card title={`${selected.cycle.key} by manager`}>
        <OutcomeTable caption={`Keeper accuracy by manager, ${selected.cycle.key}`} groupHeader="Manager" groups={selected.managers} />
      </Card>
    </div>
  );
}
