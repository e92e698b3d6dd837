import type { ScopedTeam } from "@/lib/dal/talent";

/** The "Team" select shared by the talent filters and the team picker (a GET form field named team). */
export function TeamSelect({ teams, teamId }: { teams: ScopedTeam[]; teamId?: number }) {
  return (
    <label className="text-sm">
      <span className="block font-medium text-slate-800">Team</span>
      <select name="team" defaultValue={teamId ?? ""} className="mt-1 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm">
        <option value="">All teams</option>
        {teams.map((t) => <option key={t.id} value={t.id}>{t.name}</option>)}
      </select>
    </label>
  );
}
