import "server-only";
import { z } from "zod";
import { agentCsatTrend, recentComments, type CsatComment } from "@/lib/csat/queries";
import { organisationCsatFigures } from "./organisation-csat";
import { csatBand, type CsatBand } from "@/lib/domain/csat-band";
import type { CsatFigure } from "@/lib/domain/csat";
import { lastQuarters, quarterOf, QUARTER_KEY } from "@/lib/domain/quarter";
import { verifySession } from "./session";

/**
 * "My customers": the viewer's own CSAT and customer comments. The employee id always comes from
 * the session, never from the request, so there is no parameter through which anyone could read
 * another agent's numbers or comments. Figures come from csat_rollups (lib/csat/queries).
 */

export const MY_CSAT_QUARTERS = 4;

export interface MyCsatQuarter {
  quarter: string;
  mine: CsatFigure;
  organisation: CsatFigure;
  /** Decided by the viewer's 95% interval against the organisation's figure. */
  band: CsatBand;
}

/** The viewer's CSAT for the last quarters (oldest first), each next to the organisation's. */
export async function getMyCsat(now = Date.now()): Promise<MyCsatQuarter[]> {
  const viewer = await verifySession();
  const quarters = lastQuarters(quarterOf(now), MY_CSAT_QUARTERS);
  const organisationByQuarter = await organisationCsatFigures(quarters);
  return (await agentCsatTrend(viewer.id, quarters)).map(({ quarter, ...mine }) => {
    const organisation = organisationByQuarter.get(quarter)!;
    return { quarter, mine, organisation, band: csatBand(mine, organisation.csat) };
  });
}

export const commentFilterSchema = z.object({
  quarter: z.string().regex(QUARTER_KEY).optional().catch(undefined),
  sentiment: z.enum(["positive", "negative"]).optional().catch(undefined),
  search: z.string().trim().max(100).optional().catch(undefined),
});
export type CommentFilter = z.infer<typeof commentFilterSchema>;

export const MY_COMMENTS_LIMIT = 50;

/** What the viewer's own customers wrote, newest first; filters that do not parse are ignored. */
export async function getMyComments(raw: unknown): Promise<{ filter: CommentFilter; comments: CsatComment[] }> {
  const viewer = await verifySession();
  const parsed = commentFilterSchema.safeParse(raw ?? {});
  const filter: CommentFilter = parsed.success ? parsed.data : {};
  const comments = await recentComments(viewer.id, {
    quarter: filter.quarter,
    sentiment: filter.sentiment,
    search: filter.search || undefined,
    limit: MY_COMMENTS_LIMIT,
  });
  return { filter, comments };
}
