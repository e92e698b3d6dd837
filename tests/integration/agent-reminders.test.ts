import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, isNull } from "drizzle-orm";
import { cycles, employees, notifications, outboxEmails, reminderLog, reviews } from "@/db/schema";
import { run, sendReminders } from "@/lib/cli/remind";
import { deliverOutbox, DELIVERY_WINDOW_MS, queueMail } from "@/lib/mail/outbox";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { startFakeSmtp, type FakeSmtp } from "../unit/agent/fake-smtp";

const ctx = useFreshDb();
const at = (iso: string) => Date.parse(iso);
let smtp: FakeSmtp | undefined;

beforeEach(async () => {
  await seedDemoFast(ctx.db);
});
afterEach(async () => {
  vi.useRealTimers();
  delete process.env.SMTP_URL;
  await smtp?.close();
  smtp = undefined;
});

/** Reviews in the open cycle nobody has submitted, each with the manager who must write it. */
async function unsubmitted() {
  const q4 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!;
  const people = (await ctx.db.select().from(employees)).filter((e) => e.managerId !== null && e.active);
  const submitted = new Set(
    (
      await ctx.db
        .select()
        .from(reviews)
        .where(and(eq(reviews.cycleId, q4.id), eq(reviews.status, "submitted")))
    ).map((r) => r.employeeId),
  );
  return people.filter((p) => !submitted.has(p.id));
}

describe("keeper remind", () => {
  it("sends nothing while the due date is more than 7 days away", async () => {
    expect(await sendReminders(at("2026-12-07T09:00:00Z"))).toMatchObject({ cycleKey: "2026-Q4", reviews: 0, reviewers: 0 });
    expect(await ctx.db.select().from(notifications)).toEqual([]);
  });

  it("reminds each reviewer once a day about every review not submitted, however often it runs", async () => {
    const pending = await unsubmitted();
    const reviewers = new Set(pending.map((p) => p.managerId));
    const first = await sendReminders(at("2026-12-10T06:00:00Z"));
    expect(first).toEqual({ day: "2026-12-10", cycleKey: "2026-Q4", reviews: pending.length, reviewers: reviewers.size });
    const told = await ctx.db.select().from(notifications);
    expect(told).toHaveLength(reviewers.size);
    expect(told.every((n) => n.kind === "review_due" && n.title.includes("due in 5 days"))).toBe(true);
    const mia = idOf(ctx.db, "mia");
    expect(told.find((n) => n.recipientId === mia)!.body).toContain("Ava Thompson");
    expect(await ctx.db.select().from(outboxEmails)).toHaveLength(reviewers.size);

    // Every hour for the rest of the day: nothing more.
    for (const hour of ["07", "12", "23"])
      expect(await sendReminders(at(`2026-12-10T${hour}:00:00Z`))).toMatchObject({ reviews: 0, reviewers: 0 });
    expect(await ctx.db.select().from(notifications)).toHaveLength(reviewers.size);
    expect(await ctx.db.select().from(reminderLog)).toHaveLength(pending.length);

    // The next UTC day is a new day.
    expect((await sendReminders(at("2026-12-11T00:30:00Z"))).reviews).toBe(pending.length);
  });

  it("leaves out reviews submitted since, and a review another run already claimed today", async () => {
    const ava = idOf(ctx.db, "ava");
    const q4 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q4")))[0]!;
    await ctx.db
      .insert(reminderLog)
      .values({ cycleId: q4.id, employeeId: ava, day: "2026-12-12", kind: "due_soon", sentAt: at("2026-12-12T01:00:00Z") });
    const liam = idOf(ctx.db, "liam");
    await ctx.db
      .update(reviews)
      .set({ status: "submitted" })
      .where(and(eq(reviews.cycleId, q4.id), eq(reviews.employeeId, liam)));
    const result = await sendReminders(at("2026-12-12T09:00:00Z"));
    expect(result.reviews).toBe((await unsubmitted()).length - 1);
    const logged = await ctx.db.select().from(reminderLog).where(eq(reminderLog.day, "2026-12-12"));
    expect(logged.filter((l) => l.employeeId === ava)).toHaveLength(1);
    expect(logged.some((l) => l.employeeId === liam)).toBe(false);
    const miaNote = (
      await ctx.db
        .select()
        .from(notifications)
        .where(eq(notifications.recipientId, idOf(ctx.db, "mia")))
    )[0]!;
    expect(miaNote.body).not.toContain("Ava Thompson");
  });

  it("says overdue after the due date", async () => {
    await sendReminders(at("2026-12-16T09:00:00Z"));
    const told = await ctx.db.select().from(notifications);
    expect(told.length).toBeGreaterThan(0);
    expect(told.every((n) => n.kind === "review_overdue" && n.title.includes("overdue"))).toBe(true);
    expect((await ctx.db.select().from(reminderLog)).every((l) => l.kind === "overdue")).toBe(true);
  });

  it("runs from the CLI: reminds, and without SMTP_URL keeps the mail in the outbox", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at("2026-12-14T08:00:00Z"));
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await run([])).toBe(0);
    expect(await run([])).toBe(0);
    const lines = log.mock.calls.map((c) => String(c[0]));
    expect(lines[0]).toMatch(/^2026-12-14: 2026-Q4: reminded \d+ reviewer\(s\) about \d+ review\(s\)\.$/);
    expect(lines[1]).toMatch(/^2026-12-14: follow-ups: reminded [1-9]\d* manager\(s\) about \d+ answer\(s\)\.$/);
    expect(lines[2]).toMatch(/SMTP_URL is not set: \d+ mail\(s\) kept in the outbox/);
    // The second run the same day sends nothing: each reminder is once a day, each follow-up once a week.
    expect(lines[3]).toBe("2026-12-14: 2026-Q4: reminded 0 reviewer(s) about 0 review(s).");
    expect(lines[4]).toBe("2026-12-14: follow-ups: reminded 0 manager(s) about 0 answer(s).");
    expect((await ctx.db.select().from(outboxEmails).where(isNull(outboxEmails.sentAt))).length).toBeGreaterThan(0);
  });

  it("runs from the CLI with SMTP_URL: the reminders go out by mail, once", async () => {
    smtp = await startFakeSmtp();
    process.env.SMTP_URL = `smtp://127.0.0.1:${smtp.port}?from=keeper@demo.keeper.test`;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(at("2026-12-14T08:00:00Z"));
    vi.spyOn(console, "log").mockImplementation(() => undefined);
    expect(await run([])).toBe(0);
    expect(await run([])).toBe(0);
    const reviewers = new Set((await unsubmitted()).map((p) => p.managerId)).size;
    // One mail per reviewer with reviews due, and one per manager with follow-ups to record.
    const followUpManagers = new Set(
      (await ctx.db.select().from(notifications).where(eq(notifications.kind, "follow_up_due"))).map((n) => n.recipientId),
    ).size;
    expect(followUpManagers).toBeGreaterThan(0);
    expect(smtp.messages).toHaveLength(reviewers + followUpManagers);
    expect(smtp.messages.some((m) => m.to.includes("mia@demo.keeper.test"))).toBe(true);
    expect(await ctx.db.select().from(outboxEmails).where(isNull(outboxEmails.sentAt))).toEqual([]);
  });
});

