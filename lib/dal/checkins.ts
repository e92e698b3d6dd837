import "server-only";
import { and, asc, desc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { z } from "zod";
import { getDb, writeTx } from "@/db/client";
import { employees, keeperCheckins } from "@/db/schema";
import { firstName, KEEPER_ANSWERS, type KeeperAnswer } from "@/lib/domain/keeper";
import { notify } from "@/lib/mail/notify";
import { scheduleDelivery } from "@/lib/mail/outbox";
import { recordAudit, recordDenied } from "./audit";
import { requireRole } from "./policy";
import { verifySession } from "./session";

/**
 * Keeper check-ins (DESIGN.md): an agent asks their manager "If I told you I were leaving, how
 * hard would you work to change my mind?". Content is visible to exactly two people, the agent
 * who asked and the manager asked; HR sees counts and waiting times, never the words.
 */

export const CHECKIN_QUESTION = "If I told you I were leaving, how hard would you work to change my mind?";

export interface CheckinView {
  id: number;
  agent: { id: number; name: string };
  manager: { id: number; name: string };
  askedAt: number;
  message: string;
  answeredAt: number | null;
  answer: KeeperAnswer | null;
  note: string | null;
}

export type CheckinResult =
  | { ok: true; message: string }
  | { ok: false; code: "invalid" | "no_manager" | "pending" | "not_found" | "already_answered"; message: string; field?: string };

const agent = alias(employees, "agent");
const manager = alias(employees, "manager");

function checkinQuery() {
  return getDb()
    .select({
      id: keeperCheckins.id,
      agentId: agent.id,
      agentName: agent.name,
      managerId: manager.id,
      managerName: manager.name,
      askedAt: keeperCheckins.askedAt,
      message: keeperCheckins.message,
      answeredAt: keeperCheckins.answeredAt,
      answer: keeperCheckins.answer,
      note: keeperCheckins.note,
    })
    .from(keeperCheckins)
    .innerJoin(agent, eq(agent.id, keeperCheckins.agentId))
    .innerJoin(manager, eq(manager.id, keeperCheckins.managerId));
}
type Row = Awaited<ReturnType<ReturnType<typeof checkinQuery>["all"]>>[number];

function view(r: Row): CheckinView {
  return {
    id: r.id,
    agent: { id: r.agentId, name: r.agentName },
    manager: { id: r.managerId, name: r.managerName },
    askedAt: r.askedAt,
    message: r.message,
    answeredAt: r.answeredAt,
    answer: r.answer,
    note: r.note,
  };
}

/** Check-ins the viewer asked, newest first, and the manager they would ask now (null: nobody). */
export async function listMyCheckins(): Promise<{ manager: { id: number; name: string } | null; checkins: CheckinView[] }> {
  const viewer = await verifySession();
  const current = (
    await getDb()
      .select({ id: manager.id, name: manager.name })
      .from(employees)
      .innerJoin(manager, and(eq(manager.id, employees.managerId), eq(manager.active, true)))
      .where(eq(employees.id, viewer.id))
  )[0];
  const checkins = (
    await checkinQuery().where(eq(keeperCheckins.agentId, viewer.id)).orderBy(desc(keeperCheckins.askedAt), desc(keeperCheckins.id))
  ).map(view);
  return { manager: current ?? null, checkins };
}

/** Check-ins addressed to the viewer: waiting ones oldest first, then the latest answered. */
export async function listCheckinsToAnswer(): Promise<{ pending: CheckinView[]; answered: CheckinView[] }> {
  const viewer = await verifySession();
  const pending = (
    await checkinQuery()
      .where(and(eq(keeperCheckins.managerId, viewer.id), isNull(keeperCheckins.answeredAt)))
      .orderBy(asc(keeperCheckins.askedAt), asc(keeperCheckins.id))
  ).map(view);
  const answered = (
    await checkinQuery()
      .where(and(eq(keeperCheckins.managerId, viewer.id), isNotNull(keeperCheckins.answeredAt)))
      .orderBy(desc(keeperCheckins.answeredAt))
      .limit(20)
  ).map(view);
  return { pending, answered };
}

const askSchema = z.object({ message: z.string().trim().max(1000, "Keep the message under 1,000 characters.").default("") });

/** The viewer asks their current manager. One open check-in at a time. */
export async function askForCheckin(raw: unknown): Promise<CheckinResult> {
  const viewer = await verifySession();
  const parsed = askSchema.safeParse(raw ?? {});
  if (!parsed.success) return { ok: false, code: "invalid", message: parsed.error.issues[0].message, field: "message" };
  const result = await writeTx(async (db): Promise<CheckinResult> => {
    const me = (
      await db
        .select({ managerId: manager.id, managerName: manager.name })
        .from(employees)
        .innerJoin(manager, and(eq(manager.id, employees.managerId), eq(manager.active, true)))
        .where(eq(employees.id, viewer.id))
    )[0];
    if (!me) return { ok: false, code: "no_manager", message: "You have no manager in Keeper to ask." };
    const open = (
      await db
        .select({ id: keeperCheckins.id })
        .from(keeperCheckins)
        .where(and(eq(keeperCheckins.agentId, viewer.id), isNull(keeperCheckins.answeredAt)))
    )[0];
    if (open) return { ok: false, code: "pending", message: "You already have a check-in waiting for an answer." };
    const now = Date.now();
    const row = (
      await db
        .insert(keeperCheckins)
        .values({ agentId: viewer.id, managerId: me.managerId, askedAt: now, message: parsed.data.message })
        .returning({ id: keeperCheckins.id })
    )[0];
    await recordAudit({ actorId: viewer.id, action: "checkin.ask", targetType: "checkin", targetId: row.id });
    await notify(
      db,
      {
        recipientId: me.managerId,
        kind: "checkin_asked",
        title: `${firstName(viewer.name)} asked you for a keeper check-in`,
        body: `"${CHECKIN_QUESTION}" Answer with a keeper answer and a note.`,
        link: "/checkins",
      },
      now,
    );
    return { ok: true, message: `Asked ${firstName(me.managerName)}. You will be notified when they answer.` };
  });
  if (result.ok) scheduleDelivery();
  return result;
}

const answerSchema = z.object({
  id: z.coerce.number().int().positive(),
  answer: z.enum(KEEPER_ANSWERS, { error: "Choose a keeper answer." }),
  note: z.string().trim().min(1, "Write a note: the answer needs a reason.").max(2000, "Keep the note under 2,000 characters."),
});

/** The manager asked answers, once. */
export async function answerCheckin(raw: unknown): Promise<CheckinResult> {
  const viewer = await verifySession();
  const parsed = answerSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, code: "invalid", message: issue.message, field: String(issue.path[0] ?? "") };
  }
  const { id, answer, note } = parsed.data;
  const result = await writeTx(async (db): Promise<CheckinResult> => {
    const now = Date.now();
    const row = (
      await db
        .update(keeperCheckins)
        .set({ answer, note, answeredAt: now })
        .where(and(eq(keeperCheckins.id, id), eq(keeperCheckins.managerId, viewer.id), isNull(keeperCheckins.answeredAt)))
        .returning({ agentId: keeperCheckins.agentId })
    )[0];
    if (!row) {
      const mine = (
        await db
          .select({ id: keeperCheckins.id })
          .from(keeperCheckins)
          .where(and(eq(keeperCheckins.id, id), eq(keeperCheckins.managerId, viewer.id)))
      )[0];
      if (mine) return { ok: false, code: "already_answered", message: "This check-in has already been answered." };
      await recordDenied(viewer.id, "checkin", id, "answer: not addressed to the viewer or does not exist");
      return { ok: false, code: "not_found", message: "Check-in not found." };
    }
    await recordAudit({ actorId: viewer.id, action: "checkin.answer", targetType: "checkin", targetId: id });
    await notify(
      db,
      {
        recipientId: row.agentId,
        kind: "checkin_answered",
        title: `${firstName(viewer.name)} answered your keeper check-in`,
        link: "/checkins",
      },
      now,
    );
    return { ok: true, message: "Answer sent." };
  });
  if (result.ok) scheduleDelivery();
  return result;
}

