import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Db } from "@/db/client";
import type { KeeperAnswer } from "@/lib/domain/keeper";
import {
  laterQuarter,
  outcomeAnchor,
  outcomeFigures,
  outcomesBy,
  OUTCOME_WINDOWS,
  windowEnd,
  DOUBT_MONTHS,
  type OutcomeFigures,
  type OutcomeGroup,
  type OutcomePerson,
} from "@/lib/domain/keeper-outcomes";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { resolveTalent, type TalentResult } from "./talent";
import { oneCycleSql, participantScopeCtes, type TalentCycle } from "./talent-scope";
import type { Viewer } from "./session";
import { rows as readRows } from "@/db/raw";

/**
 * Keeper accuracy (docs/decisions/0017-keeper-outcomes.md): for past (released or closed)
 * cycles, what became of the people each answer was about. Same access as the talent review: HR
 * sees everyone, a manager the people below them in each cycle's own record (team managers
 * included: their manager answered about them too). "Per manager" is per author of the answer.
 */

/** How many past cycles the summary covers, newest first. */
export const OUTCOME_CYCLES = 8;

export interface OutcomeRow extends OutcomePerson {
  employeeId: number;
  /** The team in the cycle's record. */
  teamId: number | null;
  teamName: string | null;
  /** The manager who gave the answer: the review's author. */
  managerId: number | null;
  managerName: string | null;
}

export interface CycleOutcomes {
  cycle: { key: string; state: TalentCycle["state"] };
  /** The day the figures were worked out, 'YYYY-MM-DD' (UTC). */
  asOf: string;
  anchor: string;
  windows: { months6: string; months12: string; doubt: string; laterQuarter: string };
  scope: OutcomeFigures;
  teams: OutcomeGroup<number | null>[];
  managers: OutcomeGroup<number | null>[];
}

export interface OutcomesReport {
  selected: CycleOutcomes;
  /** The scope's figures for each of the latest past cycles, oldest first (the chart). */
  history: { key: string; state: TalentCycle["state"]; figures: OutcomeFigures }[];
}

async function pastCycles(db: Db, limit: number): Promise<TalentCycle[]> {
  return await readRows<TalentCycle>(
    db,
    sql`select id, key, state from cycles where state in ('released', 'closed') order by key desc limit ${limit}`,
  );
}

async function loadOutcomeRows(db: Db, viewer: Viewer, cycle: TalentCycle): Promise<OutcomeRow[]> {
  const later = laterQuarter(cycle.key);
  const rows = await readRows<Omit<OutcomeRow, "regretted" | "leftUndated"> & { regretted: number | null; leftUndated: number }>(
    db,
    sql`
    with ${participantScopeCtes(viewer, oneCycleSql(cycle))}
    select m.id as "employeeId", m.team_id as "teamId", t.name as "teamName", r.reviewer_id as "managerId", rv.name as "managerName",
      r.keeper_answer as answer, d.left_at as "leftAt", d.regretted as regretted,
      (case when e.active = 0 and d.id is null then 1 else 0 end) as "leftUndated",
      lr.keeper_answer as "laterAnswer", coalesce(lcr.responses, 0) as "laterResponses", coalesce(lcr.satisfied, 0) as "laterSatisfied"
    from scoped_person m
    join reviews r on r.cycle_id = m.cycle_id and r.employee_id = m.id and r.status = 'submitted' and r.keeper_answer is not null
    join employees e on e.id = m.id
    left join teams t on t.id = m.team_id
    left join employees rv on rv.id = r.reviewer_id
    left join departures d on d.employee_id = m.id
    left join cycles lc on lc.key = ${later} and lc.state <> 'draft'
    left join reviews lr on lr.cycle_id = lc.id and lr.employee_id = m.id and lr.status = 'submitted'
    left join csat_rollups lcr on lcr.employee_id = m.id and lcr.quarter = ${later}
    order by m.id`,
  );
  return rows.map((r) => ({
    ...r,
    answer: r.answer as KeeperAnswer,
    regretted: r.regretted === null ? null : Boolean(r.regretted),
    leftUndated: r.leftUndated === 1,
  }));
}

function cycleOutcomes(cycle: TalentCycle, today: string, rows: OutcomeRow[]): CycleOutcomes {
  return {
    cycle: { key: cycle.key, state: cycle.state },
    asOf: today,
    anchor: outcomeAnchor(cycle.key),
    windows: {
      months6: windowEnd(cycle.key, OUTCOME_WINDOWS[0]),
      months12: windowEnd(cycle.key, OUTCOME_WINDOWS[1]),
      doubt: windowEnd(cycle.key, DOUBT_MONTHS),
      laterQuarter: laterQuarter(cycle.key),
    },
    scope: outcomeFigures(cycle.key, today, rows),
    teams: outcomesBy(
      cycle.key,
      today,
      rows,
      (r) => r.teamId,
      (r) => r.teamName ?? "No team",
    ),
    managers: outcomesBy(
      cycle.key,
      today,
      rows,
      (r) => r.managerId,
      (r) => r.managerName ?? "No manager",
    ),
  };
}

/**
 * The outcomes of one past cycle (the given one, else the latest) with the scope's figures for
 * the latest past cycles. `not_found` (audited by resolveTalent) for agents, malformed input and
 * cycles the viewer may not see; `not_found` too for a cycle that is not past yet; `no_cycle`
 * when no cycle has been released.
 */
export async function getKeeperOutcomes(
  raw: { cycle?: string },
  resource = "/talent/outcomes",
  now = Date.now(),
): Promise<TalentResult<OutcomesReport>> {
  const db = getDb();
  const past = await pastCycles(db, OUTCOME_CYCLES);
  const key = raw.cycle ?? past[0]?.key;
  if (key !== undefined && !QUARTER_KEY.test(key)) {
    // Through resolveTalent, so malformed input is audited the same way as on the talent pages.
    return resolveTalent({ cycle: key }, resource) as Promise<TalentResult<never>>;
  }
  const resolved = await resolveTalent(key === undefined ? {} : { cycle: key }, resource);
  if (!resolved.ok) return resolved;
  const { viewer, cycle } = resolved.value;
  if (key === undefined) return { ok: false, reason: "no_cycle" };
  if (cycle.state !== "released" && cycle.state !== "closed") return { ok: false, reason: "not_found" };
  const today = new Date(now).toISOString().slice(0, 10);
  const history = await Promise.all(
    past
      .slice()
      .reverse()
      .map(async (c) => ({
        key: c.key,
        state: c.state,
        figures: c.id === cycle.id ? null : outcomeFigures(c.key, today, await loadOutcomeRows(db, viewer, c)),
      })),
  );
  const selected = cycleOutcomes(cycle, today, await loadOutcomeRows(db, viewer, cycle));
  return {
    ok: true,
    value: { selected, history: history.map((h) => ({ key: h.key, state: h.state, figures: h.figures ?? selected.scope })) },
  };
}
