import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { NoCycle } from "@/components/talent/no-cycle";
import { csvHref, TalentHeader } from "@/components/talent/talent-header";
import { TrendCharts } from "@/components/talent/trend-charts";
import { Card } from "@/components/ui/card";
import { listCycleRefs } from "@/lib/dal/cycles";
import { getTalentTrends } from "@/lib/dal/talent-trends";
import { param, type SearchParams } from "../search-params";

export const metadata: Metadata = { title: "Talent trends" };

export default async function TalentTrendsPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const result = await getTalentTrends({ cycle: param(sp, "cycle") });
  if (!result.ok) {
    if (result.reason === "no_cycle") return <NoCycle />;
    notFound();
  }
  const trends = result.value;
  const cycles = await listCycleRefs();
  return (
    <div className="talent-print space-y-6">
      <TalentHeader
        title="Talent trends"
        subtitle={`Keeper rate and CSAT per quarter, up to ${trends.cycle.key}. Each quarter counts the people its own cycle recorded.`}
        section="trends"
        cycle={trends.cycle}
        cycles={cycles}
        path="/talent/trends"
        csv={csvHref(trends.cycle.key)}
        printable
      />
      <Card>
        <TrendCharts trends={trends} />
      </Card>
    </div>
  );
}
