import Link from "next/link";
import { LineChart } from "@/components/charts/line-chart";
import { Badge } from "@/components/ui/badge";
import type { EmployeeCsat } from "@/lib/dal/csat";
import { MIN_RESPONSES } from "@/lib/domain/csat";
import { csatCompact, csatText, formatCsatInterval, formatResponses } from "@/lib/csat-format";
import { formatDate, formatPercent } from "@/lib/format";

type Sentiment = "positive" | "negative" | undefined;

/**
 * CSAT next to the keeper answer: the quarter's figure with its 95% interval and the number of
 * responses (never a bare percentage), the organisation's figure, four quarters, and comments.
 */
export function CsatPanel({
  csat,
  sentiment,
  filterHref,
}: {
  csat: EmployeeCsat;
  sentiment: Sentiment;
  filterHref: (s: Sentiment) => string;
}) {
  const { figure, organisation, trend } = csat;
  const pct = (v: number) => formatPercent(v);
  return (
    <section aria-labelledby="csat-heading" className="rounded-lg border border-slate-200 bg-white p-4 text-sm">
      <h2 id="csat-heading" className="font-semibold">
        Customer satisfaction · {csat.quarter}
      </h2>
      {figure.tooFew || figure.csat === null ? (
        <p className="mt-2">
          <Badge tone="amber">Too few responses</Badge>{" "}
          <span className="text-slate-700">
            {formatResponses(figure.responses)}; at least {MIN_RESPONSES} are needed for a fair figure.
          </span>
        </p>
      ) : (
        <p className="mt-2">
          <span className="text-2xl font-semibold">{pct(figure.csat)}</span>{" "}
          <span className="text-slate-700">
            95% interval {formatCsatInterval(figure) ?? "—"} · {formatResponses(figure.responses)}
          </span>
        </p>
      )}
      <p className="mt-1 text-slate-700">Organisation: {csatText(organisation)}</p>
      <div className="mt-3">
        <LineChart
          title={`CSAT, last four quarters`}
          description={`${csat.employee.name}'s CSAT per quarter against the organisation's; gaps are quarters with too few responses.`}
          categories={trend.map((t) => t.quarter)}
          series={[
            { label: csat.employee.name, values: trend.map((t) => (t.tooFew ? null : t.csat)), cells: trend.map(csatCompact) },
            {
              label: "Organisation",
              values: trend.map((t) => t.organisation),
              cells: trend.map((t) => (t.organisation === null ? "—" : pct(t.organisation))),
              emphasis: true,
            },
          ]}
          domain={[0.5, 1]}
          ticks={[0.5, 0.75, 1]}
          formatTick={pct}
          seriesHeader="Who"
        />
      </div>
      <h3 className="mt-4 font-semibold">Customer comments</h3>
      <nav aria-label="Filter comments" className="mt-1 flex gap-3">
        {([undefined, "positive", "negative"] as const).map((s) => (
          <Link
            key={s ?? "all"}
            href={filterHref(s)}
            aria-current={s === sentiment ? "true" : undefined}
            scroll={false}
            className={`underline-offset-2 ${s === sentiment ? "font-semibold text-slate-900" : "text-brand-700 underline"}`}
          >
            {s === undefined ? "All" : s === "positive" ? "Positive" : "Negative"}
          </Link>
        ))}
      </nav>
      {csat.comments.length === 0 ? (
        <p className="mt-2 text-slate-700">No comments this quarter.</p>
      ) : (
        <ul className="mt-2 space-y-2">
          {csat.comments.map((c) => (
            <li key={c.id} className={`rounded-md border-l-4 bg-slate-50 p-2 ${c.satisfied ? "border-emerald-600" : "border-red-600"}`}>
              <p>“{c.comment}”</p>
              <p className="text-xs text-slate-700">
                {c.satisfied ? "Satisfied" : "Not satisfied"} · {c.channel ?? c.source} · {formatDate(c.ratedAt)}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
