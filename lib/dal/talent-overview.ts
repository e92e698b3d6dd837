import "server-only";
import { groupBy } from "@/lib/group-by";
import { getDb } from "@/db/client";
import { csatFigure, type CsatFigure } from "@/lib/domain/csat";
import { keeperRateOf, type KeeperAnswer } from "@/lib/domain/keeper";
import { previousQuarter } from "@/lib/domain/quarter";
import {
  changeSincePrevious,
  talentAggregate,
  traitAveragesFromTotals,
  type Change,
  type Completion,
  type OverviewSortable,
  type TraitAverage,
} from "@/lib/domain/talent-aggregates";
import { organisationFigures, personFigures, teamManagerFlag } from "@/lib/domain/talent-figures";
import { talentScopeKey } from "./policy";
import { memoUntilTalentChange } from "./read-memo";
import { resolveTalent, teamsInScope, type OrganisationTalent, type TalentInput, type TalentResult } from "./talent";
import * as load from "./talent-load";
import type { ScopedTeam, TalentCycle } from "./talent-scope";

/**
 * The organisation overview: one row of figures per team, without the people. It gives the same
 * figures as getTalentReport's teams (tests compare the two), but sums in SQL and per person only
 * the six numbers a flag needs, so 10,000 agents cost one pass instead of 10,000 people objects,
 * 30,000 ratings and a grid per team.
 */

export interface TeamOverview extends OverviewSortable {
  id: number;
  team: string;
  manager: string | null;
  headcount: number;
  completion: Completion;
  submitted: number;
  keeperRate: number | null;
  distribution: Record<KeeperAnswer, number>;
  traitAverages: TraitAverage[];
  csat: CsatFigure;
  change: Change;
  flagCount: number;
}

export interface TalentOverview {
  cycle: TalentCycle & { previousKey: string };
  traits: load.CycleTraitRow[];
  organisation: OrganisationTalent;
  teams: TeamOverview[];
  /** Every team the viewer may see, whatever the filter: options for the filter controls. */
  teamOptions: ScopedTeam[];
}

export async function getTalentOverview(raw: TalentInput, resource = "/talent"): Promise<TalentResult<TalentOverview>> {
  const resolved = await resolveTalent(raw, resource);
  if (!resolved.ok) return resolved;
  const { viewer, cycle, filter } = resolved.value;
  const db = getDb();
  // The scope is in the key: HR all see the same organisation; anyone else sees their subtree.
  const key = JSON.stringify(["overview", talentScopeKey(viewer), cycle.id, cycle.state, filter]);
  return memoUntilTalentChange(
    db,
    key,
    async (): Promise<TalentResult<TalentOverview>> => {
      const scoped = await teamsInScope(viewer, cycle, filter, true);
      if (!scoped.ok) return scoped;
      const { teams, teamOptions } = scoped.value;
      const previousKey = previousQuarter(cycle.key);
      const traits = await load.loadCycleTraits(db, cycle);
      const [orgNow, orgThen] = await load.loadOrganisation(db, viewer, [cycle.key, previousKey]);
      const organisation = organisationFigures(orgNow, orgThen);

      const people = groupBy(await load.loadPersonFigures(db, viewer, cycle, previousKey, filter), (p) => p.teamId);
      const traitTotals = groupBy(await load.loadTeamTraitTotals(db, viewer, cycle, filter), (t) => t.teamId);
      const keeperThen = new Map((await load.loadTeamKeeper(db, viewer, [previousKey], filter)).map((k) => [k.teamId, k]));
      // Last quarter's team CSAT is that quarter's own record's, as the team review and trends have it.
      const csatThen = new Map((await load.loadTeamCsat(db, viewer, [previousKey], filter)).map((c) => [c.teamId, c]));
      const managerKeeper = new Map((await load.loadManagerKeeper(db, viewer, cycle, filter)).map((m) => [m.reviewerId, m]));

      const rows = teams.map((team): TeamOverview => {
        const members = people.get(team.id) ?? [];
        let flagCount = 0;
        // A team's CSAT is the sum of its people's rollups (what loadTeamCsat sums in SQL).
        const counts = { responses: 0, satisfied: 0 };
        for (const p of members) {
          counts.responses += p.responses;
          counts.satisfied += p.satisfied;
          // The same per-person figures as getTalentReport (talent-figures.ts), drafts not counted.
          flagCount += personFigures(p, { organisationCsat: organisation.csat.csat, previousQuarter: previousKey }).flags.length;
        }
        const aggregate = talentAggregate({
          headcount: members.length,
          reviews: members.flatMap((p) => (p.status === null ? [] : [{ status: p.status, keeperAnswer: p.keeperAnswer, ratings: [] }])),
          traitKeys: [],
        });
        const csat = csatFigure(counts.satisfied, counts.responses);
        const then = keeperThen.get(team.id);
        // Last quarter's team CSAT is that quarter's own record's (csatThen), as the team review and trends have it.
        const previous = {
          keeperRate: keeperRateOf(then),
          csat: csatFigure(csatThen.get(team.id)?.satisfied ?? 0, csatThen.get(team.id)?.responses ?? 0),
        };
        const managerFlag = teamManagerFlag(
          team.manager,
          team.manager ? managerKeeper.get(team.manager.id) : undefined,
          organisation.keeperRate,
        );
        return {
          id: team.id,
          team: team.name,
          manager: team.manager?.name ?? null,
          headcount: members.length,
          completion: aggregate.completion,
          submitted: aggregate.submitted,
          keeperRate: aggregate.keeperRate,
          distribution: aggregate.keeperDistribution,
          traitAverages: traitAveragesFromTotals(
            traits.map((t) => t.key),
            traitTotals.get(team.id) ?? [],
          ),
          csat,
          change: changeSincePrevious({ keeperRate: aggregate.keeperRate, csat }, previous),
          flagCount: flagCount + (managerFlag ? 1 : 0),
        };
      });

      return {
        ok: true,
        value: {
          cycle: { ...cycle, previousKey },
          traits,
          organisation,
          teams: rows,
          teamOptions,
        },
      };
    },
    (result) => result.ok,
  );
}
