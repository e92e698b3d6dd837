import { describe, expect, it } from "vitest";
import { TEAM_SEARCH_MAX, teamSearchMatcher } from "@/lib/domain/team-search";

const teams = [
  { team: "Team Portland", manager: "Mia Chen" },
  { team: "Team Denver", manager: "Noah Williams" },
  { team: "Équipe Montréal", manager: "José Álvarez" },
  { team: "Night shift", manager: null },
];
const names = (q: string | undefined) => teams.filter(teamSearchMatcher(q)).map((t) => t.team);

describe("teamSearchMatcher", () => {
  it("matches everything when the query is empty", () => {
    expect(names(undefined)).toHaveLength(4);
    expect(names("   ")).toHaveLength(4);
  });

  it("finds a team or its manager by part of a name, in any case", () => {
    expect(names("portl")).toEqual(["Team Portland"]);
    expect(names("NOAH")).toEqual(["Team Denver"]);
    expect(names("team")).toEqual(["Team Portland", "Team Denver"]);
  });

  it("needs every word, across team and manager", () => {
    expect(names("denver noah")).toEqual(["Team Denver"]);
    expect(names("denver mia")).toEqual([]);
  });

  it("ignores accents and extra spaces", () => {
    expect(names("jose   alvarez")).toEqual(["Équipe Montréal"]);
    expect(names("montreal")).toEqual(["Équipe Montréal"]);
  });

  it("treats the query as text, not a pattern, and cuts very long queries", () => {
    expect(names(".*")).toEqual([]);
    expect(names("shift" + " ".repeat(TEAM_SEARCH_MAX) + "zzz")).toEqual(["Night shift"]);
  });
});
