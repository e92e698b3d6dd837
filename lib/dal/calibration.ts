import "server-only";
import { sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx, type Db } from "@/db/client";
import { calibrationChanges, reviewRatings } from "@/db/schema";
import { canCalibrateReview, isCalibrating, type CycleState, type ReviewStatus } from "@/lib/domain/cycle-state";
import { KEEPER_ANSWERS, type KeeperAnswer } from "@/lib/domain/keeper";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { MAX_REASON } from "@/lib/domain/review-validation";
import { recordAudit, recordDenied } from "./audit";
import { calibratorSql, reviewVisibleSql } from "./policy";
import { verifySession, type Viewer } from "./session";
import { rows as readRows, row as readRow, exec } from "@/db/raw";

/**
 * Calibration (DESIGN.md "Review cycles"): while a cycle is in `calibration`, HR and the
 * reviewer's own manager may change the keeper answer and trait ratings of submitted reviews.
 * Every changed field is kept in calibration_changes (who, when, before, after, why) and audited.
 */

export const calibrationSchema = z.object({
  cycleKey: z.string().regex(QUARTER_KEY, "Not a cycle."),
  employeeId: z.number().int().positive(),
  /** The version the form was showing, so a second calibrator never overwrites the first unseen. */
  version: z.number().int().min(1),
  keeperAnswer: z.enum(KEEPER_ANSWERS),
  traits: z
    .array(
      z
        .object({ cycleTraitId: z.number().int().positive(), rating: z.number().int().min(1).max(5).nullable(), notObserved: z.boolean() })
        // A submitted review rates every trait or marks it not observed; calibration keeps it so.
        .refine((t) => t.notObserved || t.rating !== null, "Rate this trait or mark it not observed."),
    )
    .max(50),
  reason: z.string().trim().min(1, "Give a reason for the change.").max(MAX_REASON, `Keep the reason under ${MAX_REASON} characters.`),
});
export type CalibrationInput = z.input<typeof calibrationSchema>;

export type CalibrationResult =
  | { ok: true; version: number; changes: number; message: string }
  | { ok: false; code: "invalid"; message: string; fieldErrors: Record<string, string> }
  | { ok: false; code: "not_found" | "locked" | "not_submitted" | "stale" | "unchanged"; message: string };

const MESSAGES = {
  not_found: "Review not found, or you can't calibrate it.",
  locked: "Reviews can only be calibrated while the cycle is in calibration.",
  not_submitted: "Only submitted reviews can be calibrated.",
  stale: "Someone changed this review since you opened it. Nothing was saved: reload to see the latest version.",
  unchanged: "Nothing changed: pick a different answer or rating first.",
} as const;

const fail = (code: keyof typeof MESSAGES): CalibrationResult => ({ ok: false, code, message: MESSAGES[code] });

/** Stored form of a rating in the history: "1".."5", "not_observed", or null when unrated. */
function ratingValue(rating: number | null, notObserved: boolean): string | null {
  return notObserved ? "not_observed" : rating === null ? null : String(rating);
}

interface Target {
  reviewId: number;
  cycleId: number;
  state: CycleState;
  status: ReviewStatus;
  version: number;
  keeperAnswer: KeeperAnswer | null;
}

/** The review, only when the viewer may calibrate it (the rule is in the query). */
async function calibrationTarget(db: Db, viewer: Viewer, cycleKey: string, employeeId: number): Promise<Target | undefined> {
  return await readRow<Target | undefined>(
    db,
    sql`
    select r.id as "reviewId", c.id as "cycleId", c.state as state, r.status as status, r.version as version, r.keeper_answer as "keeperAnswer"
    from reviews r join cycles c on c.id = r.cycle_id join employees rv on rv.id = r.reviewer_id
    where c.key = ${cycleKey} and r.employee_id = ${employeeId} and ${calibratorSql(viewer, "r", "rv")}`,
  );
}

