import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { cycles, employees, reviews } from "@/db/schema";
import { AGENT_READABLE_STATES, agentsCanRespond } from "@/lib/domain/cycle-state";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { firstName } from "@/lib/domain/keeper";
import { notify } from "@/lib/mail/notify";
import { scheduleDelivery } from "@/lib/mail/outbox";
import { recordAudit, recordDenied } from "./audit";
import { listMyReleasedReviews, type ReviewView } from "./review-read";
import { reviewVisibleSql } from "./policy";
import { verifySession } from "./session";

/** A released review as its subject sees it, with what they may still do about it. */
export interface FeedbackItem {
  review: ReviewView;
  repliedAt: number | null;
  /** Acknowledging and replying are possible while the cycle is released, not once it is closed. */
  canAcknowledge: boolean;
  canReply: boolean;
}

export interface TraitTrendRow {
  key: string;
  label: string;
  /** One entry per quarter, oldest first; null when the trait was not in that cycle or not rated. */
  ratings: (number | null)[];
}

export interface TraitTrend {
  quarters: string[];
  rows: TraitTrendRow[];
}

/** Traits by quarter, oldest quarter first, keyed by trait key so a renamed trait stays one row. */
export function buildTraitTrend(reviews: readonly ReviewView[]): TraitTrend {
  const ordered = [...reviews].sort((a, b) => a.cycle.key.localeCompare(b.cycle.key));
  const quarters = ordered.map((r) => r.cycle.key);
  const rows = new Map<string, TraitTrendRow>();
  ordered.forEach((review, q) => {
    for (const t of review.traits) {
      const row = rows.get(t.key) ?? { key: t.key, label: t.label, ratings: quarters.map(() => null) };
      row.label = t.label; // the latest cycle's wording
      row.ratings[q] = t.notObserved ? null : t.rating;
      rows.set(t.key, row);
    }
  });
  return { quarters, rows: [...rows.values()] };
}

async function repliedAtFor(viewerId: number, reviewIds: number[]): Promise<Map<number, number | null>> {
  if (reviewIds.length === 0) return new Map();
  const rows = await getDb()
    .select({ id: reviews.id, repliedAt: reviews.repliedAt })
    .from(reviews)
    .where(and(eq(reviews.employeeId, viewerId), inArray(reviews.id, reviewIds)));
  return new Map(rows.map((r) => [r.id, r.repliedAt]));
}

async function toItems(viewerId: number, list: ReviewView[]): Promise<FeedbackItem[]> {
  const replied = await repliedAtFor(
    viewerId,
    list.map((r) => r.id!),
  );
  return list.map((review) => {
    const open = agentsCanRespond(review.cycle.state);
    const repliedAt = replied.get(review.id!) ?? null;
    return { review, repliedAt, canAcknowledge: open && review.acknowledgedAt === null, canReply: open && repliedAt === null };
  });
}

/** The viewer's own released reviews, newest first, and their traits quarter over quarter. */
export async function getMyFeedback(): Promise<{ items: FeedbackItem[]; trend: TraitTrend }> {
  const viewer = await verifySession();
  const list = await listMyReleasedReviews();
  return { items: await toItems(viewer.id, list), trend: buildTraitTrend(list) };
}

/** One of the viewer's own released reviews; null (audited) for anything else. */
export async function getMyFeedbackFor(cycleKey: string): Promise<FeedbackItem | null> {
  const viewer = await verifySession();
  const review = (await listMyReleasedReviews()).find((r) => r.cycle.key === cycleKey);
  if (!review) {
    await recordDenied(viewer.id, "feedback", cycleKey, "no released review of the viewer in this cycle");
    return null;
  }
  return (await toItems(viewer.id, [review]))[0];
}

export type FeedbackResult =
  { ok: true; message: string } | { ok: false; code: "not_found" | "closed" | "already_replied" | "invalid"; message: string };

const ackSchema = z.object({ cycleKey: z.string().regex(QUARTER_KEY) });
const replySchema = ackSchema.extend({
  reply: z.string().trim().min(1, "Write your reply first.").max(2000, "Keep your reply under 2,000 characters."),
});

