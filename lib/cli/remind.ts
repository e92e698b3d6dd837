import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { writeTx } from "@/db/client";
import { affected } from "@/db/raw";
import { cycleParticipants, cycles, employees, outboxEmails, reminderLog, reviews } from "@/db/schema";
import {
  followUpMessage,
  followUpRemindersFor,
  groupByReviewer,
  reminderMessage,
  remindersFor,
  utcDay,
  type FollowUpDue,
  type ReviewDue,
} from "@/lib/domain/reminders";
import { followUpRows } from "@/lib/follow-ups/queue";
import { deliverOutbox } from "@/lib/mail/outbox";
import { notify } from "@/lib/mail/notify";

export interface ReminderRun {
  day: string;
  cycleKey: string | null;
  /** Reviews reminded about in this run (zero when this day's reminders were already sent). */
  reviews: number;
  /** Reviewers notified in this run. */
  reviewers: number;
}

/**
 * Reminds each reviewer about their unsubmitted reviews in the open cycle when it is due within
 * 7 days or overdue. Safe to run every hour: the reminder_log row for (cycle, employee, UTC day)
 * is claimed before anyone is notified, in the same transaction, so a second run the same day
 * (or a concurrent one) finds it taken and sends nothing.
 */
export async function sendReminders(now = Date.now()): Promise<ReminderRun> {
  const day = utcDay(now);
  return writeTx(async (db) => {
    const cycle = (await db.select().from(cycles).where(eq(cycles.state, "open")))[0];
    if (!cycle || !cycle.dueDate) return { day, cycleKey: cycle?.key ?? null, reviews: 0, reviewers: 0 };
    const due: ReviewDue[] = await db
      .select({
        employeeId: employees.id,
        employeeName: employees.name,
        reviewerId: sql<number>`${cycleParticipants.reviewerId}`,
        status: sql<ReviewDue["status"]>`coalesce(${reviews.status}, 'not_started')`,
      })
      // The cycle's participants, reminded through their assigned reviewer.
      .from(cycleParticipants)
      .innerJoin(employees, eq(employees.id, cycleParticipants.employeeId))
      .leftJoin(reviews, and(eq(reviews.employeeId, employees.id), eq(reviews.cycleId, cycle.id)))
      .where(and(eq(cycleParticipants.cycleId, cycle.id), eq(employees.active, true), isNotNull(cycleParticipants.reviewerId)));
    const already = new Set(
      (
        await db
          .select({ employeeId: reminderLog.employeeId })
          .from(reminderLog)
          .where(and(eq(reminderLog.cycleId, cycle.id), eq(reminderLog.day, day)))
      ).map((r) => r.employeeId),
    );
    const claimed = [];
    for (const r of remindersFor({ cycle, day, reviews: due, alreadyReminded: already })) {
      // The unique key has the last word, whatever the read above saw.
      const logged = await db
        .insert(reminderLog)
        .values({ cycleId: cycle.id, employeeId: r.employeeId, day, kind: r.kind, sentAt: now })
        .onConflictDoNothing();
      if (affected(logged) === 1) claimed.push(r);
    }
    const byReviewer = groupByReviewer(claimed);
    for (const [reviewerId, list] of byReviewer) {
      const { title, body } = reminderMessage(cycle.key, cycle.dueDate!, day, list);
      await notify(
        db,
        { recipientId: reviewerId, kind: list[0].kind === "overdue" ? "review_overdue" : "review_due", title, body, link: "/" },
        now,
      );
    }
    return { day, cycleKey: cycle.key, reviews: claimed.length, reviewers: byReviewer.size };
  });
}

export interface FollowUpReminderRun {
  day: string;
  /** Missing follow-ups reminded about in this run. */
  followUps: number;
  managers: number;
}

/**
 * Reminds managers of unsure and let_go answers still waiting for a follow-up (lib/follow-ups),
 * at most once a week per answer. The reminder_log row (the answer's cycle and person, the UTC
 * day, kind 'follow_up') is claimed in the same transaction as the notification.
 */
export async function sendFollowUpReminders(now = Date.now()): Promise<FollowUpReminderRun> {
  const day = utcDay(now);
  return writeTx(async (db) => {
    const missing = await followUpRows(db, sql`f.id is null`);
    const last = new Map(
      (
        await db
          .select({ cycleId: reminderLog.cycleId, employeeId: reminderLog.employeeId, day: sql<string>`max(${reminderLog.day})` })
          .from(reminderLog)
          .where(eq(reminderLog.kind, "follow_up"))
          .groupBy(reminderLog.cycleId, reminderLog.employeeId)
      ).map((r) => [`${r.cycleId}:${r.employeeId}`, r.day]),
    );
    const due: FollowUpDue[] = missing.map((m) => ({
      cycleId: m.cycleId,
      cycleKey: m.cycleKey,
      employeeId: m.employeeId,
      employeeName: m.employeeName,
      managerId: m.managerId,
      lastReminded: last.get(`${m.cycleId}:${m.employeeId}`) ?? null,
    }));
    const byManager = new Map<number, FollowUpDue[]>();
    for (const f of followUpRemindersFor(day, due)) {
      const logged = await db
        .insert(reminderLog)
        .values({ cycleId: f.cycleId, employeeId: f.employeeId, day, kind: "follow_up", sentAt: now })
        .onConflictDoNothing();
      if (affected(logged) === 1) byManager.set(f.managerId, [...(byManager.get(f.managerId) ?? []), f]);
    }
    let followUps = 0;
    for (const [managerId, list] of byManager) {
      const { title, body } = followUpMessage(list);
      await notify(db, { recipientId: managerId, kind: "follow_up_due", title, body, link: "/follow-ups" }, now);
      followUps += list.length;
    }
    return { day, followUps, managers: byManager.size };
  });
}

async function waitingMail(): Promise<number> {
  return writeTx(
    async (db) =>
      (
        await db
          .select({ n: sql<number>`count(*)` })
          .from(outboxEmails)
          .where(isNull(outboxEmails.sentAt))
      )[0]!.n,
  );
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help")) {
    console.log(
      "Usage: keeper remind\n\nReminds reviewers of reviews due within 7 days or overdue (once per review per UTC day; safe to run hourly from cron), and managers of unsure or let go answers still waiting for a follow-up (once a week each), then sends waiting mail when SMTP_URL is set.",
    );
    return 0;
  }
  const result = await sendReminders();
  console.log(
    result.cycleKey === null
      ? `${result.day}: no open cycle, no reminders.`
      : `${result.day}: ${result.cycleKey}: reminded ${result.reviewers} reviewer(s) about ${result.reviews} review(s).`,
  );
  const followUps = await sendFollowUpReminders();
  console.log(`${followUps.day}: follow-ups: reminded ${followUps.managers} manager(s) about ${followUps.followUps} answer(s).`);
  let delivery;
  try {
    delivery = await deliverOutbox();
  } catch (error) {
    // A malformed SMTP_URL: the reminders are in; say what is wrong with the mail settings.
    console.error(`Mail not sent: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (!delivery.configured) {
    console.log(`SMTP_URL is not set: ${await waitingMail()} mail(s) kept in the outbox (admins read them at /admin/outbox).`);
    return 0;
  }
  console.log(`Mail: ${delivery.sent} sent, ${delivery.failed} failed (failures are retried on the next run).`);
  return delivery.failed > 0 ? 1 : 0;
}
