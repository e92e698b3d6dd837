import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLog, csatResponses, csatRollups, notifications, reflections, reviews } from "@/db/schema";
import { answerCheckin, askForCheckin, checkinStatsByManager, listCheckinsToAnswer, listMyCheckins } from "@/lib/dal/checkins";
import { acknowledgeReview, getMyFeedback, getMyFeedbackFor, getReviewResponse } from "@/lib/dal/feedback";
import { getMyComments, getMyCsat } from "@/lib/dal/my-csat";
import { listMyNotifications, listOutbox, openNotification } from "@/lib/dal/notifications";
import { getReflectionFor, saveMyReflection } from "@/lib/dal/reflections";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));
// Server actions revalidate Next's cache, which does not exist outside a request.
vi.mock("next/cache", () => ({ revalidatePath: vi.fn() }));

const ctx = useFreshDb();
const NAMES = ["ava", "liam", "mia", "noah", "director", "hr", "admin"] as const;
const who = {} as Record<(typeof NAMES)[number], number>;
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  for (const name of NAMES) who[name] = idOf(ctx.db, name);
});

async function denials(): Promise<number> {
  return (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).length;
}

describe("an agent's feedback is theirs alone", () => {
  it("lists only the viewer's own released reviews, through the data layer and the API", async () => {
    signInAs(who.liam);
    const { items } = await getMyFeedback();
    expect(items.length).toBe(3);
    expect(items.every((i) => i.review.employee.id === who.liam)).toBe(true);
    expect(items.every((i) => i.review.privateNotes === undefined)).toBe(true);
    const { GET } = await import("@/app/api/v1/feedback/route");
    const body = await (await GET(new Request("http://localhost/api/v1/feedback"))).json();
    expect(body.reviews.map((r: { employee: { id: number } }) => r.employee.id)).toEqual([who.liam, who.liam, who.liam]);
    expect(JSON.stringify(body)).not.toContain("privateNotes");
  });

  it("answers 401 to the API without a session", async () => {
    signInAs(null);
    const { GET } = await import("@/app/api/v1/feedback/route");
    expect((await GET(new Request("http://localhost/api/v1/feedback"))).status).toBe(401);
  });

  it("acknowledging acts on the viewer's own review only; there is no way to name another's", async () => {
    signInAs(who.liam);
    expect(await acknowledgeReview({ cycleKey: "2026-Q3", employeeId: who.ava })).toMatchObject({ ok: true });
    const q3 = (
      await ctx.db
        .select()
        .from(reviews)
        .where(inArray(reviews.employeeId, [who.ava, who.liam]))
    ).filter((r) => r.acknowledgedAt !== null);
    expect(q3.map((r) => r.employeeId)).toEqual([who.liam]);
  });

  it("the feedback page is a 404 (audited) for someone with no released review there", async () => {
    signInAs(who.hr);
    const before = await denials();
    expect(await getMyFeedbackFor("2026-Q3")).toBeNull();
    const { default: Page } = await import("@/app/(app)/feedback/[cycle]/page");
    await expect(Page({ params: Promise.resolve({ cycle: "2026-Q3" }) })).rejects.toMatchObject({ digest: expect.stringContaining("404") });
    expect(await denials()).toBe(before + 2);
  });

  it("the agent's acknowledgement and reply are readable by their managers and HR, not by another agent", async () => {
    for (const [name, allowed] of [
      ["mia", true],
      ["director", true],
      ["hr", true],
      ["noah", false],
      ["liam", false],
    ] as const) {
      signInAs(who[name]);
      expect((await getReviewResponse("2026-Q3", who.ava)) !== null, name).toBe(allowed);
    }
  });
});

describe("an agent's customers are theirs alone", () => {
  it("returns only the viewer's own comments, whatever the request says", async () => {
    signInAs(who.ava);
    const { comments } = await getMyComments({ employeeId: who.liam, search: "" });
    expect(comments.length).toBeGreaterThan(0);
    const owners = await ctx.db
      .select({ employeeId: csatResponses.employeeId })
      .from(csatResponses)
      .where(
        inArray(
          csatResponses.id,
          comments.map((c) => c.id),
        ),
      );
    expect(new Set(owners.map((o) => o.employeeId))).toEqual(new Set([who.ava]));
  });

  it("filters by sentiment, quarter and text, and ignores filters that do not parse", async () => {
    signInAs(who.ava);
    const negative = await getMyComments({ sentiment: "negative" });
    expect(negative.comments.every((c) => !c.satisfied)).toBe(true);
    const q3 = await getMyComments({ quarter: "2026-Q3" });
    expect(q3.comments.every((c) => c.quarter === "2026-Q3")).toBe(true);
    const text = await getMyComments({ search: "JARGON" });
    expect(text.comments.every((c) => c.comment.toLowerCase().includes("jargon"))).toBe(true);
    const junk = await getMyComments({ quarter: "'; drop table x; --", sentiment: "maybe" });
    expect(junk.filter).toEqual({});
  });

  it("reads CSAT from the viewer's own rollups, next to the organisation's", async () => {
    signInAs(who.liam);
    const quarters = await getMyCsat(Date.UTC(2026, 10, 22));
    expect(quarters.map((q) => q.quarter)).toEqual(["2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"]);
    const q3 = (
      await ctx.db
        .select()
        .from(csatRollups)
        .where(and(eq(csatRollups.employeeId, who.liam), eq(csatRollups.quarter, "2026-Q3")))
    )[0]!;
    expect(quarters[2].mine).toMatchObject({ responses: q3.responses, satisfied: q3.satisfied });
    expect(quarters[2].organisation.responses).toBeGreaterThan(q3.responses);
  });
});

