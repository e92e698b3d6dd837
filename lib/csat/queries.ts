import { and, asc, desc, eq, gt, inArray, sql, type SQL } from "drizzle-orm";
import { getDb } from "@/db/client";
import { csatResponses, csatRollups, employees, teams } from "@/db/schema";
import { csatFigure, type CsatFigure } from "@/lib/domain/csat";
import { parseQuarter } from "@/lib/domain/quarter";

// Plain reads with no access checks: the app's data-access layer decides who may call them.
// Figures come from csat_rollups (one row per agent and quarter), never from scanning responses.

export type AgentCsat = CsatFigure & { employeeId: number; email: string; name: string; team: string | null };
export type CsatReport = {
  quarter: string;
  /** Every matched response in the quarter, whatever `team` says: the bar agents are compared with. */
  organisation: CsatFigure;
  /** Present when the report was asked for one team. */
  team?: CsatFigure & { name: string };
  /** Agents with at least one response, by team then name; `tooFew` ones included, never ranked. */
  agents: AgentCsat[];
};
export type CsatComment = {
  id: number;
  source: string;
  ratedAt: number;
  quarter: string;
  satisfied: boolean;
  rawValue: string;
  scale: string;
  channel: string | null;
  comment: string;
  ticketRef: string | null;
};

function checkQuarter(quarter: string): void {
  if (!parseQuarter(quarter)) throw new RangeError(`Not a quarter: '${quarter}' (expected YYYY-Qn, e.g. 2026-Q3)`);
}

const totals = {
  responses: sql<number>`coalesce(sum(${csatRollups.responses}), 0)`,
  satisfied: sql<number>`coalesce(sum(${csatRollups.satisfied}), 0)`,
};

export async function organisationCsat(quarter: string): Promise<CsatFigure> {
  checkQuarter(quarter);
  const row = (await getDb().select(totals).from(csatRollups).where(eq(csatRollups.quarter, quarter)))[0];
  return csatFigure(row?.satisfied ?? 0, row?.responses ?? 0);
}

/** The organisation's figure for several quarters in one grouped query, in the order given. */
export async function organisationCsatByQuarter(quarters: readonly string[]): Promise<Map<string, CsatFigure>> {
  quarters.forEach(checkQuarter);
  const rows = quarters.length
    ? await getDb()
        .select({ quarter: csatRollups.quarter, ...totals })
        .from(csatRollups)
        .where(inArray(csatRollups.quarter, [...quarters]))
        .groupBy(csatRollups.quarter)
    : [];
  const byQuarter = new Map(rows.map((r) => [r.quarter, r]));
  return new Map(quarters.map((q) => [q, csatFigure(byQuarter.get(q)?.satisfied ?? 0, byQuarter.get(q)?.responses ?? 0)]));
}

export async function csatReport({ quarter, team }: { quarter: string; team?: string }): Promise<CsatReport> {
  checkQuarter(quarter);
  const db = getDb();
  let teamId: number | undefined;
  if (team !== undefined) {
    teamId = (await db.select({ id: teams.id }).from(teams).where(eq(teams.name, team)))[0]?.id;
    if (teamId === undefined) throw new RangeError(`No team named '${team}'`);
  }
  const rows = await db
    .select({
      employeeId: csatRollups.employeeId,
      email: employees.email,
      name: employees.name,
      team: teams.name,
      responses: csatRollups.responses,
      satisfied: csatRollups.satisfied,
    })
    .from(csatRollups)
    .innerJoin(employees, eq(employees.id, csatRollups.employeeId))
    .leftJoin(teams, eq(teams.id, employees.teamId))
    .where(
      and(eq(csatRollups.quarter, quarter), gt(csatRollups.responses, 0), teamId === undefined ? undefined : eq(employees.teamId, teamId)),
    )
    .orderBy(asc(teams.name), asc(employees.name), asc(employees.email));
  const agents = rows.map(({ responses, satisfied, ...who }) => ({ ...who, ...csatFigure(satisfied, responses) }));
  const report: CsatReport = { quarter, organisation: await organisationCsat(quarter), agents };
  if (team !== undefined) {
    const sum = (key: "responses" | "satisfied") => rows.reduce((total, r) => total + r[key], 0);
    report.team = { name: team, ...csatFigure(sum("satisfied"), sum("responses")) };
  }
  return report;
}

/** One figure per requested quarter, in the order given; a quarter without responses has zero. */
export async function agentCsatTrend(employeeId: number, quarters: string[]): Promise<(CsatFigure & { quarter: string })[]> {
  quarters.forEach(checkQuarter);
  if (quarters.length === 0) return [];
  const rows = await getDb()
    .select({ quarter: csatRollups.quarter, responses: csatRollups.responses, satisfied: csatRollups.satisfied })
    .from(csatRollups)
    .where(and(eq(csatRollups.employeeId, employeeId), inArray(csatRollups.quarter, quarters)));
  const byQuarter = new Map(rows.map((r) => [r.quarter, r]));
  return quarters.map((quarter) => {
    const r = byQuarter.get(quarter);
    return { quarter, ...csatFigure(r?.satisfied ?? 0, r?.responses ?? 0) };
  });
}

export const COMMENT_LIMIT_MAX = 200;

/** Customers' comments on one agent's ratings, newest first. `search` matches text, case-insensitively. */
export async function recentComments(
  employeeId: number,
  options: { quarter?: string; sentiment?: "positive" | "negative"; search?: string; limit?: number } = {},
): Promise<CsatComment[]> {
  const conditions: (SQL | undefined)[] = [eq(csatResponses.employeeId, employeeId), sql`${csatResponses.comment} IS NOT NULL`];
  if (options.quarter !== undefined) {
    checkQuarter(options.quarter);
    conditions.push(eq(csatResponses.quarter, options.quarter));
  }
  if (options.sentiment) conditions.push(eq(csatResponses.satisfied, options.sentiment === "positive"));
  const search = options.search?.trim();
  if (search) {
    // Escape LIKE's wildcards so a search for "100%" means the text, not a pattern.
    // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
    const pattern = `%${search.toLowerCase().replace(/[\\%_]/g, "\\$&")}%`;
    conditions.push(sql`lower(${csatResponses.comment}) LIKE ${pattern} ESCAPE '\\'`);
  }
  const limit = Math.min(Math.max(Math.trunc(options.limit ?? 20), 1), COMMENT_LIMIT_MAX);
  const rows = await getDb()
    .select({
      id: csatResponses.id,
      source: csatResponses.source,
      ratedAt: csatResponses.ratedAt,
      quarter: csatResponses.quarter,
      satisfied: csatResponses.satisfied,
      rawValue: csatResponses.rawValue,
      scale: csatResponses.scale,
      channel: csatResponses.channel,
      comment: csatResponses.comment,
      ticketRef: csatResponses.ticketRef,
    })
    .from(csatResponses)
    .where(and(...conditions))
    .orderBy(desc(csatResponses.ratedAt), desc(csatResponses.id))
    .limit(limit);
  return rows.map((r) => ({ ...r, comment: r.comment ?? "" }));
}
