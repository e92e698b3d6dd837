import { TeamSelect } from "./team-select";
import { Button } from "@/components/ui/button";
import type { ScopedTeam } from "@/lib/dal/talent";

/** Narrow a talent page to one team: a GET form, so the view is a shareable link. */
export function TeamPicker({ action, cycleKey, teams, teamId }: { action: string; cycleKey: string; teams: ScopedTeam[]; teamId?: number }) {
  return (
    <form method="get" action={action} className="no-print flex flex-wrap items-end gap-3" aria-label="Choose a team">
      <input type="hidden" name="cycle" value={cycleKey} />
      <TeamSelect teams={teams} teamId={teamId} />
      <Button type="submit" variant="secondary">Show</Button>
    </form>
  );
}
