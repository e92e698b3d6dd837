import "server-only";
import { and, eq, inArray, isNotNull } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { cycles, employees, reflections } from "@/db/schema";
import { MANAGER_EDITABLE_STATES, managersCanEdit } from "@/lib/domain/cycle-state";
import { QUARTER_KEY } from "@/lib/domain/quarter";
import { recordAudit, recordDenied } from "./audit";
import { employeeVisibleSql } from "./policy";
import { verifySession } from "./session";

/**
 * An agent's self-reflection for a cycle: what they are proud of and what they want to get better
 * at. Written by the agent while the cycle is open; read by the agent, everyone above them and HR
 * (the manager sees it beside the review form). Never by peers.
 */

export interface ReflectionView {
  cycleKey: string;
  proudOf: string;
  growth: string;
  updatedAt: number | null;
  /** True while the cycle is open and the viewer is its author. */
  editable: boolean;
}

export const REFLECTION_MAX = 4000;

/** The viewer's reflection for the open cycle, or null when no cycle is open or nobody reviews them. */
export async function getMyOpenReflection(): Promise<(ReflectionView & { dueDate: string | null }) | null> {
  const viewer = await verifySession();
  const row = (
    await getDb()
      .select({
        cycleKey: cycles.key,
        dueDate: cycles.dueDate,
        proudOf: reflections.proudOf,
        growth: reflections.growth,
        updatedAt: reflections.updatedAt,
      })
      .from(employees)
      // Written in the same window as the manager's review, so the manager sees it while writing.
      .innerJoin(cycles, inArray(cycles.state, MANAGER_EDITABLE_STATES))
      .leftJoin(reflections, and(eq(reflections.cycleId, cycles.id), eq(reflections.employeeId, employees.id)))
      .where(and(eq(employees.id, viewer.id), isNotNull(employees.managerId)))
  )[0];
  if (!row) return null;
  return {
    cycleKey: row.cycleKey,
    dueDate: row.dueDate,
    proudOf: row.proudOf ?? "",
    growth: row.growth ?? "",
    updatedAt: row.updatedAt,
    editable: true,
  };
}

const saveSchema = z.object({
  cycleKey: z.string().regex(QUARTER_KEY),
  proudOf: z
    .string()
    .trim()
    .max(REFLECTION_MAX, `Keep each answer under ${REFLECTION_MAX.toLocaleString("en")} characters.`),
  growth: z
    .string()
    .trim()
    .max(REFLECTION_MAX, `Keep each answer under ${REFLECTION_MAX.toLocaleString("en")} characters.`),
});

export type ReflectionResult =
  { ok: true; message: string; updatedAt: number } | { ok: false; code: "invalid" | "closed"; message: string; field?: string };

/** Saves the viewer's own reflection; only for the open cycle. */
export async function saveMyReflection(raw: unknown): Promise<ReflectionResult> {
  const viewer = await verifySession();
  const parsed = saveSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: "invalid", message: issue.message, field: String(issue.path[0] ?? "") };
  }
  const { cycleKey, proudOf, growth } = parsed.data;
  return writeTx(async (db): Promise<ReflectionResult> => {
    // The author is always the viewer: no employee id is taken from the request.
    const cycle = (
      await db
        .select({ id: cycles.id })
        .from(cycles)
        .innerJoin(employees, and(eq(employees.id, viewer.id), isNotNull(employees.managerId)))
        .where(and(eq(cycles.key, cycleKey), inArray(cycles.state, MANAGER_EDITABLE_STATES)))
    )[0];
    if (!cycle) return { ok: false, code: "closed", message: "Self-reflections can be written only while the cycle is open." };
    const now = Date.now();
    await db
      .insert(reflections)
      .values({ cycleId: cycle.id, employeeId: viewer.id, proudOf, growth, updatedAt: now })
      .onConflictDoUpdate({ target: [reflections.cycleId, reflections.employeeId], set: { proudOf, growth, updatedAt: now } });
    await recordAudit({ actorId: viewer.id, action: "reflection.save", targetType: "cycle", targetId: cycleKey });
    return { ok: true, message: "Saved. Your manager sees it beside your review.", updatedAt: now };
  });
}

/**
 * An employee's reflection for a cycle, for the review page. Null when the viewer may not see the
 * employee (audited) and `{ reflection: null }` when there is nothing written.
 */
export async function getReflectionFor(cycleKey: string, employeeId: number): Promise<{ reflection: ReflectionView | null } | null> {
  const viewer = await verifySession();
  const visible = employeeVisibleSql(viewer, employees.id, { self: true });
  const row = (
    await getDb()
      .select({ state: cycles.state, proudOf: reflections.proudOf, growth: reflections.growth, updatedAt: reflections.updatedAt })
      .from(employees)
      .innerJoin(cycles, eq(cycles.key, cycleKey))
      .leftJoin(reflections, and(eq(reflections.cycleId, cycles.id), eq(reflections.employeeId, employees.id)))
      .where(and(eq(employees.id, employeeId), visible))
  )[0];
  if (!row) {
    await recordDenied(viewer.id, "reflection", `${cycleKey}/${employeeId}`, "not visible to viewer or does not exist");
    return null;
  }
  if (row.updatedAt === null) return { reflection: null };
  return {
    reflection: {
      cycleKey,
      proudOf: row.proudOf ?? "",
      growth: row.growth ?? "",
      updatedAt: row.updatedAt,
      editable: employeeId === viewer.id && managersCanEdit(row.state),
    },
  };
}
