import { TeamSelect } from "./team-select";
import { Button } from "@/components/ui/button";
import type { ScopedTeam } from "@/lib/dal/talent";

interface Props {
  cycleKey: string;
  teams: ScopedTeam[];
  teamId?: number;
  managerId?: number;
  sort?: string;
  dir?: string;
}

/** Filter by team and by manager: a GET form, so the filtered view is a shareable link. */
export function OverviewFilters({ cycleKey, teams, teamId, managerId, sort, dir }: Props) {
  const managers = [...new Map(teams.flatMap((t) => (t.manager ? [[t.manager.id, t.manager] as const] : []))).values()].sort((a, b) => a.name.localeCompare(b.name));
  return (
    <form method="get" action="/talent" className="no-print flex flex-wrap items-end gap-3" aria-label="Filter teams">
      <input type="hidden" name="cycle" value={cycleKey} />
      {sort && <input type="hidden" name="sort" value={sort} />}
      {dir && <input type="hidden" name="dir" value={dir} />}
      <TeamSelect teams={teams} teamId={teamId} />
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Manager</span>
        <select name="manager" defaultValue={managerId ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          <option value="">All managers</option>
          {managers.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <Button type="submit" variant="secondary">Filter</Button>
    </form>
  );
}