describe("check-ins are between the agent and the manager asked", () => {
  it("never shows Ava's check-in to another agent or another manager, by data layer, action or API", async () => {
    signInAs(who.ava);
    expect(await askForCheckin({ message: "Thinking about my next year here." })).toMatchObject({ ok: true });
    const id = (await listMyCheckins()).checkins[0].id;

    signInAs(who.liam);
    expect((await listMyCheckins()).checkins).toEqual([]);
    expect(await listCheckinsToAnswer()).toEqual({ pending: [], answered: [] });
    const { GET } = await import("@/app/api/v1/checkins/route");
    expect(JSON.stringify(await (await GET(new Request("http://localhost/api/v1/checkins"))).json())).not.toContain("Thinking about");

    signInAs(who.noah);
    const before = await denials();
    expect(await answerCheckin({ id, answer: "let_go", note: "Not mine to answer." })).toMatchObject({ ok: false, code: "not_found" });
    const { answerCheckinAction } = await import("@/app/(app)/checkins/actions");
    const form = new FormData();
    form.set("id", String(id));
    form.set("answer", "let_go");
    form.set("note", "Through the action.");
    expect(await answerCheckinAction(null, form)).toMatchObject({ ok: false, code: "not_found" });
    expect(await denials()).toBe(before + 2);

    // Not even the manager's manager reads it; HR sees counts, not words.
    signInAs(who.director);
    expect((await listCheckinsToAnswer()).pending).toEqual([]);
    expect(await checkinStatsByManager()).toBeNull();
    signInAs(who.hr);
    const stats = await checkinStatsByManager();
    expect(stats).toEqual([expect.objectContaining({ managerId: who.mia, open: 1, answered: 0 })]);
    expect(JSON.stringify(stats)).not.toContain("Thinking about");
    const hrApi = await (await GET(new Request("http://localhost/api/v1/checkins"))).json();
    expect(JSON.stringify(hrApi)).not.toContain("Thinking about");
    expect(hrApi.perManager[0]).toMatchObject({ managerName: "Mia Chen", open: 1 });
  });
});

describe("self-reflections", () => {
  it("are read by the agent, everyone above them and HR; never by a peer or another team's manager", async () => {
    signInAs(who.ava);
    expect(await saveMyReflection({ cycleKey: "2026-Q4", proudOf: "Zero escalations.", growth: "Billing questions." })).toMatchObject({
      ok: true,
    });
    for (const [name, allowed] of [
      ["ava", true],
      ["mia", true],
      ["director", true],
      ["hr", true],
      ["noah", false],
      ["liam", false],
    ] as const) {
      signInAs(who[name]);
      const before = await denials();
      const seen = await getReflectionFor("2026-Q4", who.ava);
      if (allowed) expect(seen?.reflection?.proudOf, name).toBe("Zero escalations.");
      else {
        expect(seen, name).toBeNull();
        expect(await denials()).toBe(before + 1);
      }
    }
  });

  it("are always written as the viewer: an employee id in the request is ignored", async () => {
    signInAs(who.liam);
    const { saveReflectionAction } = await import("@/app/(app)/feedback/actions");
    const form = new FormData();
    form.set("cycleKey", "2026-Q4");
    form.set("proudOf", "Written by Liam");
    form.set("growth", "");
    form.set("employeeId", String(who.ava));
    expect(await saveReflectionAction(null, form)).toMatchObject({ ok: true });
    const rows = await ctx.db.select().from(reflections);
    expect(rows.map((r) => [r.employeeId, r.proudOf])).toEqual([[who.liam, "Written by Liam"]]);
  });

  it("can be written only while the cycle is open", async () => {
    signInAs(who.ava);
    expect(await saveMyReflection({ cycleKey: "2026-Q3", proudOf: "late", growth: "" })).toMatchObject({ ok: false, code: "closed" });
    expect(await ctx.db.select().from(reflections)).toEqual([]);
  });
});

describe("notifications and the outbox", () => {
  it("nobody opens or lists someone else's notification", async () => {
    signInAs(who.ava);
    await askForCheckin({});
    const miaNote = (await ctx.db.select().from(notifications).where(eq(notifications.recipientId, who.mia)))[0]!;
    signInAs(who.liam);
    expect(await listMyNotifications()).toEqual([]);
    expect(await openNotification({ id: miaNote.id })).toBeNull();
    expect((await ctx.db.select().from(notifications).where(eq(notifications.id, miaNote.id)))[0]!.readAt).toBeNull();
    signInAs(who.mia);
    expect(await openNotification({ id: miaNote.id })).toEqual({ link: "/checkins" });
  });

  it("the outbox is for admins only, not HR", async () => {
    signInAs(who.hr);
    expect(await listOutbox()).toBeNull();
    signInAs(who.admin);
    expect(await listOutbox()).toMatchObject({ smtpConfigured: false, mails: [] });
  });
});
