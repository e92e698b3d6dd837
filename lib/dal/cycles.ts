import "server-only";
import { and, asc, desc, eq, inArray, isNotNull, ne, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { affected } from "@/db/raw";
import { perConnection, prepareNamed } from "@/db/per-connection";
import { cycleParticipants, cycles, cycleTraits, employees, reviews, traitTemplate } from "@/db/schema";
import {
  CYCLE_STATES,
  PUBLISHED_STATES,
  SETTINGS_EDITABLE_STATES,
  canTransition,
  isPublished,
  managersCanEdit,
  type CycleState,
} from "@/lib/domain/cycle-state";
import { nextQuarter, quarterEndDate, quarterOf, QUARTER_KEY } from "@/lib/domain/quarter";
import { recordAudit } from "./audit";
import { notifyReviewsReleased } from "./notifications";
import { snapshotParticipants } from "./participant-record";
import { canSeeDraftCycles, requireRole } from "./policy";
import { verifySession } from "./session";

/** A cycle without its counts: what headers, pickers and "the current cycle" need. */
export interface CycleRef {
  id: number;
  key: string;
  state: CycleState;
  dueDate: string | null;
  shareKeeper: boolean;
}

export interface CycleSummary extends CycleRef {
  expected: number;
  drafts: number;
  submitted: number;
}

export type CycleActionResult = { ok: true; message: string } | { ok: false; message: string; field?: string };

/** Everyone reviewable: active employees who have a manager. */
async function expectedCount(): Promise<number> {
  return (
    await getDb()
      .select({ n: sql<number>`count(*)` })
      .from(employees)
      .where(and(eq(employees.active, true), isNotNull(employees.managerId)))
  )[0]!.n;
}

/** Cycles the viewer may see, newest first: HR sees drafts too; everyone else sees cycles once opened. */
export async function listCycleRefs(): Promise<CycleRef[]> {
  const viewer = await verifySession();
  return (canSeeDraftCycles(viewer) ? allCycleRefs : openedCycleRefs)(getDb()).execute();
}

// Most pages ask for the cycle list, so both variants are prepared once per connection.
const cycleRefColumns = { id: cycles.id, key: cycles.key, state: cycles.state, dueDate: cycles.dueDate, shareKeeper: cycles.shareKeeper };
const allCycleRefs = perConnection((db) =>
  prepareNamed(db.select(cycleRefColumns).from(cycles).orderBy(desc(cycles.key)), "keeper_all_cycle_refs"),
);
const openedCycleRefs = perConnection((db) =>
  prepareNamed(
    db.select(cycleRefColumns).from(cycles).where(inArray(cycles.state, PUBLISHED_STATES)).orderBy(desc(cycles.key)),
    "keeper_opened_cycle_refs",
  ),
);

/**
 * Progress counts for cycles. Counting every review of every cycle costs tens of milliseconds at
 * 10,000 agents, so only the pages that show the counts ask for them (listCycles, cycleProgress).
 */
async function withCounts(refs: CycleRef[]): Promise<CycleSummary[]> {
  if (refs.length === 0) return [];
  const expected = await expectedCount();
  const counts = await getDb()
    .select({
      cycleId: reviews.cycleId,
      drafts: sql<number>`sum(case when ${reviews.status} = 'draft' then 1 else 0 end)`,
      submitted: sql<number>`sum(case when ${reviews.status} = 'submitted' then 1 else 0 end)`,
    })
    .from(reviews)
    .where(
      inArray(
        reviews.cycleId,
        refs.map((r) => r.id),
      ),
    )
    .groupBy(reviews.cycleId);
  const byId = new Map(counts.map((c) => [c.cycleId, c]));
  // An opened cycle expects its own participants; a draft, everyone who would be in it today.
  const recorded = new Map(
    (
      await getDb()
        .select({ cycleId: cycleParticipants.cycleId, n: sql<number>`count(*)` })
        .from(cycleParticipants)
        .where(
          inArray(
            cycleParticipants.cycleId,
            refs.map((r) => r.id),
          ),
        )
        .groupBy(cycleParticipants.cycleId)
    ).map((c) => [c.cycleId, c.n]),
  );
  return refs.map((r) => ({
    ...r,
    expected: r.state === "draft" ? expected : (recorded.get(r.id) ?? 0),
    drafts: byId.get(r.id)?.drafts ?? 0,
    submitted: byId.get(r.id)?.submitted ?? 0,
  }));
}

/** Cycles the viewer may see, with review counts (the cycles page and API). */
export async function listCycles(): Promise<CycleSummary[]> {
  return withCounts(await listCycleRefs());
}

/** The cycle managers are working in: the open one, else the latest in calibration or later. */
export async function currentCycle(): Promise<CycleRef | null> {
  const all = await listCycleRefs();
  return all.find((c) => managersCanEdit(c.state)) ?? all.find((c) => isPublished(c.state)) ?? null;
}

/** One cycle's review counts, for HR's progress card; null (and audited) for anyone else. */
export async function cycleProgress(cycle: CycleRef): Promise<CycleSummary | null> {
  if (!(await requireRole("hr", { type: "cycle", id: cycle.key, action: "progress" }))) return null;
  return (await withCounts([cycle]))[0];
}

const createSchema = z.object({ key: z.string().regex(QUARTER_KEY, "Use the form YYYY-Qn, e.g. 2027-Q1.").optional() });

/** The quarter after the latest cycle (or the current quarter when there is none). */
export async function suggestedNextCycleKey(): Promise<string> {
  await verifySession();
  const latest = (await getDb().select({ key: cycles.key }).from(cycles).orderBy(desc(cycles.key)))[0];
  return latest ? nextQuarter(latest.key) : quarterOf(Date.now());
}

export async function createCycle(raw: unknown): Promise<CycleActionResult> {
  const viewer = await requireRole("hr", { type: "cycle", id: "new", action: "create" });
  if (!viewer) return { ok: false, message: "Only HR can create cycles." };
  const parsed = createSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, field: "key" };
  const key = parsed.data.key ?? (await suggestedNextCycleKey());
  return writeTx(async (db) => {
    if ((await db.select({ id: cycles.id }).from(cycles).where(eq(cycles.key, key)))[0]) {
      return { ok: false, message: `A cycle for ${key} already exists.`, field: "key" };
    }
    const now = Date.now();
    const cycle = (
      await db
        .insert(cycles)
        .values({ key, state: "draft", dueDate: quarterEndDate(key), shareKeeper: true, createdAt: now, updatedAt: now })
        .returning({ id: cycles.id })
    )[0];
    // The cycle keeps its own copy of the template so later template edits never rewrite it.
    const template = await db.select().from(traitTemplate).where(eq(traitTemplate.retired, false)).orderBy(asc(traitTemplate.position));
    for (const t of template) {
      await db
        .insert(cycleTraits)
        .values({ cycleId: cycle.id, key: t.key, label: t.label, description: t.description, levels: t.levels, position: t.position });
    }
    await recordAudit({
      actorId: viewer.id,
      action: "cycle.create",
      targetType: "cycle",
      targetId: key,
      detail: { traits: template.length },
    });
    return { ok: true, message: `Cycle ${key} created as a draft.` };
  });
}

