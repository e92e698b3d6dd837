import Link from "next/link";
import { CSAT_BAND_LABELS, type CsatBand } from "@/lib/domain/csat-band";
import type { CsatFigure } from "@/lib/domain/csat";
import { KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";
import type { KeeperGrid, KeeperGridCell } from "@/lib/domain/keeper-grid";
import type { TalentPerson } from "@/lib/dal/talent";
import { csatText } from "@/lib/csat-format";
import { TableScroll } from "@/components/ui/table-scroll";

const BAND_HEADERS: Record<CsatBand, string> = {
  below: "CSAT below the organisation",
  in_line: "CSAT in line",
  above: "CSAT above the organisation",
  too_few: CSAT_BAND_LABELS.too_few,
};

/** A cell holding someone whose CSAT contradicts their keeper answer (a CSAT flag): shaded so the eye goes there first. */
function hasCsatFlag(cell: KeeperGridCell<TalentPerson>): boolean {
  return cell.people.some((p) => p.flags.some((f) => f.kind === "fight_hard_low_csat" || f.kind === "doubt_high_csat"));
}

function Cell({ cell, cycleKey }: { cell: KeeperGridCell<TalentPerson>; cycleKey: string }) {
  return (
    <td
      className={`border border-slate-200 p-2 align-top ${hasCsatFlag(cell) ? "bg-amber-50" : ""}`}
      data-cell={`${cell.keeperAnswer}:${cell.band}`}
    >
      {cell.people.length === 0 ? (
        <>
          <span aria-hidden="true" className="text-slate-600">
            –
          </span>
          <span className="sr-only">Nobody</span>
        </>
      ) : (
        <ul className="space-y-1">
          {cell.people.map((p) => (
            <li key={p.employeeId}>
              <Link
                href={`/reviews/${cycleKey}/${p.employeeId}`}
                className="text-brand-700 underline underline-offset-2"
                title={csatText(p.csat)}
              >
                {p.name}
              </Link>
              {p.flags.length > 0 && <span className="ml-1 text-xs font-semibold text-amber-900">(flagged)</span>}
            </li>
          ))}
        </ul>
      )}
    </td>
  );
}

/**
 * Keeper × CSAT (DESIGN.md "Talent review"): rows are the keeper answers, columns the CSAT bands
 * decided by each person's 95% interval against the organisation's CSAT. All 16 cells always
 * show: an empty corner is information too.
 */
export function KeeperGridTable({
  grid,
  cycleKey,
  organisationCsat,
  caption,
}: {
  grid: KeeperGrid<TalentPerson>;
  cycleKey: string;
  organisationCsat: CsatFigure;
  caption: string;
}) {
  return (
    <div className="space-y-3">
      <TableScroll>
        <table className="w-full min-w-[40rem] table-fixed border-collapse text-left text-sm">
          <caption className="mb-2 text-left text-sm text-slate-700">
            {caption} Organisation CSAT for {cycleKey}: {csatText(organisationCsat)}. A person is above or below only when their whole
            interval is.
          </caption>
          <thead>
            <tr>
              <th scope="col" className="w-36 border border-slate-200 bg-slate-50 p-2">
                <span className="sr-only">Keeper answer</span>
              </th>
              {grid.rows[0].cells.map((c) => (
                <th key={c.band} scope="col" className="border border-slate-200 bg-slate-50 p-2 font-semibold">
                  {BAND_HEADERS[c.band]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {grid.rows.map((row) => (
              <tr key={row.keeperAnswer}>
                <th scope="row" className="border border-slate-200 bg-slate-50 p-2 font-semibold">
                  {KEEPER_SHORT_LABELS[row.keeperAnswer]}
                </th>
                {row.cells.map((cell) => (
                  <Cell key={cell.band} cell={cell} cycleKey={cycleKey} />
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </TableScroll>
      {grid.unanswered.length > 0 && (
        <p className="text-sm text-slate-700">
          <span className="font-medium text-slate-900">Not in the grid yet</span> (no submitted review):{" "}
          {grid.unanswered.map((p) => p.name).join(", ")}.
        </p>
      )}
    </div>
  );
}
