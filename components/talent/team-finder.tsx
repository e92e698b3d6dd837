import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TEAM_SEARCH_MAX } from "@/lib/domain/team-search";
import type { ScopedTeam } from "@/lib/dal/talent";
import { talentHref } from "./talent-header";

/** How many matching teams are listed to pick from before asking for a narrower search. */
export const TEAM_FINDER_LIST = 20;

interface Props {
  action: string;
  cycleKey: string;
  query?: string;
  /** The teams the search matched, when it matched more than one (or none). */
  matches?: ScopedTeam[];
  /** The team the page is narrowed to, named so it can be cleared. */
  narrowedTo?: string;
}

/**
 * Narrow a talent page to one team by team or manager name: a GET form, so the view is a
 * shareable link. One match opens that team; several are listed to pick from. A text field, not a
 * select: a large organisation's 1,000 teams made a select that was most of the page.
 */
export function TeamFinder({ action, cycleKey, query, matches, narrowedTo }: Props) {
  const clearHref = talentHref(action, { cycle: cycleKey });
  return (
    <div className="no-print space-y-2">
      <form method="get" action={action} role="search" className="flex flex-wrap items-end gap-3" aria-label="Find a team">
        <input type="hidden" name="cycle" value={cycleKey} />
        <label className="text-sm">
          <span className="block font-medium text-slate-800">Team or manager</span>
          <input
            type="search"
            name="q"
            defaultValue={query ?? ""}
            maxLength={TEAM_SEARCH_MAX}
            placeholder="e.g. Portland or Mia"
            className="mt-1 w-56 rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
          />
        </label>
        <Button type="submit" variant="secondary">
          Show
        </Button>
        {narrowedTo && (
          <p className="text-sm text-slate-700">
            Showing {narrowedTo}.{" "}
            <Link href={clearHref} className="font-medium text-brand-800 underline">
              Show all teams
            </Link>
          </p>
        )}
      </form>
      {matches && (
        <div className="text-sm" role="status">
          {matches.length === 0 ? (
            <p>No team or manager matches “{query}”.</p>
          ) : (
            <>
              <p>
                {matches.length} teams match “{query}”
                {matches.length > TEAM_FINDER_LIST
                  ? `; the first ${TEAM_FINDER_LIST} are listed, so narrow the search to see the others`
                  : ""}
                . Pick one:
              </p>
              <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1">
                {matches.slice(0, TEAM_FINDER_LIST).map((t) => (
                  <li key={t.id}>
                    <Link href={talentHref(action, { cycle: cycleKey, team: t.id })} className="text-brand-700 underline">
                      {t.name}
                    </Link>
                    {t.manager && <span className="text-slate-700"> ({t.manager.name})</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
