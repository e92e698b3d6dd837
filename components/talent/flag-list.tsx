import { FLAG_KINDS, FLAG_LABELS, type Flag, type FlagKind } from "@/lib/domain/calibration-flags";

/** Why each flag exists, in one line: a flag is a question for the calibration meeting, not a verdict. */
export const FLAG_EXPLANATIONS: Record<FlagKind, string> = {
  fight_hard_low_csat: "The manager would fight hard to keep them, but their CSAT interval lies wholly below the organisation's.",
  doubt_high_csat: "The manager is unsure or would let them go, but their CSAT interval lies wholly above the organisation's.",
  keeper_moved: "The keeper answer moved two or more steps since last quarter's cycle.",
  manager_outlier: "The manager's keeper rate is far from the organisation's: its 95% interval excludes the organisation's rate.",
};

/** One person's (or one manager's) flags, each with its specific one-line message. */
export function FlagList({ flags }: { flags: readonly Flag[] }) {
  if (flags.length === 0) return <span className="text-slate-700">None</span>;
  return (
    <ul className="space-y-1">
      {flags.map((f) => (
        <li key={f.kind} className="text-sm">
          <span className="mr-1 inline-flex rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-900">
            {FLAG_LABELS[f.kind]}
          </span>
          <span>{f.message}</span>
        </li>
      ))}
    </ul>
  );
}

/** The four flags DESIGN.md lists, explained, so the meeting reads every flag the same way. */
export function FlagLegend() {
  return (
    <details className="no-print rounded-md border border-slate-200 bg-white p-3 text-sm">
      <summary className="cursor-pointer font-medium">What the calibration flags mean</summary>
      <dl className="mt-2 space-y-2">
        {FLAG_KINDS.map((kind) => (
          <div key={kind}>
            <dt className="font-medium">{FLAG_LABELS[kind]}</dt>
            <dd className="text-slate-700">{FLAG_EXPLANATIONS[kind]}</dd>
          </div>
        ))}
      </dl>
    </details>
  );
}
