import { and, eq } from "drizzle-orm";
import type { Db } from "@/db/client";
import { employees, notifications } from "@/db/schema";
import { absoluteLink, queueMail } from "./outbox";

/**
 * One event, told to one person: an in-app notification and a mail (outbox), written with the
 * caller's `db` so they commit or roll back with the event itself. Synchronous on purpose: it
 * runs inside writeTx. Free of "server-only" so the `keeper remind` CLI can use it too.
 */

export const NOTIFICATION_KINDS = [
  "review_released",
  "checkin_asked",
  "checkin_answered",
  "reply_received",
  "review_due",
  "review_overdue",
  "follow_up_due",
  "connection_credentials",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface NotificationInput {
  recipientId: number;
  kind: NotificationKind;
  title: string;
  body?: string;
  /** An in-app path such as /feedback/2026-Q3. */
  link?: string;
}

function mailBody(recipientName: string, n: NotificationInput): string {
  const lines = [`Hello ${recipientName.split(/\s+/)[0]},`, "", n.title];
  if (n.body) lines.push("", n.body);
  if (n.link) lines.push("", `Open Keeper: ${absoluteLink(n.link)}`);
  lines.push("", "You get this mail because of your notifications in Keeper.");
  return lines.join("\n");
}

/** Returns false (and writes nothing) when the recipient is unknown or no longer active. */
export async function notify(db: Db, n: NotificationInput, now = Date.now()): Promise<boolean> {
  const recipient = (
    await db
      .select({ email: employees.email, name: employees.name })
      .from(employees)
      .where(and(eq(employees.id, n.recipientId), eq(employees.active, true)))
  )[0];
  if (!recipient) return false;
  await db
    .insert(notifications)
    .values({ recipientId: n.recipientId, kind: n.kind, title: n.title, body: n.body ?? "", link: n.link ?? null, createdAt: now });
  await queueMail(db, { to: recipient.email, subject: `Keeper: ${n.title}`, body: mailBody(recipient.name, n) }, now);
  return true;
}
