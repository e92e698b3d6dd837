import "server-only";
import { CSAT_BAND_LABELS } from "@/lib/domain/csat-band";
import { toCsv, type CsvCell } from "@/lib/domain/csv-export";
import { KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";
import { roundTo } from "@/lib/domain/percent";
import { recordAudit } from "./audit";
import { verifySession } from "./session";
import { getTalentReport, type TalentInput, type TalentPerson, type TalentResult } from "./talent";

export interface CsvExport {
  filename: string;
  /** RFC 4180, formula-safe (lib/domain/csv-export.ts); no BOM: the HTTP layer adds it. */
  csv: string;
  rows: number;
}

const STATUS_LABELS = { not_started: "Not started", draft: "Draft", submitted: "Submitted" } as const;

function ratingCell(person: TalentPerson, cycleTraitId: number): CsvCell {
  const score = person.ratings[cycleTraitId];
  if (!score) return null;
  return score.notObserved ? "Not observed" : score.rating;
}

const fraction = (value: number | null | undefined): CsvCell => (value === null || value === undefined ? null : roundTo(value, 4));

/**
 * The team table of the talent review as CSV: one row per person in the viewer's scope (so a
 * review not started yet is a row too, with its status), with the columns the table shows.
 * Keeper answer and ratings are those of the submitted review: a draft can still change.
 * Every export is audited ('export.reviews'), because it takes personal data out of Keeper.
 */
export async function exportReviewsCsv(raw: TalentInput): Promise<TalentResult<CsvExport>> {
  const result = await getTalentReport(raw, "/api/v1/export/reviews.csv");
  if (!result.ok) return result;
  const viewer = await verifySession();
  const report = result.value;
  const headers = [
    "Cycle",
    "Team",
    "Manager",
    "Employee ID",
    "Name",
    "Email",
    "Status",
    "Keeper answer",
    ...report.traits.map((t) => t.label),
    "CSAT",
    "CSAT 95% low",
    "CSAT 95% high",
    "CSAT responses",
    "CSAT band",
    ...report.historyQuarters.map((q) => `Keeper ${q}`),
    "Flags",
  ];
  const rows: CsvCell[][] = report.teams.flatMap((team) =>
    team.people.map((p) => [
      report.cycle.key,
      team.team,
      team.manager,
      p.employeeId,
      p.name,
      p.email,
      STATUS_LABELS[p.status],
      p.keeperAnswer ? KEEPER_SHORT_LABELS[p.keeperAnswer] : null,
      ...report.traits.map((t) => ratingCell(p, t.id)),
      fraction(p.csat.csat),
      fraction(p.csat.ci95?.[0]),
      fraction(p.csat.ci95?.[1]),
      p.csat.responses,
      CSAT_BAND_LABELS[p.band],
      ...p.history.map((a) => (a ? KEEPER_SHORT_LABELS[a] : null)),
      p.flags.map((f) => f.message).join(" | ") || null,
    ]),
  );
  const csv = toCsv(headers, rows);
  const teamName = raw.teamName ?? null;
  await recordAudit({
    actorId: viewer.id,
    action: "export.reviews",
    targetType: "cycle",
    targetId: report.cycle.key,
    detail: { team: teamName, rows: rows.length },
  });
  const suffix = teamName
    ? `-${teamName
        .replace(/[^A-Za-z0-9]+/g, "-")
        .replace(/^-|-$/g, "")
        .toLowerCase()}`
    : "";
  return { ok: true, value: { filename: `keeper-reviews-${report.cycle.key}${suffix}.csv`, csv, rows: rows.length } };
}
