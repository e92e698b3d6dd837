import { LineChart, type ChartSeries } from "@/components/charts/line-chart";
import { rankableCsat } from "@/lib/domain/talent-aggregates";
import { csatText } from "@/lib/csat-format";
import { MIN_RESPONSES } from "@/lib/domain/csat";
import { formatPercent } from "@/lib/format";
import type { TalentTrends, TrendSeries } from "@/lib/dal/talent-trends";

const percentTick = (v: number) => formatPercent(v);

function keeperSeries(s: TrendSeries, emphasis: boolean): ChartSeries {
  return {
    label: s.label,
    emphasis,
    values: s.points.map((p) => p.keeperRate),
    cells: s.points.map((p) => (p.keeperRate === null ? "No submitted reviews" : `${formatPercent(p.keeperRate)} of ${p.submitted}`)),
  };
}

function csatSeries(s: TrendSeries, emphasis: boolean): ChartSeries {
  return {
    label: s.label,
    emphasis,
    // Too few responses are never plotted: a line through them would rank what can't be ranked.
    values: s.points.map((p) => rankableCsat(p.csat)),
    cells: s.points.map((p) => csatText(p.csat)),
  };
}

/** CSAT sits high for most support teams; start the axis at 50% then, and say so in the ticks. */
function csatDomain(series: ChartSeries[]): { domain: [number, number]; ticks: number[] } {
  const values = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  if (values.length > 0 && Math.min(...values) >= 0.5) return { domain: [0.5, 1], ticks: [0.5, 0.6, 0.7, 0.8, 0.9, 1] };
  return { domain: [0, 1], ticks: [0, 0.25, 0.5, 0.75, 1] };
}

export function TrendCharts({ trends }: { trends: TalentTrends }) {
  const keeper = [keeperSeries(trends.organisation, true), ...trends.teams.map((t) => keeperSeries(t, false))];
  const csat = [csatSeries(trends.organisation, true), ...trends.teams.map((t) => csatSeries(t, false))];
  const range = `${trends.quarters[0]} to ${trends.quarters[trends.quarters.length - 1]}`;
  const { domain, ticks } = csatDomain(csat);
  return (
    <div className="grid gap-8 xl:grid-cols-2">
      <LineChart
        title="Keeper rate per quarter"
        description={`Share of submitted reviews answered "fight hard", for the organisation and each team, ${range}.`}
        categories={trends.quarters}
        series={keeper}
        domain={[0, 1]}
        ticks={[0, 0.25, 0.5, 0.75, 1]}
        formatTick={percentTick}
        seriesHeader="Team"
      />
      <LineChart
        title="CSAT per quarter"
        description={`Share of satisfied customer ratings, for the organisation and each team, ${range}. Quarters with fewer than ${MIN_RESPONSES} responses are not plotted.`}
        categories={trends.quarters}
        series={csat}
        domain={domain}
        ticks={ticks}
        formatTick={percentTick}
        seriesHeader="Team"
      />
    </div>
  );
}