describe("delivering the outbox", () => {
  it("does nothing without SMTP_URL", async () => {
    await queueMail(ctx.db, { to: "ava@demo.keeper.test", subject: "s", body: "b" });
    expect(await deliverOutbox()).toEqual({ configured: false, sent: 0, failed: 0 });
    expect((await ctx.db.select().from(outboxEmails))[0]).toMatchObject({ sentAt: null, error: null });
  });

  it("records sentAt, records a refusal with its error, retries it next time, and skips stale mail", async () => {
    let refuse = true;
    smtp = await startFakeSmtp({ rejectRcpt: (a) => refuse && a === "gone@demo.keeper.test" });
    const smtpUrl = `smtp://127.0.0.1:${smtp.port}?from=keeper@demo.keeper.test`;
    const now = Date.now();
    await queueMail(ctx.db, { to: "ava@demo.keeper.test", subject: "one", body: "b" }, now);
    await queueMail(ctx.db, { to: "gone@demo.keeper.test", subject: "two", body: "b" }, now);
    await queueMail(ctx.db, { to: "mia@demo.keeper.test", subject: "ancient", body: "b" }, now - DELIVERY_WINDOW_MS - 1);

    expect(await deliverOutbox({ smtpUrl, now })).toEqual({ configured: true, sent: 1, failed: 1 });
    const [one, two, ancient] = await ctx.db.select().from(outboxEmails).orderBy(outboxEmails.id);
    expect(one.sentAt).toBeTypeOf("number");
    expect(two).toMatchObject({ sentAt: null, error: expect.stringContaining("550") });
    expect(ancient).toMatchObject({ sentAt: null, error: null });

    refuse = false;
    expect(await deliverOutbox({ smtpUrl, now })).toEqual({ configured: true, sent: 1, failed: 0 });
    expect((await ctx.db.select().from(outboxEmails))[1]).toMatchObject({ sentAt: expect.any(Number), error: null });
    expect(await deliverOutbox({ smtpUrl, now })).toEqual({ configured: true, sent: 0, failed: 0 });
    expect(smtp.messages.map((m) => m.to[0])).toEqual(["ava@demo.keeper.test", "gone@demo.keeper.test"]);
  });

  it("claims mail before sending, so a delivery running at the same time never sends it again", async () => {
    await queueMail(ctx.db, { to: "ava@demo.keeper.test", subject: "once", body: "b" });
    const sent: string[] = [];
    let second: Promise<unknown> | undefined;
    const slowSend = async (_c: unknown, messages: { subject: string }[]) => {
      // While this delivery is "on the wire", another one starts.
      second ??= deliverOutbox({
        smtpUrl: "smtp://127.0.0.1:1",
        send: async (_x, m) => {
          sent.push(...m.map((x) => `second:${x.subject}`));
          return m.map(() => ({ ok: true as const }));
        },
      });
      await second;
      sent.push(...messages.map((m) => m.subject));
      return messages.map(() => ({ ok: true as const }));
    };
    await deliverOutbox({ smtpUrl: "smtp://127.0.0.1:1", send: slowSend });
    expect(sent).toEqual(["once"]);
  });
});