/** The viewer's own submitted review in a cycle they may read; the rule is in the WHERE clause. */
async function ownReleasedReview(viewerId: number, cycleKey: string) {
  return (
    await getDb()
      .select({
        id: reviews.id,
        state: cycles.state,
        reviewerId: reviews.reviewerId,
        acknowledgedAt: reviews.acknowledgedAt,
        repliedAt: reviews.repliedAt,
        employeeName: employees.name,
      })
      .from(reviews)
      .innerJoin(cycles, eq(cycles.id, reviews.cycleId))
      .innerJoin(employees, eq(employees.id, reviews.employeeId))
      .where(
        and(
          eq(cycles.key, cycleKey),
          eq(reviews.employeeId, viewerId),
          eq(reviews.status, "submitted"),
          inArray(cycles.state, AGENT_READABLE_STATES),
        ),
      )
  )[0];
}

const CLOSED: FeedbackResult = { ok: false, code: "closed", message: "This cycle is closed, so the review is read only." };
const NOT_FOUND: FeedbackResult = { ok: false, code: "not_found", message: "Review not found." };

/** The subject says they have read their review. Idempotent: the first time is kept. */
export async function acknowledgeReview(raw: unknown): Promise<FeedbackResult> {
  const viewer = await verifySession();
  const parsed = ackSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid", message: "Unknown cycle." };
  return writeTx(async (db) => {
    const review = await ownReleasedReview(viewer.id, parsed.data.cycleKey);
    if (!review) {
      await recordDenied(viewer.id, "review", parsed.data.cycleKey, "acknowledge: not the viewer's released review");
      return NOT_FOUND;
    }
    if (review.acknowledgedAt !== null) return { ok: true, message: "You have acknowledged this review." };
    if (!agentsCanRespond(review.state)) return CLOSED;
    await db
      .update(reviews)
      .set({ acknowledgedAt: Date.now() })
      .where(and(eq(reviews.id, review.id), sql`${reviews.acknowledgedAt} is null`));
    await recordAudit({ actorId: viewer.id, action: "review.acknowledge", targetType: "review", targetId: review.id });
    return { ok: true, message: "Acknowledged. Your manager and HR can see that you have read it." };
  });
}

/** The subject's one reply to their review; it acknowledges the review too. The reviewer is told. */
export async function replyToReview(raw: unknown): Promise<FeedbackResult> {
  const viewer = await verifySession();
  const parsed = replySchema.safeParse(raw);
  if (!parsed.success) return { ok: false, code: "invalid", message: parsed.error.issues[0].message };
  const { cycleKey, reply } = parsed.data;
  const result = await writeTx(async (db): Promise<FeedbackResult> => {
    const review = await ownReleasedReview(viewer.id, cycleKey);
    if (!review) {
      await recordDenied(viewer.id, "review", cycleKey, "reply: not the viewer's released review");
      return NOT_FOUND;
    }
    if (review.repliedAt !== null)
      return { ok: false, code: "already_replied", message: "You have already replied to this review; a review takes one reply." };
    if (!agentsCanRespond(review.state)) return CLOSED;
    const now = Date.now();
    await db
      .update(reviews)
      .set({ agentReply: reply, repliedAt: now, acknowledgedAt: review.acknowledgedAt ?? now })
      .where(and(eq(reviews.id, review.id), sql`${reviews.repliedAt} is null`));
    await recordAudit({ actorId: viewer.id, action: "review.reply", targetType: "review", targetId: review.id });
    await notify(
      db,
      {
        recipientId: review.reviewerId,
        kind: "reply_received",
        title: `${firstName(review.employeeName)} replied to their ${cycleKey} review`,
        link: `/reviews/${cycleKey}/${viewer.id}`,
      },
      now,
    );
    return { ok: true, message: "Reply sent. Your manager has been told." };
  });
  if (result.ok) scheduleDelivery();
  return result;
}

export interface ReviewResponse {
  acknowledgedAt: number | null;
  agentReply: string | null;
  repliedAt: number | null;
}

/** The subject's acknowledgement and reply, for anyone who may read the review (manager, HR). */
export async function getReviewResponse(cycleKey: string, employeeId: number): Promise<ReviewResponse | null> {
  const viewer = await verifySession();
  const row = (
    await getDb()
      .select({ acknowledgedAt: reviews.acknowledgedAt, agentReply: reviews.agentReply, repliedAt: reviews.repliedAt })
      .from(reviews)
      .innerJoin(cycles, eq(cycles.id, reviews.cycleId))
      .innerJoin(employees, eq(employees.id, reviews.employeeId))
      .where(and(eq(cycles.key, cycleKey), eq(employees.id, employeeId), reviewVisibleSql(viewer)))
  )[0];
  return row ?? null;
}
