import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { csatCell, CsatOverview } from "@/components/agent/csat-overview";
import { CsatPanel } from "@/components/csat/csat-panel";
import { CsatCell } from "@/components/talent/csat-text";
import { TrendCharts } from "@/components/talent/trend-charts";
import { reportTable } from "@/lib/cli/csat-report";
import { csatCompact, csatText } from "@/lib/csat-format";
import { csatFigure, MIN_RESPONSES } from "@/lib/domain/csat";
import { CSAT_MIN_RESPONSES } from "@/lib/domain/csat-band";
import { formatPercent as domainPercent } from "@/lib/domain/percent";
import { formatPercent as aggregatePercent } from "@/lib/domain/talent-aggregates";
import { formatPercent } from "@/lib/format";

/**
 * One formatter for percents and CSAT wording (issue 13): 57 of 200 satisfied customers once read
 * 28% on "My customers" and 29% on the talent pages. Every path that prints a CSAT figure must
 * print what formatPercent prints.
 */
const figure = csatFigure(57, 200);

function rendered(f: ReturnType<typeof csatFigure>): Record<string, string> {
  const quarter = { quarter: "2026-Q3", mine: f, organisation: f, band: "in_line" as const };
  const trends = {
    cycle: { id: 1, key: "2026-Q3", state: "released" as const },
    quarters: ["2026-Q3"],
    organisation: { teamId: null, label: "Organisation", points: [{ quarter: "2026-Q3", submitted: 1, keeperRate: 0.5, csat: f }] },
    teams: [],
  };
  const panel = {
    employee: { id: 1, name: "Ava", email: "ava@x" },
    quarter: "2026-Q3",
    figure: f,
    organisation: f,
    trend: [{ ...f, quarter: "2026-Q3", organisation: f.csat }],
    comments: [],
  };
  return {
    csatText: csatText(f),
    csatCompact: csatCompact(f),
    agentCell: csatCell(f),
    talentCell: renderToStaticMarkup(createElement(CsatCell, { figure: f })),
    myCustomers: renderToStaticMarkup(createElement(CsatOverview, { quarters: [quarter] })),
    reviewPanel: renderToStaticMarkup(createElement(CsatPanel, { csat: panel, sentiment: undefined, filterHref: () => "/" })),
    trendChart: renderToStaticMarkup(createElement(TrendCharts, { trends })),
    cli: reportTable({ quarter: "2026-Q3", organisation: f, team: null, agents: [] } as unknown as Parameters<typeof reportTable>[0]),
  };
}

describe("one percent formatter", () => {
  it("rounds 57 of 200 to 29% on every page, chart and table (the drift issue 13 found)", () => {
    expect(formatPercent(figure.csat)).toBe("29%");
    const all = rendered(figure);
    for (const [where, text] of Object.entries(all)) {
      if (where === "cli") expect(text, where).toContain("28.5%");
      else {
        expect(text, where).toContain("29%");
        expect(text, where).not.toMatch(/\b28%/);
      }
    }
  });

  it("is the same function wherever it is imported from", () => {
    expect(formatPercent).toBe(domainPercent);
    expect(aggregatePercent).toBe(domainPercent);
  });

  it("prints every CSAT figure as formatPercent does, on every path", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: CSAT_MIN_RESPONSES, max: 5000 }).chain((n) => fc.tuple(fc.integer({ min: 0, max: n }), fc.constant(n))),
        ([satisfied, responses]) => {
          const f = csatFigure(satisfied, responses);
          const expected = formatPercent(satisfied / responses);
          for (const [where, text] of Object.entries(rendered(f))) {
            if (where === "cli") continue;
            expect(text.includes(expected), `${where}: ${text.slice(0, 200)}`).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it("says 'too few responses' below the one minimum, never a bare percentage in the shared wording", () => {
    expect(MIN_RESPONSES).toBe(CSAT_MIN_RESPONSES);
    const few = csatFigure(3, CSAT_MIN_RESPONSES - 1);
    expect(csatText(few)).toBe(`Too few responses (${CSAT_MIN_RESPONSES - 1} responses)`);
    expect(csatText(few)).not.toMatch(/%/);
    expect(csatCompact(few)).not.toMatch(/%/);
    expect(csatCell(few)).toBe(csatText(few));
    expect(csatText(csatFigure(0, 0))).toBe("No responses");
  });

  it("has no other percent formatter in the app's source", () => {
    // `x * 100` followed by toFixed or Math.round is how the copies looked; lib/domain/percent.ts is the one place.
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.(ts|tsx)$/.test(name) && path !== join("lib", "domain", "percent.ts")) {
          const text = readFileSync(path, "utf8");
          if (/\*\s*100\)?\s*\)?\.toFixed\(|Math\.round\([^;]*\*\s*100\)/.test(text)) offenders.push(path);
        }
      }
    };
    for (const root of ["app", "components", "lib"]) walk(root);
    expect(offenders).toEqual([]);
  });
});