export async function calibrateReview(raw: unknown): Promise<CalibrationResult> {
  const viewer = await verifySession();
  const parsed = calibrationSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] ??= issue.message;
    return { ok: false, code: "invalid", message: parsed.error.issues[0].message, fieldErrors };
  }
  const input = parsed.data;
  return writeTx(async (db) => {
    const target = await calibrationTarget(db, viewer, input.cycleKey, input.employeeId);
    if (!target) {
      await recordDenied(viewer.id, "review", `${input.cycleKey}/${input.employeeId}`, "calibrate");
      return fail("not_found");
    }
    if (!isCalibrating(target.state)) return fail("locked");
    if (target.status !== "submitted") return fail("not_submitted");
    if (target.version !== input.version) return fail("stale");

    const current = await readRows<{ cycleTraitId: number; key: string; rating: number | null; notObserved: number }>(
      db,
      sql`
      select ct.id as "cycleTraitId", ct.key as key, rr.rating as rating, coalesce(rr.not_observed, 0) as "notObserved"
      from cycle_traits ct left join review_ratings rr on rr.cycle_trait_id = ct.id and rr.review_id = ${target.reviewId}
      where ct.cycle_id = ${target.cycleId}`,
    );
    const byId = new Map(current.map((t) => [t.cycleTraitId, t]));
    const changes: {
      field: string;
      before: string | null;
      after: string | null;
      cycleTraitId?: number;
      rating?: number | null;
      notObserved?: boolean;
    }[] = [];
    if (input.keeperAnswer !== target.keeperAnswer) {
      changes.push({ field: "keeper_answer", before: target.keeperAnswer, after: input.keeperAnswer });
    }
    for (const t of input.traits) {
      const now = byId.get(t.cycleTraitId);
      if (!now)
        return { ok: false, code: "invalid", message: "Not a trait of this cycle.", fieldErrors: { traits: "Not a trait of this cycle." } };
      const before = ratingValue(now.rating, now.notObserved === 1);
      const rating = t.notObserved ? null : t.rating;
      const after = ratingValue(rating, t.notObserved);
      if (before !== after)
        changes.push({ field: `trait:${now.key}`, before, after, cycleTraitId: t.cycleTraitId, rating, notObserved: t.notObserved });
    }
    if (changes.length === 0) return fail("unchanged");

    const at = Date.now();
    const updated = await exec(
      db,
      sql`
      update reviews set keeper_answer = ${input.keeperAnswer}, version = version + 1, updated_at = ${at}
      where id = ${target.reviewId} and version = ${input.version} and status = 'submitted'`,
    );
    if (updated === 0) return fail("stale");
    for (const c of changes) {
      if (c.cycleTraitId !== undefined) {
        await db
          .insert(reviewRatings)
          .values({
            reviewId: target.reviewId,
            cycleTraitId: c.cycleTraitId,
            rating: c.rating ?? null,
            notObserved: c.notObserved ?? false,
          })
          .onConflictDoUpdate({
            target: [reviewRatings.reviewId, reviewRatings.cycleTraitId],
            set: { rating: c.rating ?? null, notObserved: c.notObserved ?? false },
          });
      }
      await db.insert(calibrationChanges).values({
        reviewId: target.reviewId,
        actorId: viewer.id,
        at,
        field: c.field,
        before: c.before,
        after: c.after,
        reason: input.reason,
      });
      await recordAudit({
        actorId: viewer.id,
        action: "review.calibrate",
        targetType: "review",
        targetId: target.reviewId,
        detail: { cycle: input.cycleKey, employeeId: input.employeeId, field: c.field, before: c.before, after: c.after },
      });
    }
    const n = changes.length;
    return { ok: true, version: input.version + 1, changes: n, message: `Saved ${n} calibration change${n === 1 ? "" : "s"}.` };
  });
}

export interface CalibrationChangeView {
  id: number;
  at: number;
  actor: { id: number; name: string };
  field: string;
  /** The trait's label for 'trait:<key>' fields; "Keeper answer" otherwise. */
  fieldLabel: string;
  before: string | null;
  after: string | null;
  reason: string;
}

export interface ReviewCalibration {
  history: CalibrationChangeView[];
  /** The viewer may calibrate this review now (cycle in calibration, review submitted, allowed). */
  canCalibrate: boolean;
}

/**
 * The calibration history of a review and whether the viewer may calibrate it. Null (and
 * audited) when the viewer may not read the review; the employee themself never sees the
 * history, which holds the discussion behind the answer, as private notes do.
 */
export async function getReviewCalibration(cycleKey: string, employeeId: number): Promise<ReviewCalibration | null> {
  const viewer = await verifySession();
  const db = getDb();
  const review = await readRow<{ id: number; state: CycleState; status: ReviewStatus; canCalibrate: number } | undefined>(
    db,
    sql`
    select reviews.id as id, cycles.state as state, reviews.status as status,
      (case when ${calibratorSql(viewer, "reviews", "rv")} then 1 else 0 end) as "canCalibrate"
    from reviews join cycles on cycles.id = reviews.cycle_id join employees on employees.id = reviews.employee_id
    join employees rv on rv.id = reviews.reviewer_id
    where cycles.key = ${cycleKey} and reviews.employee_id = ${employeeId} and employees.id <> ${viewer.id}
      and ${reviewVisibleSql(viewer)}`,
  );
  if (!review) {
    await recordDenied(viewer.id, "calibration", `${cycleKey}/${employeeId}`, "review not visible or not started");
    return null;
  }
  const rows = await readRows<{
    id: number;
    at: number;
    actorId: number;
    actorName: string;
    field: string;
    before: string | null;
    after: string | null;
    reason: string;
    traitLabel: string | null;
  }>(
    db,
    sql`
    select cc.id as id, cc.at as at, a.id as "actorId", a.name as "actorName", cc.field as field, cc.before as before,
      cc.after as after, cc.reason as reason, ct.label as "traitLabel"
    from calibration_changes cc join employees a on a.id = cc.actor_id
    join reviews r on r.id = cc.review_id
    left join cycle_traits ct on ct.cycle_id = r.cycle_id and cc.field = 'trait:' || ct.key
    where cc.review_id = ${review.id}
    order by cc.at desc, cc.id desc`,
  );
  return {
    history: rows.map((r) => ({
      id: r.id,
      at: r.at,
      actor: { id: r.actorId, name: r.actorName },
      field: r.field,
      fieldLabel: r.field === "keeper_answer" ? "Keeper answer" : (r.traitLabel ?? r.field),
      before: r.before,
      after: r.after,
      reason: r.reason,
    })),
    canCalibrate: review.canCalibrate === 1 && canCalibrateReview(review.state, review.status),
  };
}
