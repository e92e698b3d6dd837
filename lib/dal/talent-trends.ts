import "server-only";
import { getDb } from "@/db/client";
import type { CsatFigure } from "@/lib/domain/csat";
import { periodFigures, type PeriodCounts } from "@/lib/domain/talent-figures";
import { lastQuarters } from "@/lib/domain/quarter";
import { resolveTalent, type TalentInput, type TalentResult } from "./talent";
import * as load from "./talent-load";
import { scopedTeams, type TalentCycle } from "./talent-scope";

/** Quarters on the trends page, ending with the chosen cycle. */
export const TREND_QUARTERS = 6;

export interface TrendPoint {
  quarter: string;
  /** Submitted reviews in the quarter's cycle: the base of the keeper rate. */
  submitted: number;
  keeperRate: number | null;
  csat: CsatFigure;
}

export interface TrendSeries {
  /** Null for the organisation. */
  teamId: number | null;
  label: string;
  points: TrendPoint[];
}

export interface TalentTrends {
  cycle: TalentCycle;
  quarters: string[];
  organisation: TrendSeries;
  teams: TrendSeries[];
}

/** The same keeper rate and CSAT as the team review's (talent-figures.ts periodFigures). */
function point(quarter: string, counts: PeriodCounts | undefined): TrendPoint {
  return { quarter, ...periodFigures(counts) };
}

/**
 * Keeper rate and CSAT per quarter for the organisation and each team the viewer may see, over
 * the TREND_QUARTERS quarters ending with the chosen cycle. Leading quarters with no data at all
 * are dropped, so a new installation does not chart a row of empty quarters.
 */
export async function getTalentTrends(raw: TalentInput): Promise<TalentResult<TalentTrends>> {
  const resolved = await resolveTalent(raw, "/talent/trends");
  if (!resolved.ok) return resolved;
  const { viewer, cycle, filter } = resolved.value;
  const db = getDb();
  const teams = await scopedTeams(db, viewer, cycle, filter);
  const all = lastQuarters(cycle.key, TREND_QUARTERS);

  const organisation = await load.loadOrganisation(db, viewer, all);
  const keeper = await load.loadTeamKeeper(db, viewer, all, filter);
  const csat = await load.loadTeamCsat(db, viewer, all, filter);
  const first = organisation.findIndex((o) => o.submitted > 0 || o.responses > 0);
  const quarters = first < 0 ? all.slice(-1) : all.slice(first);

  return {
    ok: true,
    value: {
      cycle,
      quarters,
      organisation: {
        teamId: null,
        label: "Organisation",
        points: quarters.map((q) =>
          point(
            q,
            organisation.find((o) => o.quarter === q),
          ),
        ),
      },
      teams: teams.map((team) => ({
        teamId: team.id,
        label: team.name,
        points: quarters.map((q) => {
          const k = keeper.find((row) => row.teamId === team.id && row.quarter === q);
          const c = csat.find((row) => row.teamId === team.id && row.quarter === q);
          return point(q, {
            submitted: k?.submitted ?? 0,
            fightHard: k?.fightHard ?? 0,
            responses: c?.responses ?? 0,
            satisfied: c?.satisfied ?? 0,
          });
        }),
      })),
    },
  };
}
