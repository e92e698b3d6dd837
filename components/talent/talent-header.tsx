import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CYCLE_STATE_LABELS, type CycleState } from "@/lib/domain/cycle-state";
import { PrintButton } from "./print-button";

export type TalentSection = "overview" | "trends" | "calibration" | "outcomes" | "team";

const SECTIONS: { key: Exclude<TalentSection, "team">; label: string; path: string }[] = [
  { key: "overview", label: "Overview", path: "/talent" },
  { key: "trends", label: "Trends", path: "/talent/trends" },
  { key: "calibration", label: "Calibration", path: "/talent/calibration" },
  { key: "outcomes", label: "Outcomes", path: "/talent/outcomes" },
];

/** Build a link that keeps the query string's meaning explicit (and skips empty values). */
export function talentHref(path: string, params: Record<string, string | number | undefined | null>): string {
  const query = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") query.set(k, String(v));
  const q = query.toString();
  return q ? `${path}?${q}` : path;
}

export function csvHref(cycleKey: string, teamName?: string): string {
  return talentHref("/api/v1/export/reviews.csv", { cycle: cycleKey, team: teamName });
}

interface Props {
  title: string;
  subtitle?: React.ReactNode;
  section: TalentSection;
  cycle: { key: string; state: CycleState };
  cycles: { key: string; state: CycleState }[];
  /** Where the cycle picker submits, and the other query parameters it keeps. */
  path: string;
  keep?: Record<string, string | number | undefined>;
  csv: string;
  printable?: boolean;
}

/** Title, section tabs, cycle picker (a plain GET form: works without JavaScript) and export. */
export function TalentHeader({ title, subtitle, section, cycle, cycles, path, keep = {}, csv, printable }: Props) {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div>
          <h1 className="flex flex-wrap items-center gap-3 text-2xl font-semibold">
            {title}
            <Badge tone={cycle.state === "calibration" ? "amber" : cycle.state === "open" ? "green" : "slate"}>
              {cycle.key} · {CYCLE_STATE_LABELS[cycle.state]}
            </Badge>
          </h1>
          {subtitle && <div className="mt-1 text-slate-700">{subtitle}</div>}
        </div>
        <div className="no-print flex flex-wrap items-center gap-2">
          <a
            href={csv}
            download
            className="inline-flex items-center justify-center rounded-md border border-slate-300 bg-white px-4 py-2 text-sm font-medium text-slate-900 hover:bg-slate-100"
          >
            Download CSV
          </a>
          {printable && <PrintButton />}
        </div>
      </div>
      <div className="no-print flex flex-wrap items-end justify-between gap-3 border-b border-slate-200 pb-3">
        <nav aria-label="Talent review sections" className="flex flex-wrap gap-1">
          {SECTIONS.map((s) => (
            <Link
              key={s.key}
              // Outcomes exist only for past cycles: that tab opens on the latest one.
              href={talentHref(s.path, s.key === "outcomes" && section !== "outcomes" ? {} : { cycle: cycle.key })}
              aria-current={section === s.key ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium ${section === s.key ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
            >
              {s.label}
            </Link>
          ))}
        </nav>
        <form method="get" action={path} className="flex items-end gap-2">
          {Object.entries(keep).map(([k, v]) =>
            v === undefined || v === "" ? null : <input key={k} type="hidden" name={k} value={String(v)} />,
          )}
          <label className="text-sm">
            <span className="block font-medium text-slate-800">Cycle</span>
            <select name="cycle" defaultValue={cycle.key} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
              {cycles.map((c) => (
                <option key={c.key} value={c.key}>
                  {c.key} ({CYCLE_STATE_LABELS[c.state]})
                </option>
              ))}
            </select>
          </label>
          <Button type="submit" variant="secondary">
            Show
          </Button>
        </form>
      </div>
    </div>
  );
}
