import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { keeperCheckins, notifications, outboxEmails } from "@/db/schema";
import { answerCheckin, askForCheckin, checkinStatsByManager, listCheckinsToAnswer, listMyCheckins } from "@/lib/dal/checkins";
import { listMyNotifications, markAllNotificationsRead, openNotification, unreadNotificationCount } from "@/lib/dal/notifications";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
let ava: number;
let mia: number;
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  ava = idOf(ctx.db, "ava");
  mia = idOf(ctx.db, "mia");
});

describe("the keeper check-in round trip", () => {
  it("agent asks, manager is told and answers, agent is told and reads the answer", async () => {
    signInAs(ava);
    expect(await askForCheckin({ message: "Where do you see me in a year?" })).toMatchObject({
      ok: true,
      message: "Asked Mia. You will be notified when they answer.",
    });

    signInAs(mia);
    expect(await unreadNotificationCount()).toBe(1);
    const [asked] = await listMyNotifications();
    expect(asked).toMatchObject({ kind: "checkin_asked", link: "/checkins", readAt: null });
    const { pending } = await listCheckinsToAnswer();
    expect(pending).toEqual([
      expect.objectContaining({ agent: { id: ava, name: "Ava Thompson" }, message: "Where do you see me in a year?", answeredAt: null }),
    ]);
    expect(
      await answerCheckin({ id: pending[0].id, answer: "fight_hard", note: "  You are the first person customers ask for.  " }),
    ).toMatchObject({ ok: true });
    expect(await listCheckinsToAnswer()).toMatchObject({ pending: [], answered: [expect.objectContaining({ answer: "fight_hard" })] });

    signInAs(ava);
    const [answered] = await listMyNotifications();
    expect(answered).toMatchObject({ kind: "checkin_answered", title: "Mia answered your keeper check-in", link: "/checkins" });
    const mine = await listMyCheckins();
    expect(mine.manager).toEqual({ id: mia, name: "Mia Chen" });
    expect(mine.checkins[0]).toMatchObject({
      answer: "fight_hard",
      note: "You are the first person customers ask for.",
      answeredAt: expect.any(Number),
    });

    // Two events, two mails, none quoting what was said.
    const mail = await ctx.db.select().from(outboxEmails);
    expect(mail.map((m) => m.toAddress)).toEqual(["mia@demo.keeper.test", "ava@demo.keeper.test"]);
    expect(mail.some((m) => m.body.includes("first person customers ask for") || m.body.includes("in a year"))).toBe(false);
  });

  it("allows one open check-in at a time, and asking again once answered", async () => {
    signInAs(ava);
    await askForCheckin({});
    expect(await askForCheckin({ message: "again" })).toMatchObject({ ok: false, code: "pending" });
    const id = (await listMyCheckins()).checkins[0].id;
    signInAs(mia);
    await answerCheckin({ id, answer: "keep", note: "Solid, steady work." });
    signInAs(ava);
    expect(await askForCheckin({ message: "And now?" })).toMatchObject({ ok: true });
    expect(await ctx.db.select().from(keeperCheckins)).toHaveLength(2);
  });

  it("needs a keeper answer and a note, and is answered once", async () => {
    signInAs(ava);
    await askForCheckin({});
    const id = (await listMyCheckins()).checkins[0].id;
    signInAs(mia);
    expect(await answerCheckin({ id, answer: "maybe", note: "x" })).toMatchObject({ ok: false, code: "invalid", field: "answer" });
    expect(await answerCheckin({ id, answer: "keep", note: "   " })).toMatchObject({ ok: false, code: "invalid", field: "note" });
    expect(await answerCheckin({ id, answer: "keep", note: "First answer." })).toMatchObject({ ok: true });
    expect(await answerCheckin({ id, answer: "let_go", note: "Changed my mind." })).toMatchObject({ ok: false, code: "already_answered" });
    expect((await ctx.db.select().from(keeperCheckins))[0]).toMatchObject({ answer: "keep", note: "First answer." });
  });

  it("cannot be asked by someone with no manager", async () => {
    signInAs(idOf(ctx.db, "hr"));
    expect(await askForCheckin({})).toMatchObject({ ok: false, code: "no_manager" });
    expect((await listMyCheckins()).manager).toBeNull();
  });
});

describe("what HR sees", () => {
  it("per manager: how many are open, the longest wait and the average time to answer", async () => {
    const day = 86_400_000;
    const now = Date.now();
    const liam = idOf(ctx.db, "liam");
    const noah = idOf(ctx.db, "noah");
    await ctx.db.insert(keeperCheckins).values([
      { agentId: ava, managerId: mia, askedAt: now - 10 * day, answeredAt: now - 8 * day, answer: "keep", note: "private words" },
      { agentId: ava, managerId: mia, askedAt: now - 4 * day, answeredAt: now, answer: "fight_hard", note: "more private words" },
      { agentId: liam, managerId: noah, askedAt: now - 9 * day, message: "private question" },
    ]);
    signInAs(idOf(ctx.db, "hr"));
    const stats = await checkinStatsByManager();
    expect(stats).toEqual([
      { managerId: noah, managerName: "Noah Park", open: 1, oldestOpenAskedAt: now - 9 * day, answered: 0, averageWaitMs: null },
      { managerId: mia, managerName: "Mia Chen", open: 0, oldestOpenAskedAt: null, answered: 2, averageWaitMs: 3 * day },
    ]);
    expect(JSON.stringify(stats)).not.toMatch(/private/);
  });
});

describe("reading notifications", () => {
  it("opening one marks it read and returns only in-app links; mark all clears the count", async () => {
    const now = Date.now();
    await ctx.db.insert(notifications).values([
      { recipientId: ava, kind: "review_released", title: "a", link: "/feedback/2026-Q3", createdAt: now },
      { recipientId: ava, kind: "review_released", title: "b", link: "https://evil.example.com", createdAt: now },
      { recipientId: ava, kind: "review_released", title: "c", link: "//evil.example.com", createdAt: now },
    ]);
    signInAs(ava);
    const [a, b, c] = await ctx.db.select().from(notifications).where(eq(notifications.recipientId, ava));
    expect(await openNotification({ id: a.id })).toEqual({ link: "/feedback/2026-Q3" });
    expect(await openNotification({ id: b.id })).toEqual({ link: "/notifications" });
    expect(await openNotification({ id: c.id })).toEqual({ link: "/notifications" });
    expect(await unreadNotificationCount()).toBe(0);
    await ctx.db.insert(notifications).values({ recipientId: ava, kind: "checkin_answered", title: "d", createdAt: now });
    expect(await unreadNotificationCount()).toBe(1);
    expect(await markAllNotificationsRead()).toBe(1);
    expect(await unreadNotificationCount()).toBe(0);
  });
});