export interface ManagerCheckinStats {
  managerId: number;
  managerName: string;
  open: number;
  /** When the longest-waiting open check-in was asked; null when none is open. */
  oldestOpenAskedAt: number | null;
  answered: number;
  /** Mean time from asking to answer, in ms; null when none answered. */
  averageWaitMs: number | null;
}

/** Per manager: how many check-ins are open and how long people waited. HR only; no content. */
export async function checkinStatsByManager(): Promise<ManagerCheckinStats[] | null> {
  if (!(await requireRole("hr", { type: "checkin", id: "stats" }))) return null;
  return await getDb()
    .select({
      managerId: manager.id,
      managerName: manager.name,
      open: sql<number>`sum(case when ${keeperCheckins.answeredAt} is null then 1 else 0 end)`,
      oldestOpenAskedAt: sql<number | null>`min(case when ${keeperCheckins.answeredAt} is null then ${keeperCheckins.askedAt} end)`,
      answered: sql<number>`sum(case when ${keeperCheckins.answeredAt} is not null then 1 else 0 end)`,
      averageWaitMs: sql<number | null>`avg(${keeperCheckins.answeredAt} - ${keeperCheckins.askedAt})`,
    })
    .from(keeperCheckins)
    .innerJoin(manager, eq(manager.id, keeperCheckins.managerId))
    .groupBy(manager.id, manager.name)
    .orderBy(desc(sql`sum(case when ${keeperCheckins.answeredAt} is null then 1 else 0 end)`), asc(manager.name));
}
