import { parseArgs } from "node:util";
import { csatReport, type CsatReport } from "@/lib/csat/queries";
import type { CsatFigure } from "@/lib/domain/csat";
import { formatPercent } from "@/lib/domain/percent";

const USAGE = "Usage: keeper csat report --quarter YYYY-Qn [--team NAME] [--json]";

/** The stable `--json` shape (DESIGN.md, "Interfaces"): fractions, agents without responses left out. */
export function reportJson(report: CsatReport): string {
  const figure = (f: CsatFigure) => ({ responses: f.responses, satisfied: f.satisfied, csat: f.csat, ci95: f.ci95 });
  return JSON.stringify({
    quarter: report.quarter,
    organisation: figure(report.organisation),
    agents: report.agents.map((a) => ({ email: a.email, ...figure(a) })),
  });
}

// One decimal in the terminal table, rounded as everywhere else (lib/domain/percent.ts).
const percent = (x: number | null) => (x === null ? "–" : formatPercent(x, 1));
const interval = (ci: [number, number] | null) => (ci === null ? "–" : `${percent(ci[0])}–${percent(ci[1])}`);

function summary(label: string, f: CsatFigure): string {
  return f.responses === 0
    ? `${label}: no responses`
    : `${label}: ${percent(f.csat)} of ${f.responses} responses (95% CI ${interval(f.ci95)})`;
}

export function reportTable(report: CsatReport): string {
  const lines = [summary(`CSAT ${report.quarter}, organisation`, report.organisation)];
  if (report.team) lines.push(summary(`Team ${report.team.name}`, report.team));
  if (report.agents.length === 0) return [...lines, "", "No agent has responses in this quarter."].join("\n");
  const header = ["Agent", "Name", "Team", "Responses", "Satisfied", "CSAT", "95% CI", ""];
  const rows = report.agents.map((a) => [
    a.email,
    a.name,
    a.team ?? "–",
    String(a.responses),
    String(a.satisfied),
    percent(a.csat),
    interval(a.ci95),
    a.tooFew ? "too few responses" : "",
  ]);
  const numeric = new Set([3, 4, 5]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const format = (cells: string[]) =>
    cells
      .map((c, i) => (numeric.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i])))
      .join("  ")
      .trimEnd();
  return [...lines, "", format(header), ...rows.map(format)].join("\n");
}

export async function run(args: string[]): Promise<number> {
  let values: { quarter?: string; team?: string; json?: boolean };
  try {
    ({ values } = parseArgs({ args, options: { quarter: { type: "string" }, team: { type: "string" }, json: { type: "boolean" } } }));
  } catch (err) {
    console.error(`${(err as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!values.quarter) {
    console.error(USAGE);
    return 2;
  }
  let report: CsatReport;
  try {
    report = await csatReport({ quarter: values.quarter, team: values.team });
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    console.error(`${err.message}\n${USAGE}`);
    return 2;
  }
  console.log(values.json ? reportJson(report) : reportTable(report));
  return 0;
}
