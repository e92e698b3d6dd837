import "server-only";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { z } from "zod";
import { getDb, writeTx, type Db } from "@/db/client";
import { perConnection, prepareNamed } from "@/db/per-connection";
import { notifications, outboxEmails, reviews } from "@/db/schema";
import { notify } from "@/lib/mail/notify";
import { scheduleDelivery, smtpConfigured } from "@/lib/mail/outbox";
import { recordDenied } from "./audit";
import { requireRole } from "./policy";
import { verifySession } from "./session";
import { affected } from "@/db/raw";

export interface NotificationView {
  id: number;
  kind: string;
  title: string;
  body: string;
  link: string | null;
  createdAt: number;
  readAt: number | null;
}

/** The viewer's own notifications, newest first. Nobody reads anyone else's. */
export async function listMyNotifications(limit = 50): Promise<NotificationView[]> {
  const viewer = await verifySession();
  return await getDb()
    .select({
      id: notifications.id,
      kind: notifications.kind,
      title: notifications.title,
      body: notifications.body,
      link: notifications.link,
      createdAt: notifications.createdAt,
      readAt: notifications.readAt,
    })
    .from(notifications)
    .where(eq(notifications.recipientId, viewer.id))
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(Math.min(Math.max(1, limit), 200));
}

// Every signed-in page's header asks for it.
const unreadCount = perConnection((db) =>
  prepareNamed(
    db
      .select({ n: sql<number>`count(*)` })
      .from(notifications)
      .where(and(eq(notifications.recipientId, sql.placeholder("viewerId")), isNull(notifications.readAt))),
    "keeper_unread_count",
  ),
);

export async function unreadNotificationCount(): Promise<number> {
  const viewer = await verifySession();
  return Number((await unreadCount(getDb()).execute({ viewerId: viewer.id }))[0]!.n);
}

export async function markAllNotificationsRead(): Promise<number> {
  const viewer = await verifySession();
  return writeTx(async (db) =>
    affected(
      await db
        .update(notifications)
        .set({ readAt: Date.now() })
        .where(and(eq(notifications.recipientId, viewer.id), isNull(notifications.readAt))),
    ),
  );
}

const openSchema = z.object({ id: z.coerce.number().int().positive() });

/** Marks one of the viewer's notifications read and returns where it points; null when not theirs. */
export async function openNotification(raw: unknown): Promise<{ link: string } | null> {
  const viewer = await verifySession();
  const parsed = openSchema.safeParse(raw);
  if (!parsed.success) return null;
  const row = await writeTx(
    async (db) =>
      (
        await db
          .update(notifications)
          .set({ readAt: sql`coalesce(${notifications.readAt}, ${Date.now()})` })
          .where(and(eq(notifications.id, parsed.data.id), eq(notifications.recipientId, viewer.id)))
          .returning({ link: notifications.link })
      )[0],
  );
  if (!row) {
    await recordDenied(viewer.id, "notification", parsed.data.id, "not the recipient or does not exist");
    return null;
  }
  // Only in-app paths: a stored link must never send anyone off-site.
  return { link: row.link && row.link.startsWith("/") && !row.link.startsWith("//") ? row.link : "/notifications" };
}

// ---- Events the data layer reports (called inside the event's own transaction) ----------------

/** Tells every employee with a submitted review in the cycle that it is released to them. */
export async function notifyReviewsReleased(db: Db, cycleId: number, cycleKey: string, now = Date.now()): Promise<number> {
  const subjects = await db
    .select({ employeeId: reviews.employeeId })
    .from(reviews)
    .where(and(eq(reviews.cycleId, cycleId), eq(reviews.status, "submitted")));
  let sent = 0;
  for (const { employeeId } of subjects) {
    const ok = await notify(
      db,
      {
        recipientId: employeeId,
        kind: "review_released",
        title: `Your ${cycleKey} review is ready`,
        body: "Your manager's feedback for the quarter has been released. Read it, acknowledge it, and reply if you want to.",
        link: `/feedback/${cycleKey}`,
      },
      now,
    );
    if (ok) sent += 1;
  }
  scheduleDelivery();
  return sent;
}

// ---- Outbox, for admins -------------------------------------------------------------------

export interface OutboxView {
  smtpConfigured: boolean;
  mails: { id: number; toAddress: string; subject: string; body: string; createdAt: number; sentAt: number | null; error: string | null }[];
}

/**
 * Mail Keeper wrote, newest first. Admins only. Mail never carries review or check-in content
 * (it says that something happened and links to it), so reading the outbox reveals no more
 * than the notification titles.
 */
export async function listOutbox(limit = 100): Promise<OutboxView | null> {
  if (!(await requireRole("admin", { type: "page", id: "/admin/outbox" }))) return null;
  const mails = await getDb()
    .select()
    .from(outboxEmails)
    .orderBy(desc(outboxEmails.id))
    .limit(Math.min(Math.max(1, limit), 500));
  return { smtpConfigured: smtpConfigured(), mails };
}
