/**
 * Which reviews need a reminder on a given UTC day (pure; `keeper remind` does the writing).
 * A review not yet submitted gets a "due soon" reminder from 7 days before the due date up to
 * the due date itself, and an "overdue" one every day after it, at most one per review per day.
 */

export const DUE_SOON_DAYS = 7;
export type ReminderKind = "due_soon" | "overdue";

const DAY_MS = 86_400_000;

/** 'YYYY-MM-DD' of an instant, in UTC: the unit of "once per day". */
export function utcDay(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}

/** Whole days from `day` to `dueDate` (both 'YYYY-MM-DD'); negative when the due date has passed. */
export function daysBetween(day: string, dueDate: string): number {
  return Math.round((Date.parse(`${dueDate}T00:00:00Z`) - Date.parse(`${day}T00:00:00Z`)) / DAY_MS);
}

export function reminderKind(dueDate: string, day: string): ReminderKind | null {
  const days = daysBetween(day, dueDate);
  if (Number.isNaN(days)) return null;
  if (days < 0) return "overdue";
  return days <= DUE_SOON_DAYS ? "due_soon" : null;
}

export interface ReviewDue {
  employeeId: number;
  employeeName: string;
  /** Who must write it: the reviewer the cycle's participant record assigns. */
  reviewerId: number;
  status: "not_started" | "draft" | "submitted";
}

export interface Reminder {
  employeeId: number;
  employeeName: string;
  reviewerId: number;
  kind: ReminderKind;
}

export function remindersFor(input: {
  cycle: { state: string; dueDate: string | null };
  day: string;
  reviews: readonly ReviewDue[];
  /** Employees whose review was already reminded about on `day`. */
  alreadyReminded: ReadonlySet<number>;
}): Reminder[] {
  const { cycle, day } = input;
  if (cycle.state !== "open" || !cycle.dueDate) return [];
  const kind = reminderKind(cycle.dueDate, day);
  if (!kind) return [];
  return input.reviews
    .filter((r) => r.status !== "submitted" && !input.alreadyReminded.has(r.employeeId))
    .map((r) => ({ employeeId: r.employeeId, employeeName: r.employeeName, reviewerId: r.reviewerId, kind }));
}

/** One message per reviewer and kind, so a manager with ten open reviews gets one reminder, not ten. */
export function groupByReviewer(reminders: readonly Reminder[]): Map<number, Reminder[]> {
  const out = new Map<number, Reminder[]>();
  for (const r of reminders) out.set(r.reviewerId, [...(out.get(r.reviewerId) ?? []), r]);
  return out;
}

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join("");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

/** The words of a reminder to one reviewer. */
export function reminderMessage(
  cycleKey: string,
  dueDate: string,
  day: string,
  reminders: readonly Reminder[],
): { title: string; body: string } {
  const n = reminders.length;
  const days = daysBetween(day, dueDate);
  const reviewsWord = n === 1 ? "1 review" : `${n} reviews`;
  const names = listNames(reminders.map((r) => r.employeeName).sort((a, b) => a.localeCompare(b)));
  if (days < 0) {
    const late = -days === 1 ? "1 day" : `${-days} days`;
    return {
      title: `${reviewsWord} overdue in ${cycleKey}`,
      body: `The ${cycleKey} reviews were due on ${dueDate}, ${late} ago. Still to submit: ${names}.`,
    };
  }
  const when = days === 0 ? "today" : days === 1 ? "tomorrow" : `in ${days} days`;
  return {
    title: `${reviewsWord} due ${when} in ${cycleKey}`,
    body: `The ${cycleKey} reviews are due on ${dueDate}. Still to submit: ${names}.`,
  };
}

// ---- Follow-ups of unsure and let_go answers ---------------------------------------------------

/** Days between reminders about the same missing follow-up. */
export const FOLLOW_UP_REMINDER_DAYS = 7;

export interface FollowUpDue {
  cycleId: number;
  cycleKey: string;
  employeeId: number;
  employeeName: string;
  /** Who is asked: the person's current manager. */
  managerId: number;
  /** The last day a reminder about it went out, or null. */
  lastReminded: string | null;
}

/** Missing follow-ups to remind about today: never reminded, or not for FOLLOW_UP_REMINDER_DAYS days. */
export function followUpRemindersFor(day: string, due: readonly FollowUpDue[]): FollowUpDue[] {
  return due.filter((f) => f.lastReminded === null || daysBetween(f.lastReminded, day) >= FOLLOW_UP_REMINDER_DAYS);
}

/** The words of a follow-up reminder to one manager. */
export function followUpMessage(due: readonly FollowUpDue[]): { title: string; body: string } {
  const n = due.length;
  const names = listNames(due.map((d) => `${d.employeeName} (${d.cycleKey})`).sort((a, b) => a.localeCompare(b)));
  return {
    title: n === 1 ? "1 follow-up to record" : `${n} follow-ups to record`,
    body: `The latest keeper answer for ${names} was unsure or let go. Record what happened next: a conversation, an improvement plan or a separation.`,
  };
}
