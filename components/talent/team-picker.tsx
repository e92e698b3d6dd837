import { Button } from "@/components/ui/button";
import type { ScopedTeam } from "@/lib/dal/talent";

/** Narrow a talent page to one team: a GET form, so the view is a shareable link. */
export function TeamPicker({ action, cycleKey, teams, teamId }: { action: string; cycleKey: string; teams: ScopedTeam[]; teamId?: number }) {
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3" aria-label="Choose a team">
      <input type="hidden" name="cycle" value={cycleKey} />
      <label className="text-sm">
        <span className="block font-medium text-slate-800">Team</span>
        <select name="team" defaultValue={teamId ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
          <option value="">All teams</option>
          {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
        </select>
      </label>
      <Button type="submit" variant="secondary">Show</Button>
    </form>
  );
}