const settingsSchema = z.object({
  key: z.string().regex(QUARTER_KEY),
  dueDate: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Pick a due date.")
    .refine((d) => !Number.isNaN(Date.parse(d)), "Not a real date."),
  shareKeeper: z.boolean(),
});

export async function updateCycleSettings(raw: unknown): Promise<CycleActionResult> {
  const parsed = settingsSchema.safeParse(raw);
  const viewer = await requireRole("hr", { type: "cycle", id: parsed.success ? parsed.data.key : "?", action: "settings" });
  if (!viewer) return { ok: false, message: "Only HR can change cycle settings." };
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message, field: String(parsed.error.issues[0].path[0] ?? "") };
  const { key, dueDate, shareKeeper } = parsed.data;
  return writeTx(async (db) => {
    const res = await db
      .update(cycles)
      .set({ dueDate, shareKeeper, updatedAt: Date.now() })
      .where(and(eq(cycles.key, key), inArray(cycles.state, SETTINGS_EDITABLE_STATES)));
    if (affected(res) === 0) return { ok: false, message: "This cycle is closed or does not exist." };
    await recordAudit({
      actorId: viewer.id,
      action: "cycle.settings",
      targetType: "cycle",
      targetId: key,
      detail: { dueDate, shareKeeper },
    });
    return { ok: true, message: `Saved settings for ${key}.` };
  });
}

const transitionSchema = z.object({ key: z.string().regex(QUARTER_KEY), to: z.enum(CYCLE_STATES) });

export async function transitionCycle(raw: unknown): Promise<CycleActionResult> {
  const parsed = transitionSchema.safeParse(raw);
  const viewer = await requireRole("hr", { type: "cycle", id: parsed.success ? parsed.data.key : "?", action: "transition" });
  if (!viewer) return { ok: false, message: "Only HR can move a cycle." };
  if (!parsed.success) return { ok: false, message: "Unknown cycle or state." };
  const { key, to } = parsed.data;
  return writeTx(async (db) => {
    const cycle = (await db.select().from(cycles).where(eq(cycles.key, key)))[0];
    if (!cycle) return { ok: false, message: "Unknown cycle." };
    if (!canTransition(cycle.state, to)) return { ok: false, message: `A ${cycle.state} cycle cannot move to ${to}.` };
    if (to === "open") {
      const other = (
        await db
          .select({ key: cycles.key })
          .from(cycles)
          .where(and(eq(cycles.state, "open"), ne(cycles.id, cycle.id)))
      )[0];
      if (other) return { ok: false, message: `${other.key} is still open. Move it to calibration first.` };
    }
    const now = Date.now();
    await db.update(cycles).set({ state: to, updatedAt: now }).where(eq(cycles.id, cycle.id));
    // The cycle's record of who it covers, as the org is now: past figures never follow later moves.
    const participants = cycle.state === "draft" && to === "open" ? await snapshotParticipants(db, cycle.id, now) : undefined;
    // Each agent with a submitted review hears about it in the same transaction as the release.
    if (to === "released") await notifyReviewsReleased(db, cycle.id, key);
    const submitted = (
      await db
        .select({ n: sql<number>`count(*)` })
        .from(reviews)
        .where(and(eq(reviews.cycleId, cycle.id), inArray(reviews.status, ["submitted"])))
    )[0]!.n;
    await recordAudit({
      actorId: viewer.id,
      action: "cycle.transition",
      targetType: "cycle",
      targetId: key,
      detail: { from: cycle.state, to, submitted, ...(participants === undefined ? {} : { participants }) },
    });
    return { ok: true, message: `${key} is now ${to}.` };
  });
}
