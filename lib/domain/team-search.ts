/** The longest search the overview accepts; longer text is cut, not refused (display only). */
export const TEAM_SEARCH_MAX = 100;

/** Lower-cased, accents removed and spaces collapsed, so "Jose" finds "José" and "  team  a" finds "Team A". */
function fold(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}/gu, "").toLocaleLowerCase("en").replace(/\s+/g, " ").trim();
}

/**
 * The overview's "team or manager" search: every word of the query must appear in the team's
 * name or its manager's name. An empty query matches everything.
 */
export function teamSearchMatcher(query: string | undefined): (team: { team: string; manager: string | null }) => boolean {
  const words = fold((query ?? "").slice(0, TEAM_SEARCH_MAX))
    .split(" ")
    .filter(Boolean);
  if (words.length === 0) return () => true;
  return ({ team, manager }) => {
    const haystack = `${fold(team)} ${fold(manager ?? "")}`;
    return words.every((w) => haystack.includes(w));
  };
}
