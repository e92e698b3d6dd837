import Link from "next/link";
import { KEEPER_ANSWERS, KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";
import { completionRate, formatTraitAverage, type OverviewSortKey, type SortDirection } from "@/lib/domain/talent-aggregates";
import { formatPercent, formatPointsChange } from "@/lib/format";
import type { CycleTraitRow } from "@/lib/dal/talent";
import type { TeamOverview } from "@/lib/dal/talent-overview";
import { CsatCell } from "./csat-text";
import { talentHref } from "./talent-header";
import { TableScroll } from "@/components/ui/table-scroll";

interface Props {
  cycleKey: string;
  teams: TeamOverview[];
  traits: CycleTraitRow[];
  sort: OverviewSortKey;
  dir: SortDirection;
  /** The other query parameters to keep in the sort links (filters). */
  keep: Record<string, string | number | undefined>;
}

function SortHeader({ label, column, props }: { label: string; column: OverviewSortKey; props: Props }) {
  const active = props.sort === column;
  const next: SortDirection = active && props.dir === "asc" ? "desc" : "asc";
  const href = talentHref("/talent", { ...props.keep, cycle: props.cycleKey, sort: column, dir: next });
  return (
    <th scope="col" aria-sort={active ? (props.dir === "asc" ? "ascending" : "descending") : undefined} className="py-2 pr-3 align-bottom">
      <Link href={href} className="inline-flex items-center gap-1 text-brand-700 underline-offset-2 hover:underline">
        {label}
        <span aria-hidden="true">{active ? (props.dir === "asc" ? "▲" : "▼") : "↕"}</span>
        <span className="sr-only">
          {active
            ? `, sorted ${props.dir === "asc" ? "ascending" : "descending"}; sort ${next === "asc" ? "ascending" : "descending"}`
            : ", sort"}
        </span>
      </Link>
    </th>
  );
}

/** The organisation overview: one row per team, sortable through the query string. */
export function OverviewTable(props: Props) {
  const { cycleKey, teams, traits } = props;
  if (teams.length === 0) return <p className="text-slate-700">No teams match.</p>;
  const traitLabels = new Map(traits.map((t) => [t.key, t.label]));
  return (
    <TableScroll>
      <table className="w-full min-w-[64rem] text-left text-sm">
        <caption className="sr-only">Teams in the {cycleKey} talent review. Column headers with arrows sort the table.</caption>
        <thead className="border-b border-slate-300 text-slate-800">
          <tr>
            <SortHeader label="Team" column="team" props={props} />
            <SortHeader label="Manager" column="manager" props={props} />
            <th scope="col" className="py-2 pr-3 align-bottom">
              Headcount
            </th>
            <SortHeader label="Completion" column="completion" props={props} />
            <SortHeader label="Keeper rate" column="keeperRate" props={props} />
            <th scope="col" className="py-2 pr-3 align-bottom">
              Keeper answers
            </th>
            <th scope="col" className="py-2 pr-3 align-bottom">
              Trait averages
            </th>
            <SortHeader label="CSAT" column="csat" props={props} />
            <SortHeader label="Flags" column="flags" props={props} />
            <th scope="col" className="py-2 align-bottom">
              Change since last cycle
            </th>
          </tr>
        </thead>
        <tbody>
          {teams.map((t) => (
            <OverviewRow key={t.id} team={t} cycleKey={cycleKey} traitLabels={traitLabels} />
          ))}
        </tbody>
      </table>
    </TableScroll>
  );
}

/**
 * One team. Rendered for 50 teams per request, and each element costs server time twice (the
 * React payload and the HTML), so the row is kept lean: cell padding set once on the row, lists
 * as one text node whose line breaks CSS keeps (`whitespace-pre`), and a plain link, because
 * next/link would prefetch all 50 team pages as soon as the overview scrolls into view.
 */
function OverviewRow({ team: t, cycleKey, traitLabels }: { team: TeamOverview; cycleKey: string; traitLabels: Map<string, string> }) {
  const answers = KEEPER_ANSWERS.map((a) => `${KEEPER_SHORT_LABELS[a]}: ${t.distribution[a]}`).join("\n");
  const traitLines = t.traitAverages
    .map((a) => `${traitLabels.get(a.traitKey) ?? a.traitKey}: ${formatTraitAverage(a.average)}`)
    .join("\n");
  return (
    <tr className="border-b border-slate-100 align-top tabular-nums last:border-0 *:py-2 *:pr-3">
      <th scope="row" className="font-medium">
        <a href={talentHref(`/talent/${t.id}`, { cycle: cycleKey })} className="text-brand-700 underline underline-offset-2">
          {t.team}
        </a>
      </th>
      <td>{t.manager ?? "—"}</td>
      <td>{t.headcount}</td>
      <td>
        <span className="font-medium">{formatPercent(completionRate(t.completion))}</span>
        <span className="block text-xs text-slate-700">{`${t.completion.submitted} submitted · ${t.completion.draft} draft · ${t.completion.notStarted} not started`}</span>
      </td>
      <td>
        <span className="font-medium">{formatPercent(t.keeperRate)}</span>
        <span className="block text-xs text-slate-700">{`of ${t.submitted} submitted`}</span>
      </td>
      <td className="whitespace-pre text-xs">{answers}</td>
      <td className="whitespace-pre text-xs">{traitLines}</td>
      <td>
        <CsatCell figure={t.csat} />
      </td>
      <td>{t.flagCount}</td>
      <td className="whitespace-pre text-xs">{`Keeper rate ${formatPointsChange(t.change.keeperRatePoints)}\nCSAT ${formatPointsChange(t.change.csatPoints)}`}</td>
    </tr>
  );
}
