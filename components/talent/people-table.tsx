import Link from "next/link";
import { ReviewStatusBadge } from "@/components/review-status-badge";
import { CSAT_BAND_LABELS } from "@/lib/domain/csat-band";
import { KEEPER_SHORT_LABELS } from "@/lib/domain/keeper";
import type { CycleTraitRow, TalentPerson } from "@/lib/dal/talent";
import { CalibrateDisclosure } from "./calibrate-disclosure";
import { CalibrationForm } from "./calibration-form";
import { CsatCell } from "./csat-text";
import { FlagList } from "./flag-list";
import { TableScroll } from "@/components/ui/table-scroll";

interface Props {
  cycleKey: string;
  people: TalentPerson[];
  traits: CycleTraitRow[];
  historyQuarters: string[];
  caption: string;
  /** Show the team column (the calibration view mixes teams). */
  teamNames?: Map<number, string>;
}

function Score({ person, traitId }: { person: TalentPerson; traitId: number }) {
  const s = person.ratings[traitId];
  if (!s) return <span className="text-slate-600">—</span>;
  if (s.notObserved)
    return (
      <abbr title="Not observed" className="no-underline">
        n/o
      </abbr>
    );
  return <span className="tabular-nums">{s.rating ?? "—"}</span>;
}

export function calibrationTraits(person: TalentPerson, traits: CycleTraitRow[]) {
  return traits.map((t) => ({
    cycleTraitId: t.id,
    label: t.label,
    rating: person.ratings[t.id]?.rating ?? null,
    notObserved: person.ratings[t.id]?.notObserved ?? false,
  }));
}

/**
 * Everyone in scope with their keeper answer, trait ratings, CSAT, the last quarters' answers and
 * flags. Where the viewer may calibrate (decided by the data layer), a row opens a calibration form.
 */
export function PeopleTable({ cycleKey, people, traits, historyQuarters, caption, teamNames }: Props) {
  const columns = 6 + traits.length + (teamNames ? 1 : 0);
  return (
    <TableScroll>
      <table className="w-full min-w-[60rem] text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <thead className="border-b border-slate-300 text-slate-800">
          <tr>
            <th scope="col" className="py-2 pr-3 align-bottom">
              Name
            </th>
            {teamNames && (
              <th scope="col" className="py-2 pr-3 align-bottom">
                Team
              </th>
            )}
            <th scope="col" className="py-2 pr-3 align-bottom">
              Status
            </th>
            <th scope="col" className="py-2 pr-3 align-bottom">
              Keeper answer
            </th>
            {traits.map((t) => (
              <th key={t.id} scope="col" className="max-w-24 py-2 pr-3 align-bottom text-xs font-semibold">
                {t.label}
              </th>
            ))}
            <th scope="col" className="py-2 pr-3 align-bottom">
              CSAT
            </th>
            <th scope="col" className="py-2 pr-3 align-bottom">
              Last {historyQuarters.length} quarters
            </th>
            <th scope="col" className="py-2 align-bottom">
              Flags
            </th>
          </tr>
        </thead>
        <tbody>
          {people.flatMap((p) => {
            const row = (
              <tr key={p.employeeId} className="border-t border-slate-100 align-top *:py-2 *:pr-3">
                <th scope="row" className="font-medium">
                  <Link href={`/reviews/${cycleKey}/${p.employeeId}`} className="text-brand-700 underline underline-offset-2">
                    {p.name}
                  </Link>
                </th>
                {teamNames && <td>{teamNames.get(p.teamId)}</td>}
                <td>
                  <ReviewStatusBadge status={p.status} />
                </td>
                <td>{p.keeperAnswer ? KEEPER_SHORT_LABELS[p.keeperAnswer] : "—"}</td>
                {traits.map((t) => (
                  <td key={t.id}>
                    <Score person={p} traitId={t.id} />
                  </td>
                ))}
                <td>
                  <CsatCell figure={p.csat} />
                  {p.band !== "too_few" && <span className="block text-xs text-slate-700">{CSAT_BAND_LABELS[p.band]}</span>}
                </td>
                {/* One text node, its lines kept by CSS: each element costs server time on every view. */}
                <td className="whitespace-pre text-xs">
                  {historyQuarters.map((q, i) => `${q}: ${p.history[i] ? KEEPER_SHORT_LABELS[p.history[i]] : "—"}`).join("\n")}
                </td>
                <td className="min-w-56">
                  <FlagList flags={p.flags} />
                </td>
              </tr>
            );
            if (!p.canCalibrate || !p.keeperAnswer) return [row];
            return [
              row,
              <tr key={`${p.employeeId}-calibrate`} className="no-print">
                <td colSpan={columns} className="pb-3">
                  <CalibrateDisclosure name={p.name}>
                    <CalibrationForm
                      cycleKey={cycleKey}
                      employeeId={p.employeeId}
                      employeeName={p.name}
                      version={p.version}
                      keeperAnswer={p.keeperAnswer}
                      traits={calibrationTraits(p, traits)}
                    />
                  </CalibrateDisclosure>
                </td>
              </tr>,
            ];
          })}
        </tbody>
      </table>
    </TableScroll>
  );
}
