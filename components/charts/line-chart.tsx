import { TableScroll } from "@/components/ui/table-scroll";
/**
 * A small server-rendered SVG line chart that always comes with its numbers: the figure holds the
 * chart and a table of every plotted value, so nothing is only available as a picture (screen
 * readers, print, people who want the exact figure). Series differ by colour *and* dash pattern
 * and marker shape, so they stay apart without colour vision and on a greyscale printout.
 */

export interface ChartSeries {
  label: string;
  /** One value per category; null leaves a gap (no data, or too little to plot honestly). */
  values: (number | null)[];
  /** What the table shows for each category, e.g. "82% (77–87%, 48 responses)". */
  cells: string[];
  /** Drawn thicker: the reference line, e.g. the organisation. */
  emphasis?: boolean;
}

export interface LineChartProps {
  title: string;
  /** One or two sentences for the chart's accessible description. */
  description: string;
  /** The x-axis labels, e.g. quarters, oldest first. */
  categories: string[];
  series: ChartSeries[];
  /** The value axis range; values outside are clamped to the frame. */
  domain: [number, number];
  ticks: number[];
  formatTick: (value: number) => string;
  /** Header of the table's first column, e.g. "Team". */
  seriesHeader?: string;
}

// Colours with at least 3:1 contrast against white (WCAG 1.4.11 for graphics).
const COLOURS = ["#312e81", "#b45309", "#047857", "#be123c", "#0369a1", "#6d28d9", "#374151", "#9a3412"];
const DASHES = ["", "7 4", "2 3", "10 3 2 3", "4 4", "1 4", "12 4", "6 2 2 2"];
const MARKERS = ["circle", "square", "diamond", "triangle"] as const;

const W = 640;
const H = 260;
// Right padding leaves room for the last x label, which is centred on the frame's edge.
const PAD = { top: 14, right: 36, bottom: 30, left: 48 };

function Marker({ kind, x, y, colour }: { kind: (typeof MARKERS)[number]; x: number; y: number; colour: string }) {
  const r = 4;
  if (kind === "circle") return <circle cx={x} cy={y} r={r} fill={colour} />;
  if (kind === "square") return <rect x={x - r} y={y - r} width={2 * r} height={2 * r} fill={colour} />;
  if (kind === "diamond")
    return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y} ${x},${y + r + 1} ${x - r - 1},${y}`} fill={colour} />;
  return <polygon points={`${x},${y - r - 1} ${x + r + 1},${y + r} ${x - r - 1},${y + r}`} fill={colour} />;
}

/** Path segments between consecutive non-null points: a gap in the data is a gap in the line. */
function segments(points: ({ x: number; y: number } | null)[]): string {
  let d = "";
  let pen = false;
  for (const p of points) {
    if (p === null) {
      pen = false;
      continue;
    }
    d += `${pen ? "L" : "M"}${p.x.toFixed(1)},${p.y.toFixed(1)} `;
    pen = true;
  }
  return d.trim();
}

export function LineChart({ title, description, categories, series, domain, ticks, formatTick, seriesHeader = "Series" }: LineChartProps) {
  // Server component (no hooks): ids come from the title, which is unique on a page.
  const id = `chart-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
  const [lo, hi] = domain;
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const x = (i: number) => PAD.left + (categories.length === 1 ? plotW / 2 : (i * plotW) / (categories.length - 1));
  const y = (v: number) => PAD.top + plotH - ((Math.min(hi, Math.max(lo, v)) - lo) / (hi - lo)) * plotH;

  return (
    <figure className="min-w-0">
      <figcaption id={`${id}-title`} className="font-semibold">
        {title}
      </figcaption>
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-labelledby={`${id}-title ${id}-desc`} className="mt-2 h-auto w-full max-w-2xl">
        <desc id={`${id}-desc`}>{description} The same numbers are in the table below the chart.</desc>
        {ticks.map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={W - PAD.right} y1={y(t)} y2={y(t)} stroke="#cbd5e1" strokeWidth={1} />
            <text x={PAD.left - 6} y={y(t) + 4} textAnchor="end" fontSize={11} fill="#334155">
              {formatTick(t)}
            </text>
          </g>
        ))}
        {categories.map((c, i) => (
          <text key={c} x={x(i)} y={H - 10} textAnchor="middle" fontSize={11} fill="#334155">
            {c}
          </text>
        ))}
        {series.map((s, si) => {
          const colour = COLOURS[si % COLOURS.length];
          const points = s.values.map((v, i) => (v === null ? null : { x: x(i), y: y(v) }));
          return (
            <g key={s.label}>
              <path
                d={segments(points)}
                fill="none"
                stroke={colour}
                strokeWidth={s.emphasis ? 3.5 : 2}
                strokeDasharray={DASHES[si % DASHES.length] || undefined}
              />
              {points.map((p, i) => p && <Marker key={i} kind={MARKERS[si % MARKERS.length]} x={p.x} y={p.y} colour={colour} />)}
            </g>
          );
        })}
      </svg>
      <ul className="mt-2 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-800" aria-label={`Legend: ${title}`}>
        {series.map((s, si) => (
          <li key={s.label} className="flex items-center gap-2">
            <svg width="34" height="12" aria-hidden="true">
              <line
                x1="1"
                x2="33"
                y1="6"
                y2="6"
                stroke={COLOURS[si % COLOURS.length]}
                strokeWidth={s.emphasis ? 3.5 : 2}
                strokeDasharray={DASHES[si % DASHES.length] || undefined}
              />
              <Marker kind={MARKERS[si % MARKERS.length]} x={17} y={6} colour={COLOURS[si % COLOURS.length]} />
            </svg>
            {s.label}
          </li>
        ))}
      </ul>
      {/* Focusable region: the table may scroll sideways and has no links, so keyboard users need a stop to scroll it. */}
      <TableScroll role="region" aria-label={`${title}: the numbers`} tabIndex={0} className="mt-3">
        <table className="w-full text-left text-sm">
          <caption className="mb-1 text-left text-slate-700">{title}: the numbers</caption>
          <thead className="border-b border-slate-200 text-slate-700">
            <tr>
              <th scope="col" className="py-1.5 pr-3">
                {seriesHeader}
              </th>
              {categories.map((c) => (
                <th key={c} scope="col" className="py-1.5 pr-3 whitespace-nowrap">
                  {c}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {series.map((s) => (
              <tr key={s.label} className="border-b border-slate-100 last:border-0">
                <th scope="row" className="py-1.5 pr-3 font-medium">
                  {s.label}
                </th>
                {s.cells.map((cell, i) => (
                  <td key={categories[i]} className="py-1.5 pr-3 tabular-nums">
                    {cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
    </figure>
  );
}
