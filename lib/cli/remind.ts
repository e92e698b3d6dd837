import { and, eq, isNotNull, isNull, sql } from "drizzle-orm";
import { writeTx } from "@/db/client";
import { cycleParticipants, cycles, employees, outboxEmails, reminderLog, reviews } from "@/db/schema";
import { groupByReviewer, reminderMessage, remindersFor, utcDay, type ReviewDue } from "@/lib/domain/reminders";
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
export function sendReminders(now = Date.now()): ReminderRun {
  const day = utcDay(now);
  return writeTx((db) => {
    const cycle = db.select().from(cycles).where(eq(cycles.state, "open")).get();
    if (!cycle || !cycle.dueDate) return { day, cycleKey: cycle?.key ?? null, reviews: 0, reviewers: 0 };
    const due: ReviewDue[] = db
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
      .where(and(eq(cycleParticipants.cycleId, cycle.id), eq(employees.active, true), isNotNull(cycleParticipants.reviewerId)))
      .all();
    const already = new Set(
      db
        .select({ employeeId: reminderLog.employeeId })
        .from(reminderLog)
        .where(and(eq(reminderLog.cycleId, cycle.id), eq(reminderLog.day, day)))
        .all()
        .map((r) => r.employeeId),
    );
    const claimed = [];
    for (const r of remindersFor({ cycle, day, reviews: due, alreadyReminded: already })) {
      // The unique key has the last word, whatever the read above saw.
      const logged = db.insert(reminderLog).values({ cycleId: cycle.id, employeeId: r.employeeId, day, kind: r.kind, sentAt: now }).onConflictDoNothing().run();
      if (logged.changes === 1) claimed.push(r);
    }
    const byReviewer = groupByReviewer(claimed);
    for (const [reviewerId, list] of byReviewer) {
      const { title, body } = reminderMessage(cycle.key, cycle.dueDate!, day, list);
      notify(db, { recipientId: reviewerId, kind: list[0].kind === "overdue" ? "review_overdue" : "review_due", title, body, link: "/" }, now);
    }
    return { day, cycleKey: cycle.key, reviews: claimed.length, reviewers: byReviewer.size };
  });
}

function waitingMail(): number {
  return writeTx((db) => db.select({ n: sql<number>`count(*)` }).from(outboxEmails).where(isNull(outboxEmails.sentAt)).get()!.n);
}

export async function run(args: string[]): Promise<number> {
  if (args.includes("--help")) {
    console.log("Usage: keeper remind\n\nReminds reviewers of reviews due within 7 days or overdue (once per review per UTC day; safe to run hourly from cron), then sends waiting mail when SMTP_URL is set.");
    return 0;
  }
  const result = sendReminders();
  console.log(
    result.cycleKey === null
      ? `${result.day}: no open cycle, no reminders.`
      : `${result.day}: ${result.cycleKey}: reminded ${result.reviewers} reviewer(s) about ${result.reviews} review(s).`,
  );
  let delivery;
  try {
    delivery = await deliverOutbox();
  } catch (error) {
    // A malformed SMTP_URL: the reminders are in; say what is wrong with the mail settings.
    console.error(`Mail not sent: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  if (!delivery.configured) {
    console.log(`SMTP_URL is not set: ${waitingMail()} mail(s) kept in the outbox (admins read them at /admin/outbox).`);
    return 0;
  }
  console.log(`Mail: ${delivery.sent} sent, ${delivery.failed} failed (failures are retried on the next run).`);
  return delivery.failed > 0 ? 1 : 0;
}
