import Link from "next/link";
import { Button } from "@/components/ui/button";
import { TEAM_SEARCH_MAX } from "@/lib/domain/team-search";

interface Props {
  cycleKey: string;
  query?: string;
  /** A team or manager chosen by a link (`?team=` / `?manager=`), named so it can be cleared. */
  narrowedTo?: string;
  clearHref: string;
  sort?: string;
  dir?: string;
}

/**
 * Find teams by team or manager name: a GET form, so the filtered view is a shareable link. A
 * text field rather than selects: with 1,000 teams and 1,000 managers the options alone were a
 * third of the page (docs/PERFORMANCE.md).
 */
export function OverviewFilters({ cycleKey, query, narrowedTo, clearHref, sort, dir }: Props) {
  return (
    <form method="get" action="/talent" role="search" className="no-print flex flex-wrap items-end gap-3" aria-label="Filter teams">
      <input type="hidden" name="cycle" value={cycleKey} />
      {sort && <input type="hidden" name="sort" value={sort} />}
      {dir && <input type="hidden" name="dir" value={dir} />}
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
        Filter
      </Button>
      {(query || narrowedTo) && (
        <p className="text-sm text-slate-700">
          {narrowedTo ? <>Showing {narrowedTo}. </> : null}
          <Link href={clearHref} className="font-medium text-brand-800 underline">
            Clear filter
          </Link>
        </p>
      )}
    </form>
  );
}
