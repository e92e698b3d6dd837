import { Badge, type BadgeTone } from "@/components/ui/badge";
import { CSAT_BAND_LABELS, type CsatBand } from "@/lib/domain/csat-band";
import { MIN_RESPONSES, type CsatFigure } from "@/lib/domain/csat";
import type { MyCsatQuarter } from "@/lib/dal/my-csat";
import { csatText, formatCsatInterval } from "@/lib/csat-format";
import { formatPercent, percentPoints } from "@/lib/format";
import { CsatIntervalChart } from "./csat-chart";

const BAND_TONES: Record<CsatBand, BadgeTone> = { above: "green", in_line: "blue", below: "amber", too_few: "slate" };
const BAND_WORDS: Record<CsatBand, string> = {
  above: "above the organisation: your whole 95% interval is higher than its figure",
  in_line: "in line with the organisation: the numbers can't tell you apart",
  below: "below the organisation: your whole 95% interval is lower than its figure",
  too_few: "too few responses to compare honestly",
};

/** A quarter's figure in the table and chart: the wording every page uses (lib/csat-format.ts). */
export const csatCell = csatText;

function Headline({ figure: f }: { figure: CsatFigure }) {
  const n = `${f.responses} customer response${f.responses === 1 ? "" : "s"}`;
  // Reads on from the big figure above it: "78% / of 36 customer responses were satisfied".
  if (f.tooFew || f.ci95 === null) return <>of {n} were satisfied: too few responses to read much into yet.</>;
  return (
    <>
      of {n} were satisfied (95% interval {formatCsatInterval(f)}).
    </>
  );
}

function Trend({ current, previous }: { current: CsatFigure; previous: CsatFigure | undefined }) {
  if (!previous || current.tooFew || previous.tooFew || current.csat === null || previous.csat === null) return null;
  const points = percentPoints(current.csat) - percentPoints(previous.csat);
  const words =
    points === 0 ? "the same as" : `${Math.abs(points)} point${Math.abs(points) === 1 ? "" : "s"} ${points > 0 ? "up on" : "down on"}`;
  return <p className="text-sm text-slate-700">That is {words} the quarter before.</p>;
}

/** The agent's own CSAT: the latest quarter in words, then every quarter as a chart and a table. */
export function CsatOverview({ quarters }: { quarters: MyCsatQuarter[] }) {
  const withData = quarters.filter((q) => q.mine.responses > 0);
  const latest = withData[withData.length - 1];
  if (!latest)
    return (
      <p className="text-sm text-slate-700">
        No customer ratings have been matched to you yet. They appear here after the next CSAT import.
      </p>
    );
  const before = quarters[quarters.indexOf(latest) - 1]?.mine;
  // Start the axis at 50% unless a figure is lower: the differences that matter sit near the top.
  const lowest = Math.min(0.5, ...quarters.flatMap((q) => [q.mine.tooFew ? 1 : (q.mine.ci95?.[0] ?? 1), q.organisation.csat ?? 1]));
  const floor = Math.floor(lowest * 10) / 10;
  const ticks = Array.from({ length: Math.round((1 - floor) * 10) + 1 }, (_, i) => Math.round((floor + i / 10) * 10) / 10);
  return (
    <div className="space-y-5">
      <div>
        <p className="text-sm text-slate-700">{latest.quarter}</p>
        <p className="text-3xl font-semibold tabular-nums">{latest.mine.csat === null ? "—" : formatPercent(latest.mine.csat)}</p>
        <p className="text-sm text-slate-800">
          <Headline figure={latest.mine} />
        </p>
        <p className="mt-1 text-sm text-slate-800">Organisation: {csatText(latest.organisation)}.</p>
        <p className="mt-2 flex flex-wrap items-center gap-2 text-sm">
          <Badge tone={BAND_TONES[latest.band]}>{CSAT_BAND_LABELS[latest.band]}</Badge>
          <span className="text-slate-800">You are {BAND_WORDS[latest.band]}.</span>
        </p>
        <Trend current={latest.mine} previous={before} />
      </div>
      <CsatIntervalChart quarters={quarters} domain={[floor, 1]} ticks={ticks} cell={(q, who) => csatCell(q[who])} />
      <p className="text-sm text-slate-700">
        CSAT is the share of responses that were satisfied (the top box). The range in brackets is the 95% interval: with few responses it
        is wide, so a small change may be chance. Fewer than {MIN_RESPONSES} responses are labelled “too few responses”.
      </p>
    </div>
  );
}
