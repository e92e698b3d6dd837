import "server-only";
import { and, asc, desc, eq, gt, inArray, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { cycleParticipants, cycleTraits, cycles, employees, reviewRatings, reviews, teams } from "@/db/schema";
import { AGENT_READABLE_STATES, managersCanEdit, type CycleState } from "@/lib/domain/cycle-state";
import type { KeeperAnswer } from "@/lib/domain/keeper";
import { recordDenied } from "./audit";
import { cycleVisibleSql, reviewVisibleSql, reviewWriterSql, unstartedReviewVisibleSql } from "./policy";
import { verifySession, type Viewer } from "./session";

export interface ReviewTraitView {
  cycleTraitId: number;
  key: string;
  label: string;
  description: string;
  levels: string[];
  rating: number | null;
  notObserved: boolean;
  comment: string;
}

export interface ReviewView {
  id: number | null;
  cycle: { id: number; key: string; state: CycleState; dueDate: string | null; shareKeeper: boolean };
  status: "not_started" | "draft" | "submitted";
  version: number;
  updatedAt: number | null;
  submittedAt: number | null;
  employee: { id: number; email: string; name: string; title: string; team: string | null };
  reviewer: { id: number; email: string; name: string } | null;
  /** Null when not answered, or hidden from the employee by the cycle's setting. */
  keeper: { answer: KeeperAnswer; reason: string } | null;
  traits: ReviewTraitView[];
  summary: string;
  /** Present only for readers other than the employee. */
  privateNotes?: string;
  acknowledgedAt: number | null;
  agentReply: string | null;
  /** What the viewer may do, decided here so pages never re-derive access. */
  can: { edit: boolean; reopen: boolean; isSubject: boolean };
  /**
   * Why the employee's current manager may not write it in an open cycle: they are not in the
   * cycle's participant record yet (HR adds late hires), or it is assigned to another reviewer.
   */
  notWritableBecause: "not_in_cycle" | "other_reviewer" | null;
}

const reviewer = alias(employees, "reviewer");

/**
 * The traits of many reviews in two queries (cycle templates, then ratings), not two per review:
 * an agent's feedback lists every released quarter.
 */
async function traitsForRows(rows: readonly ReviewRow[]): Promise<Map<ReviewRow, ReviewTraitView[]>> {
  const db = getDb();
  const cycleIds = [...new Set(rows.map((r) => r.cycleId))];
  const reviewIds = rows.flatMap((r) => (r.reviewId === null ? [] : [r.reviewId]));
  const defs = cycleIds.length
    ? await db.select().from(cycleTraits).where(inArray(cycleTraits.cycleId, cycleIds)).orderBy(asc(cycleTraits.position))
    : [];
  // In slices: SQLite caps bound parameters per statement, and the API may list a whole cycle.
  const ratings = [];
  for (let i = 0; i < reviewIds.length; i += 5000) {
    ratings.push(
      ...(await db
        .select()
        .from(reviewRatings)
        .where(inArray(reviewRatings.reviewId, reviewIds.slice(i, i + 5000)))),
    );
  }
  const defsByCycle = new Map<number, typeof defs>();
  for (const d of defs) defsByCycle.set(d.cycleId, [...(defsByCycle.get(d.cycleId) ?? []), d]);
  const byReviewTrait = new Map(ratings.map((r) => [`${r.reviewId}:${r.cycleTraitId}`, r]));
  return new Map(
    rows.map((row) => [
      row,
      (defsByCycle.get(row.cycleId) ?? []).map((d) => {
        const r = row.reviewId === null ? undefined : byReviewTrait.get(`${row.reviewId}:${d.id}`);
        return {
          cycleTraitId: d.id,
          key: d.key,
          label: d.label,
          description: d.description,
          levels: d.levels,
          rating: r?.rating ?? null,
          notObserved: r?.notObserved ?? false,
          comment: r?.comment ?? "",
        };
      }),
    ]),
  );
}

async function shapeAll(viewer: Viewer, rows: readonly ReviewRow[]): Promise<ReviewView[]> {
  const traits = await traitsForRows(rows);
  return rows.map((row) => shape(viewer, row, traits.get(row) ?? []));
}

function shape(viewer: Viewer, row: ReviewRow, traits: ReviewTraitView[]): ReviewView {
  const isSubject = row.employeeId === viewer.id;
  const status = row.reviewId === null ? "not_started" : (row.status ?? "draft");
  // The same rule the write checks (review-write.ts): the writer predicate and the cycle state.
  const canWrite = row.isWriter === 1 && managersCanEdit(row.cycleState);
  const keeperHidden = isSubject && !row.shareKeeper;
  return {
    id: row.reviewId,
    cycle: { id: row.cycleId, key: row.cycleKey, state: row.cycleState, dueDate: row.dueDate, shareKeeper: row.shareKeeper },
    status,
    version: row.version ?? 0,
    updatedAt: row.updatedAt,
    submittedAt: row.submittedAt,
    employee: { id: row.employeeId, email: row.employeeEmail, name: row.employeeName, title: row.employeeTitle, team: row.teamName },
    reviewer: row.reviewerId ? { id: row.reviewerId, email: row.reviewerEmail!, name: row.reviewerName! } : null,
    keeper: row.keeperAnswer && !keeperHidden ? { answer: row.keeperAnswer, reason: row.keeperReason ?? "" } : null,
    traits,
    summary: row.summary ?? "",
    ...(isSubject ? {} : { privateNotes: row.privateNotes ?? "" }),
    acknowledgedAt: row.acknowledgedAt,
    agentReply: row.agentReply,
    can: { edit: canWrite && status !== "submitted", reopen: canWrite && status === "submitted", isSubject },
    notWritableBecause:
      isSubject || canWrite || row.cycleState !== "open" || row.managerId !== viewer.id
        ? null
        : row.assignedReviewerId === null
          ? "not_in_cycle"
          : "other_reviewer",
  };
}

function baseQuery(viewer: Viewer) {
  return getDb()
    .select({
      reviewId: reviews.id,
      status: reviews.status,
      version: reviews.version,
      updatedAt: reviews.updatedAt,
      submittedAt: reviews.submittedAt,
      keeperAnswer: reviews.keeperAnswer,
      keeperReason: reviews.keeperReason,
      summary: reviews.summary,
      privateNotes: reviews.privateNotes,
      acknowledgedAt: reviews.acknowledgedAt,
      agentReply: reviews.agentReply,
      cycleId: cycles.id,
      cycleKey: cycles.key,
      cycleState: cycles.state,
      dueDate: cycles.dueDate,
      shareKeeper: cycles.shareKeeper,
      employeeId: employees.id,
      employeeEmail: employees.email,
      employeeName: employees.name,
      employeeTitle: employees.title,
      isWriter: sql<number>`(case when ${reviewWriterSql(viewer)} then 1 else 0 end)`,
      assignedReviewerId: cycleParticipants.reviewerId,
      managerId: employees.managerId,
      teamName: teams.name,
      reviewerId: reviewer.id,
      reviewerEmail: reviewer.email,
      reviewerName: reviewer.name,
    })
    .from(employees)
    .innerJoin(cycles, sql`1 = 1`)
    .leftJoin(reviews, and(eq(reviews.employeeId, employees.id), eq(reviews.cycleId, cycles.id)))
    .leftJoin(reviewer, eq(reviewer.id, reviews.reviewerId))
    .leftJoin(cycleParticipants, and(eq(cycleParticipants.cycleId, cycles.id), eq(cycleParticipants.employeeId, employees.id)))
    .leftJoin(teams, eq(teams.id, employees.teamId));
}
type ReviewRow = Awaited<ReturnType<ReturnType<typeof baseQuery>["all"]>>[number];

/** The review of one employee in one cycle, as the viewer may see it; null (and audited) otherwise. */
export async function getReviewForPage(cycleKey: string, employeeId: number): Promise<ReviewView | null> {
  const viewer = await verifySession();
  const row = (
    await baseQuery(viewer).where(
      and(
        eq(cycles.key, cycleKey),
        eq(employees.id, employeeId),
        sql`(case when ${reviews.id} is null then ${unstartedReviewVisibleSql(viewer)} else ${reviewVisibleSql(viewer)} end)`,
        cycleVisibleSql(viewer),
      ),
    )
  )[0];
  if (!row) {
    await recordDenied(viewer.id, "review", `${cycleKey}/${employeeId}`, "not visible to viewer or does not exist");
    return null;
  }
  return (await shapeAll(viewer, [row]))[0];
}

/** A started review by id (API), or null (and audited) when the viewer may not see it. */
export async function getReviewById(id: number): Promise<ReviewView | null> {
  const viewer = await verifySession();
  const row = (await baseQuery(viewer).where(and(eq(reviews.id, id), reviewVisibleSql(viewer))))[0];
  if (!row) {
    await recordDenied(viewer.id, "review", id, "not visible to viewer or does not exist");
    return null;
  }
  return (await shapeAll(viewer, [row]))[0];
}

/** Every started review in a cycle that the viewer may read, newest update first. */
/**
 * One page of the cycle's reviews the viewer may see, in id order (a stable keyset: a review
 * saved between two pages is neither skipped nor repeated). Returns up to `limit + 1` so the
 * caller knows whether another page follows.
 */
export async function listVisibleReviews(cycleKey: string, page: { afterId: number; limit: number }): Promise<ReviewView[]> {
  const viewer = await verifySession();
  const rows = await baseQuery(viewer)
    .where(and(eq(cycles.key, cycleKey), gt(reviews.id, page.afterId), reviewVisibleSql(viewer)))
    .orderBy(asc(reviews.id))
    .limit(page.limit + 1);
  return shapeAll(viewer, rows);
}

/** The viewer's own released reviews, newest cycle first. */
export async function listMyReleasedReviews(): Promise<ReviewView[]> {
  const viewer = await verifySession();
  const rows = await baseQuery(viewer)
    .where(and(eq(employees.id, viewer.id), inArray(cycles.state, AGENT_READABLE_STATES), eq(reviews.status, "submitted")))
    .orderBy(desc(cycles.key));
  return shapeAll(viewer, rows);
}
