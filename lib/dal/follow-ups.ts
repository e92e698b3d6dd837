import { exec } from "@/db/raw";
import "server-only";
import { sql } from "drizzle-orm";
import { getDb, writeTx } from "@/db/client";
import { followUpSchema } from "@/lib/domain/follow-ups";
import { followUpRows, type FollowUpRow } from "@/lib/follow-ups/queue";
import { recordAudit, recordDenied } from "./audit";
import { canUseTalent, employeeVisibleSql } from "./policy";
import { verifySession, type Viewer } from "./session";

/**
 * Follow-ups of unsure and let_go answers (docs/decisions/0017-keeper-outcomes.md). A person's
 * current manager records one; HR and anyone above the person read them. Nobody sees their own:
 * the follow-up names the answer, which a cycle may keep from the person (cycles.shareKeeper).
 */

export type { FollowUpRow } from "@/lib/follow-ups/queue";

export interface FollowUpsView {
  /** The first FOLLOW_UP_LIST_LIMIT of each, the viewer's own to record first. */
  pending: (FollowUpRow & { canRecord: boolean })[];
  recorded: (FollowUpRow & { canRecord: boolean })[];
  pendingTotal: number;
  recordedTotal: number;
}

/** An organisation of 10,000 has thousands of open follow-ups; HR's page lists this many of each. */
export const FOLLOW_UP_LIST_LIMIT = 200;

export type FollowUpResult = { ok: true; message: string } | { ok: false; message: string; fieldErrors: Record<string, string> };

/** Everyone the viewer may see (policy.ts), never their own. */
function visibleSql(viewer: Viewer) {
  return sql`e.id <> ${viewer.id} and ${employeeVisibleSql(viewer, sql`e.id`)}`;
}

/** HR: everyone's; a manager: their subtree's. Null (audited) for people with no reports. */
export async function listFollowUps(): Promise<FollowUpsView | null> {
  const viewer = await verifySession();
  if (!canUseTalent(viewer)) {
    await recordDenied(viewer.id, "page", "/follow-ups", "not hr or a manager");
    return null;
  }
  const rows = (await followUpRows(getDb(), visibleSql(viewer))).map((r) => ({ ...r, canRecord: r.managerId === viewer.id }));
  // Stable sort: the viewer's own first, then the query's order (newest cycle, then name).
  const mineFirst = (list: typeof rows) => [...list].sort((a, b) => Number(b.canRecord) - Number(a.canRecord));
  const pending = mineFirst(rows.filter((r) => r.kind === null));
  const recorded = mineFirst(rows.filter((r) => r.kind !== null));
  return {
    pending: pending.slice(0, FOLLOW_UP_LIST_LIMIT),
    recorded: recorded.slice(0, FOLLOW_UP_LIST_LIMIT),
    pendingTotal: pending.length,
    recordedTotal: recorded.length,
  };
}

/** The person's current manager records (or corrects) what happened after the answer. Audited. */
export async function recordFollowUp(raw: unknown, now = Date.now()): Promise<FollowUpResult> {
  const viewer = await verifySession();
  const parsed = followUpSchema(new Date(now).toISOString().slice(0, 10)).safeParse(raw);
  const reviewId = Number((raw as { reviewId?: unknown })?.reviewId);
  return writeTx(async (db): Promise<FollowUpResult> => {
    const target =
      Number.isInteger(reviewId) && reviewId > 0 ? (await followUpRows(db, sql`r.id = ${reviewId} and m.id = ${viewer.id}`))[0] : undefined;
    if (!target) {
      await recordDenied(
        viewer.id,
        "review",
        String((raw as { reviewId?: unknown })?.reviewId ?? "?"),
        "follow-up: not the person's manager or no follow-up asked",
      );
      return { ok: false, message: "Only the person's manager can record a follow-up for this answer.", fieldErrors: {} };
    }
    if (!parsed.success) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
      return { ok: false, message: "Check the highlighted fields. Nothing was saved.", fieldErrors };
    }
    const { kind, happenedOn, reviewOn, note } = parsed.data;
    await exec(
      db,
      sql`insert into keeper_follow_ups (review_id, kind, happened_on, review_on, note, recorded_by, recorded_at)
      values (${reviewId}, ${kind}, ${happenedOn}, ${reviewOn}, ${note}, ${viewer.id}, ${now})
      on conflict (review_id) do update set kind = excluded.kind, happened_on = excluded.happened_on, review_on = excluded.review_on,
        note = excluded.note, recorded_by = excluded.recorded_by, recorded_at = excluded.recorded_at`,
    );
    await recordAudit({
      actorId: viewer.id,
      action: "review.follow_up",
      targetType: "review",
      targetId: reviewId,
      detail: { kind, happenedOn, reviewOn },
    });
    return { ok: true, message: `Recorded the follow-up for ${target.employeeName}.` };
  });
}
