import "server-only";
import { toCsv, type CsvCell } from "@/lib/domain/csv-export";
import { SMALL_SAMPLE, type OutcomeFigures, type Rate, type Window } from "@/lib/domain/keeper-outcomes";
import { roundTo } from "@/lib/domain/talent-aggregates";
import { recordAudit } from "./audit";
import { getKeeperOutcomes } from "./keeper-outcomes";
import { verifySession } from "./session";
import type { TalentResult } from "./talent";

const NOT_YET = "not yet known";
const f4 = (x: number | null | undefined): CsvCell => (x === null || x === undefined ? null : roundTo(x, 4));

/** Count, base, and the rate with its interval only from SMALL_SAMPLE people up. */
function rateCells(r: Rate): CsvCell[] {
  return [r.count, r.of, r.small ? null : f4(r.rate), r.small ? null : f4(r.ci95?.[0]), r.small ? null : f4(r.ci95?.[1])];
}

function windowCells<T>(w: Window<T>, width: number, cells: (known: T) => CsvCell[]): CsvCell[] {
  return w.known ? cells(w) : [NOT_YET, ...Array.from({ length: width - 1 }, () => null)];
}

const RATE_HEADERS = (name: string) => [`${name}`, `${name}: of`, `${name}: rate`, `${name}: 95% low`, `${name}: 95% high`];

export const OUTCOME_CSV_HEADERS = [
  "Cycle",
  "Group",
  "Name",
  "Fight hard answers",
  "Fight hard: left, date not recorded",
  ...RATE_HEADERS("Fight hard left within 6 months"),
  "Of those, regretted (6 months)",
  ...RATE_HEADERS("Fight hard left within 12 months"),
  "Of those, regretted (12 months)",
  "Let go or unsure answers",
  "Let go",
  "Unsure",
  "Let go or unsure: left, date not recorded",
  ...RATE_HEADERS("Let go or unsure still here after two quarters"),
  "Later answer: fight hard",
  "Later answer: keep",
  "Later answer: unsure",
  "Later answer: let go",
  "Later answer: none",
  "Later CSAT",
  "Later CSAT responses",
  "Notes",
];

function notes(f: OutcomeFigures): string | null {
  const out: string[] = [];
  if (f.fightHard.answered - f.fightHard.undated < SMALL_SAMPLE || f.doubt.answered - f.doubt.undated < SMALL_SAMPLE) {
    out.push(`Rates left blank where fewer than ${SMALL_SAMPLE} people`);
  }
  for (const [months, w] of Object.entries(f.fightHard.within)) if (!w.known) out.push(`${months}-month window known from ${w.knownFrom}`);
  return out.length ? out.join(" | ") : null;
}

function figureCells(f: OutcomeFigures): CsvCell[] {
  const d = f.doubt;
  return [
    f.fightHard.answered,
    f.fightHard.undated,
    ...windowCells(f.fightHard.within[6], 6, (w) => [...rateCells(w.left), w.regretted.count]),
    ...windowCells(f.fightHard.within[12], 6, (w) => [...rateCells(w.left), w.regretted.count]),
    d.answered,
    d.letGo,
    d.unsure,
    d.undated,
    ...windowCells(d.afterTwoQuarters, 12, (w) => [
      ...rateCells(w.stillHere),
      w.laterAnswers.fight_hard,
      w.laterAnswers.keep,
      w.laterAnswers.unsure,
      w.laterAnswers.let_go,
      w.laterAnswers.none,
      f4(w.laterCsat.csat),
      w.laterCsat.responses,
    ]),
    notes(f),
  ];
}

/** The keeper-accuracy figures of one past cycle as CSV: the scope, each team, each manager. Audited. */
export async function exportOutcomesCsv(raw: { cycle?: string }): Promise<TalentResult<{ filename: string; csv: string }>> {
  const result = await getKeeperOutcomes(raw, "/api/v1/export/outcomes.csv");
  if (!result.ok) return result;
  const viewer = await verifySession();
  const s = result.value.selected;
  const rows: CsvCell[][] = [
    [s.cycle.key, "All in scope", viewer.isHr ? "Organisation" : "Your reports", ...figureCells(s.scope)],
    ...s.teams.map((t) => [s.cycle.key, "Team", t.label, ...figureCells(t.figures)]),
    ...s.managers.map((m) => [s.cycle.key, "Manager", m.label, ...figureCells(m.figures)]),
  ];
  await recordAudit({
    actorId: viewer.id,
    action: "export.outcomes",
    targetType: "cycle",
    targetId: s.cycle.key,
    detail: { rows: rows.length },
  });
  return { ok: true, value: { filename: `keeper-outcomes-${s.cycle.key}.csv`, csv: toCsv(OUTCOME_CSV_HEADERS, rows) } };
}
