import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { writeTx, type Db } from "@/db/client";
import { forShare } from "@/db/dialect";
import { affected, row } from "@/db/raw";
import { cycleTraits, cycles, employees, reviewRatings, reviews } from "@/db/schema";
import { managersCanEdit, type CycleState } from "@/lib/domain/cycle-state";
import { normaliseTraits, reviewSaveSchema, submitErrors, type FieldErrors, type ReviewSaveInput } from "@/lib/domain/review-validation";
import { recordAudit, recordDenied } from "./audit";
import { reviewWriterSql } from "./policy";
import { verifySession, type Viewer } from "./session";

export type SaveResult =
  | { ok: true; version: number; reviewId: number; savedAt: number; status: "draft" | "submitted" }
  | { ok: false; code: "invalid"; message: string; fieldErrors: FieldErrors }
  | { ok: false; code: "stale" | "locked" | "submitted" | "not_found"; message: string };

const MESSAGES = {
  stale:
    "This review was changed in another tab or window since you opened it. Nothing was overwritten: copy anything you want to keep, then reload to see the latest version.",
  locked: "The cycle is no longer open, so reviews can't be changed.",
  submitted: "This review has been submitted. Reopen it to make changes.",
  not_found: "Review not found.",
} as const;

function fail(code: keyof typeof MESSAGES): SaveResult {
  return { ok: false, code, message: MESSAGES[code] };
}

/** The cycle and employee, only when the viewer writes the employee's review (policy.ts). */
async function writableTarget(db: Db, viewer: Viewer, cycleKey: string, employeeId: number) {
  return (
    await db
      .select({ cycleId: cycles.id, state: cycles.state })
      .from(employees)
      .innerJoin(cycles, eq(cycles.key, cycleKey))
      .where(and(eq(employees.id, employeeId), reviewWriterSql(viewer)))
  )[0];
}

async function writeContent(db: Db, viewer: Viewer, input: ReviewSaveInput, cycleId: number, submit: boolean): Promise<SaveResult> {
  const now = Date.now();
  const traitIds = new Set(
    (await db.select({ id: cycleTraits.id }).from(cycleTraits).where(eq(cycleTraits.cycleId, cycleId))).map((t) => t.id),
  );
  const traits = normaliseTraits(input.traits).filter((t) => traitIds.has(t.cycleTraitId));
  if (submit) {
    const errors = submitErrors({ ...input, traits }, [...traitIds]);
    if (Object.keys(errors).length > 0) {
      return { ok: false, code: "invalid", message: "Some answers are missing. Check the highlighted fields.", fieldErrors: errors };
    }
  }
  const existing = (
    await db
      .select({ id: reviews.id, status: reviews.status, version: reviews.version })
      .from(reviews)
      .where(and(eq(reviews.cycleId, cycleId), eq(reviews.employeeId, input.employeeId)))
  )[0];
  const content = {
    keeperAnswer: input.keeperAnswer,
    keeperReason: input.keeperReason,
    summary: input.summary,
    privateNotes: input.privateNotes,
    status: submit ? ("submitted" as const) : ("draft" as const),
    submittedAt: submit ? now : null,
    reviewerId: viewer.id,
    updatedAt: now,
  };
  let reviewId: number;
  let version: number;
  if (!existing) {
    if (input.version !== 0) return fail("stale");
    const inserted = (
      await db
        .insert(reviews)
        .values({ ...content, cycleId, employeeId: input.employeeId, version: 1, createdAt: now })
        .onConflictDoNothing()
        .returning({ id: reviews.id })
    )[0];
    // Another process inserted it since the read above (PostgreSQL: a unique violation otherwise).
    if (!inserted) return fail("stale");
    reviewId = inserted.id;
    version = 1;
  } else {
    if (existing.status === "submitted") return fail("submitted");
    // The version check is in the UPDATE itself, so two tabs can never both win.
    const updated = await db
      .update(reviews)
      .set({ ...content, version: sql`${reviews.version} + 1` })
      .where(and(eq(reviews.id, existing.id), eq(reviews.version, input.version)));
    if (affected(updated) === 0) return fail("stale");
    reviewId = existing.id;
    version = input.version + 1;
  }
  for (const t of traits) {
    await db
      .insert(reviewRatings)
      .values({ reviewId, cycleTraitId: t.cycleTraitId, rating: t.rating, notObserved: t.notObserved, comment: t.comment })
      .onConflictDoUpdate({
        target: [reviewRatings.reviewId, reviewRatings.cycleTraitId],
        set: { rating: t.rating, notObserved: t.notObserved, comment: t.comment },
      });
  }
  if (submit)
    await recordAudit({ actorId: viewer.id, action: "review.submit", targetType: "review", targetId: reviewId, detail: { version } });
  return { ok: true, version, reviewId, savedAt: now, status: content.status };
}

