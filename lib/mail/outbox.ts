import { and, asc, eq, gte, inArray, isNull } from "drizzle-orm";
import { getDb, writeTx, type Db } from "@/db/client";
import { outboxEmails } from "@/db/schema";
import { logger } from "@/lib/observability/log";
import { parseSmtpUrl, sendAll, type MailMessage, type SendOutcome, type SmtpConfig } from "./smtp";

/**
 * Every mail Keeper sends is first a row in outbox_emails, written in the same transaction as the
 * event that caused it. Without SMTP_URL the rows stay there for admins to read (/admin/outbox);
 * with it, deliverOutbox() hands them to the relay. docs/decisions/0005-outbox-mail.md.
 */

/** Mail older than this is not (re)tried: configuring SMTP later must not flood people with old news. */
export const DELIVERY_WINDOW_MS = 24 * 60 * 60 * 1000;
const BATCH = 100;

export async function queueMail(db: Db, mail: { to: string; subject: string; body: string }, now = Date.now()): Promise<void> {
  await db.insert(outboxEmails).values({ toAddress: mail.to, subject: mail.subject, body: mail.body, createdAt: now });
}

export function smtpConfigured(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.SMTP_URL);
}

/** Absolute link for mail when APP_URL is set (e.g. https://keeper.example.com); the path otherwise. */
export function absoluteLink(path: string, env: NodeJS.ProcessEnv = process.env): string {
  const base = (env.APP_URL ?? "").replace(/\/+$/, "");
  return `${base}${path}`;
}

export interface DeliveryResult {
  configured: boolean;
  sent: number;
  failed: number;
}

type Sender = (config: SmtpConfig, messages: MailMessage[]) => Promise<SendOutcome[]>;

/**
 * Sends pending mail. Rows are claimed (sent_at set) in one IMMEDIATE transaction before any
 * network I/O, so a server and a cron job delivering at the same time never send a mail twice;
 * a failure puts the row back with its error, to be retried on the next run inside the window.
 * The price is at-most-once: a crash between claim and send loses that mail (the in-app
 * notification still exists).
 */
export async function deliverOutbox(options: { smtpUrl?: string; now?: number; send?: Sender } = {}): Promise<DeliveryResult> {
  const smtpUrl = options.smtpUrl ?? process.env.SMTP_URL;
  if (!smtpUrl) return { configured: false, sent: 0, failed: 0 };
  const config = parseSmtpUrl(smtpUrl);
  const now = options.now ?? Date.now();
  const claimed = await writeTx(async (db) => {
    const rows = await db
      .select()
      .from(outboxEmails)
      .where(and(isNull(outboxEmails.sentAt), gte(outboxEmails.createdAt, now - DELIVERY_WINDOW_MS)))
      .orderBy(asc(outboxEmails.id))
      .limit(BATCH);
    if (rows.length > 0)
      await db
        .update(outboxEmails)
        .set({ sentAt: now })
        .where(
          inArray(
            outboxEmails.id,
            rows.map((r) => r.id),
          ),
        );
    return rows;
  });
  if (claimed.length === 0) return { configured: true, sent: 0, failed: 0 };
  const outcomes = await (options.send ?? sendAll)(
    config,
    claimed.map((r) => ({ id: r.id, to: r.toAddress, subject: r.subject, body: r.body })),
  );
  const finished = Date.now();
  await writeTx(async (db) => {
    for (const [i, row] of claimed.entries()) {
      const outcome = outcomes[i] ?? { ok: false, error: "not attempted" };
      await db
        .update(outboxEmails)
        .set(outcome.ok ? { sentAt: finished, error: null } : { sentAt: null, error: outcome.error.slice(0, 500) })
        .where(eq(outboxEmails.id, row.id));
    }
  });
  const sent = outcomes.filter((o) => o.ok).length;
  return { configured: true, sent, failed: claimed.length - sent };
}

// One delivery at a time per process; a request that arrives meanwhile runs once more after it.
let running: Promise<void> | null = null;
let again = false;

/**
 * Called by the data layer when it queued mail: with SMTP configured the mail goes out now
 * rather than at the next `keeper remind`. Deferred to a later turn of the event loop, so calling
 * it inside writeTx is safe (the delivery sees the committed rows); never awaited by the request
 * and never throws into it.
 */
export function scheduleDelivery(): void {
  if (!smtpConfigured()) return;
  if (running) {
    again = true;
    return;
  }
  const db = getDb();
  running = new Promise<void>((resolve) => setImmediate(resolve))
    .then(async () => {
      do {
        again = false;
        // Only the database of the request that queued the mail (tests swap databases).
        if (getDb() !== db) break;
        await deliverOutbox().catch((error: unknown) => logger.error({ err: error }, "mail delivery failed"));
      } while (again);
    })
    .finally(() => {
      running = null;
    });
}
