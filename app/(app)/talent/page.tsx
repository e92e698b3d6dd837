import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { FlagLegend } from "@/components/talent/flag-list";
import { NoCycle } from "@/components/talent/no-cycle";
import { OverviewFilters } from "@/components/talent/overview-filters";
import { OverviewTable } from "@/components/talent/overview-table";
import { Pagination } from "@/components/talent/pagination";
import { csatText } from "@/lib/csat-format";
import { csvHref, talentHref, TalentHeader } from "@/components/talent/talent-header";
import { Card } from "@/components/ui/card";
import { sortOverview } from "@/lib/domain/talent-aggregates";
import { formatPercent, formatPointsChange } from "@/lib/format";
import { teamSearchMatcher } from "@/lib/domain/team-search";
import { listCycleRefs } from "@/lib/dal/cycles";
import { getTalentOverview } from "@/lib/dal/talent-overview";
import type { ScopedTeam } from "@/lib/dal/talent";
import { dirSchema, pageSchema, param, sortSchema, type SearchParams } from "./search-params";

export const metadata: Metadata = { title: "Talent review" };

const OVERVIEW_PAGE_SIZE = 50;

export default async function TalentOverviewPage({ searchParams }: { searchParams: SearchParams }) {
  const sp = await searchParams;
  const team = param(sp, "team");
  const manager = param(sp, "manager");
  const query = param(sp, "q");
  const result = await getTalentOverview({ cycle: param(sp, "cycle"), teamId: team, managerId: manager }, "/talent");
  if (!result.ok) {
    if (result.reason === "no_cycle") return <NoCycle />;
    notFound();
  }
  const report = result.value;
  const cycles = await listCycleRefs();
  const sort = sortSchema.parse(param(sp, "sort"));
  const dir = dirSchema.parse(param(sp, "dir"));
  const teams = sortOverview(report.teams.filter(teamSearchMatcher(query)), sort, dir);
  // Sorted over every team, shown a page at a time: 1,000 rows are megabytes of HTML nobody reads.
  const pages = Math.max(1, Math.ceil(teams.length / OVERVIEW_PAGE_SIZE));
  const page = Math.min(pageSchema.parse(param(sp, "page")), pages);
  const shown = teams.slice((page - 1) * OVERVIEW_PAGE_SIZE, page * OVERVIEW_PAGE_SIZE);
  const { organisation: org, cycle } = report;
  const filters = { team, manager, q: query };
  const narrowedTo = team || manager ? narrowedName(report.teamOptions, team, manager) : undefined;
  return (
    <div className="talent-print space-y-6">
      <TalentHeader
        title="Talent review"
        subtitle="Every team you can see, with keeper answers next to what customers say."
        section="overview"
        cycle={cycle}
        cycles={cycles}
        path="/talent"
        keep={{ ...filters, sort, dir }}
        csv={csvHref(cycle.key)}
        printable
      />
      <Card title="Organisation">
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <div>
            <dt className="text-slate-700">CSAT</dt>
            <dd className="font-medium">{csatText(org.csat)}</dd>
            <dd className="text-slate-700">
              {formatPointsChange(org.change.csatPoints)} since {cycle.previousKey}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">Keeper rate</dt>
            <dd className="font-medium">
              {formatPercent(org.keeperRate)} of {org.submitted} submitted reviews
            </dd>
            <dd className="text-slate-700">
              {formatPointsChange(org.change.keeperRatePoints)} since {cycle.previousKey}
            </dd>
          </div>
          <div>
            <dt className="text-slate-700">Teams shown</dt>
            <dd className="font-medium">
              {teams.length} of {report.teamOptions.length}
            </dd>
            <dd className="text-slate-700">Organisation figures cover everyone, as the yardstick for bands and flags.</dd>
          </div>
        </dl>
      </Card>
      <Card
        title="Teams"
        actions={
          <OverviewFilters
            cycleKey={cycle.key}
            query={query}
            narrowedTo={narrowedTo}
            clearHref={talentHref("/talent", { cycle: cycle.key, sort, dir })}
            sort={sort}
            dir={dir}
          />
        }
      >
        <OverviewTable cycleKey={cycle.key} teams={shown} traits={report.traits} sort={sort} dir={dir} keep={filters} />
        <Pagination
          page={page}
          pages={pages}
          total={teams.length}
          pageSize={OVERVIEW_PAGE_SIZE}
          href={(n) => talentHref("/talent", { ...filters, cycle: cycle.key, sort, dir, page: n > 1 ? n : undefined })}
        />
      </Card>
      <FlagLegend />
    </div>
  );
}

/** What a `?team=` or `?manager=` link narrowed the overview to, in words. */
function narrowedName(options: ScopedTeam[], team: string | undefined, manager: string | undefined): string {
  const byTeam = team ? options.find((t) => String(t.id) === team) : undefined;
  if (byTeam) return byTeam.name;
  const byManager = manager ? options.find((t) => t.manager && String(t.manager.id) === manager)?.manager : undefined;
  return byManager ? `the teams of ${byManager.name}` : "one team";
}