async function save(raw: unknown, submit: boolean): Promise<SaveResult> {
  const viewer = await verifySession();
  const parsed = reviewSaveSchema.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors: FieldErrors = {};
    for (const issue of parsed.error.issues) fieldErrors[issue.path.join(".")] = issue.message;
    return { ok: false, code: "invalid", message: "Some answers could not be saved. Check the highlighted fields.", fieldErrors };
  }
  const input = parsed.data;
  // Read committed, not serializable (db/client.ts writeTx): many users race saves, and each check
  // here holds without retries. The version check is inside the UPDATE (a racing save finds 0 rows:
  // stale), a racing first save inserts nothing (stale), and the cycle's state is read under a
  // share lock, so a cycle leaving "open" waits for this save, or this save sees it has left.
  return writeTx(
    async (db) => {
      const target = await writableTarget(db, viewer, input.cycleKey, input.employeeId);
      if (!target) {
        await recordDenied(viewer.id, "review", `${input.cycleKey}/${input.employeeId}`, submit ? "submit" : "save");
        return fail("not_found");
      }
      const cycle = await row<{ state: CycleState }>(db, sql`select state from cycles where id = ${target.cycleId}${forShare(db)}`);
      if (!cycle || !managersCanEdit(cycle.state)) return fail("locked");
      return writeContent(db, viewer, input, target.cycleId, submit);
    },
    { isolation: "read committed" },
  );
}

/** Autosave of a draft. Refuses a save made from a stale page instead of overwriting. */
export function saveReviewDraft(raw: unknown): Promise<SaveResult> {
  return save(raw, false);
}

/** Validates and submits. Field errors come back keyed by field for the form. */
export function submitReview(raw: unknown): Promise<SaveResult> {
  return save(raw, true);
}

/** The manager takes their submitted review back to draft while the cycle is open. */
export async function reopenReview(raw: unknown): Promise<SaveResult> {
  const viewer = await verifySession();
  const parsed = reviewSaveSchema.pick({ cycleKey: true, employeeId: true, version: true }).safeParse(raw);
  if (!parsed.success) return fail("not_found");
  const { cycleKey, employeeId, version } = parsed.data;
  return writeTx(async (db) => {
    const target = await writableTarget(db, viewer, cycleKey, employeeId);
    if (!target) {
      await recordDenied(viewer.id, "review", `${cycleKey}/${employeeId}`, "reopen");
      return fail("not_found");
    }
    if (!managersCanEdit(target.state)) return fail("locked");
    const now = Date.now();
    const row = (
      await db
        .update(reviews)
        .set({ status: "draft", submittedAt: null, version: sql`${reviews.version} + 1`, updatedAt: now })
        .where(
          and(
            eq(reviews.cycleId, target.cycleId),
            eq(reviews.employeeId, employeeId),
            eq(reviews.status, "submitted"),
            eq(reviews.version, version),
          ),
        )
        .returning({ id: reviews.id, version: reviews.version })
    )[0];
    if (!row) return fail("stale");
    await recordAudit({
      actorId: viewer.id,
      action: "review.reopen",
      targetType: "review",
      targetId: row.id,
      detail: { version: row.version },
    });
    return { ok: true, version: row.version, reviewId: row.id, savedAt: now, status: "draft" };
  });
}
