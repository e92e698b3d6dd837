import { beforeEach, describe, expect, it, vi } from "vitest";
import { and, eq, inArray } from "drizzle-orm";
import { auditLog, cycleTraits, cycles, employees, keeperCheckins, notifications, reviews } from "@/db/schema";
import { createTokenAction, revokeTokenAction } from "@/app/(app)/admin/tokens/actions";
import { answerCheckinAction, askCheckinAction } from "@/app/(app)/checkins/actions";
import { acknowledgeAction, replyAction, saveReflectionAction } from "@/app/(app)/feedback/actions";
import {
  removeConnectionAction,
  saveConnectionAction,
  syncConnectionAction,
  syncProgressAction,
  testConnectionAction,
} from "@/app/(app)/hr/connections/actions";
import { createCycleAction, transitionCycleAction, updateCycleSettingsAction } from "@/app/(app)/hr/cycles/actions";
import { recordDepartureAction } from "@/app/(app)/hr/people/actions";
import { recordFollowUpAction } from "@/app/(app)/follow-ups/actions";
import { addLateHiresAction, reassignReviewerAction } from "@/app/(app)/hr/cycles/[key]/actions";
import { markAllReadAction, openNotificationAction } from "@/app/(app)/notifications/actions";
import { reopenReviewAction, saveDraftAction, submitReviewAction } from "@/app/(app)/reviews/actions";
import { calibrateAction } from "@/app/(app)/talent/actions";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";
import { ACTION_ROLES, SESSION_ONLY_ACTIONS, type AccessRole } from "../access/inventory";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));
// Revalidation needs a live Next request; these tests are about who may call each action.
vi.mock("next/cache", () => ({ revalidatePath: () => {}, revalidateTag: () => {} }));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const LOGIN: Record<AccessRole, string> = {
  agent: "ava",
  otherAgent: "liam",
  manager: "mia",
  otherManager: "noah",
  director: "director",
  hr: "hr",
  admin: "admin",
};
const form = (fields: Record<string, string | number>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) f.set(k, String(v));
  return f;
};
const id = (who: string) => idOf(ctx.db, who);

/** Calls that reach each action's access rule with input that changes nothing when allowed. */
const CALLS: Record<string, () => Promise<unknown>> = {
  saveDraftAction: async () =>
    saveDraftAction({
      cycleKey: "2026-Q4",
      employeeId: id("ava"),
      version: 99,
      keeperAnswer: null,
      keeperReason: "",
      summary: "",
      privateNotes: "",
      traits: [],
    }),
  submitReviewAction: async () =>
    submitReviewAction({
      cycleKey: "2026-Q4",
      employeeId: id("ava"),
      version: 0,
      keeperAnswer: null,
      keeperReason: "",
      summary: "",
      privateNotes: "",
      traits: [],
    }),
  reopenReviewAction: async () => reopenReviewAction({ cycleKey: "2026-Q4", employeeId: id("ava"), version: 99 }),
  createCycleAction: () => createCycleAction(null, form({ key: "2026-Q4" })),
  updateCycleSettingsAction: () => updateCycleSettingsAction(null, form({ key: "2026-Q4", dueDate: "not a date" })),
  transitionCycleAction: () => transitionCycleAction({ key: "2026-Q4", to: "closed" }),
  addLateHiresAction: () => addLateHiresAction(null, form({ key: "2026-Q4" })),
  reassignReviewerAction: () => reassignReviewerAction(null, form({ key: "2026-Q4", employeeEmail: "not an email", reviewerEmail: "" })),
  recordDepartureAction: async () => recordDepartureAction(null, form({ employeeId: id("liam"), leftAt: "not a date" })),
  recordFollowUpAction: async () => {
    // One of Mia's reports answered unsure or let go in 2026-Q3, the latest released cycle.
    const q3 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q3")))[0]!;
    const row = (
      await ctx.db
        .select({ id: reviews.id })
        .from(reviews)
        .innerJoin(employees, eq(employees.id, reviews.employeeId))
        .where(and(eq(reviews.cycleId, q3.id), eq(employees.managerId, id("mia")), inArray(reviews.keeperAnswer, ["unsure", "let_go"])))
    )[0]!;
    return recordFollowUpAction(null, form({ reviewId: row.id, kind: "nonsense", happenedOn: "" }));
  },
  createTokenAction: () => createTokenAction(null, form({ name: "", scope: "read", expiresInDays: 0 })),
  revokeTokenAction: () => revokeTokenAction(424242),
  calibrateAction: async () => {
    const q3 = (await ctx.db.select().from(cycles).where(eq(cycles.key, "2026-Q3")))[0]!;
    const review = (
      await ctx.db
        .select()
        .from(reviews)
        .where(and(eq(reviews.cycleId, q3.id), eq(reviews.employeeId, id("ava"))))
    )[0]!;
    const traitIds = (await ctx.db.select().from(cycleTraits).where(eq(cycleTraits.cycleId, q3.id))).map((t) => t.id);
    return calibrateAction({
      cycleKey: "2026-Q3",
      employeeId: id("ava"),
      version: review.version,
      keeperAnswer: "unsure",
      traits: traitIds.map((t) => ({ cycleTraitId: t, rating: 3, notObserved: false })),
      reason: "Matrix test",
    });
  },
  // Connection actions: invalid input or an unknown connection, so an allowed call changes nothing.
  saveConnectionAction: () => saveConnectionAction(null, form({ name: "", source: "zendesk", baseUrl: "not a url" })),
  removeConnectionAction: () => removeConnectionAction(424242),
  testConnectionAction: () => testConnectionAction(424242),
  syncConnectionAction: () => syncConnectionAction(424242),
  syncProgressAction: () => syncProgressAction(424242),
  askCheckinAction: () => askCheckinAction(null, form({ message: "x".repeat(5000) })),
  answerCheckinAction: async () => {
    const checkin = (await ctx.db.select().from(keeperCheckins))[0]!;
    return answerCheckinAction(null, form({ id: checkin.id, answer: "keep", note: "Matrix test" }));
  },
  acknowledgeAction: () => acknowledgeAction(null, form({ cycleKey: "2026-Q3" })),
  replyAction: () => replyAction(null, form({ cycleKey: "2026-Q3", reply: "Thank you." })),
  saveReflectionAction: () => saveReflectionAction(null, form({ cycleKey: "2026-Q4", proudOf: "x".repeat(20000), growth: "" })),
  openNotificationAction: async () => {
    const n = (
      await ctx.db
        .select()
        .from(notifications)
        .where(eq(notifications.recipientId, id("ava")))
    )[0]!;
    try {
      await openNotificationAction(form({ id: n.id }));
    } catch (error) {
      if (!String((error as { digest?: string }).digest ?? "").startsWith("NEXT_REDIRECT")) throw error;
    }
  },
  markAllReadAction: () => markAllReadAction(),
};

async function denials(): Promise<number> {
  return (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).length;
}

/** Ava asks Mia for a check-in and has one notification, so answering and opening have targets. */
async function withTargets(): Promise<void> {
  signInAs(id("ava"));
  const asked = await askCheckinAction(null, form({ message: "How am I doing?" }));
  expect(asked.ok).toBe(true);
  if (
    (
      await ctx.db
        .select()
        .from(notifications)
        .where(eq(notifications.recipientId, id("ava")))
    ).length === 0
  ) {
    await ctx.db
      .insert(notifications)
      .values({ recipientId: id("ava"), kind: "review_released", title: "Your review is ready", link: "/feedback", createdAt: Date.now() });
  }
}

describe("every server action, for every role: allowed roles pass the access rule, all others are denied and audited", () => {
  it("covers every action the app exports", () => {
    expect(Object.keys(CALLS).sort()).toEqual(
      Object.keys(ACTION_ROLES)
        .filter((name) => !SESSION_ONLY_ACTIONS.includes(name))
        .sort(),
    );
  });

  for (const [action, allowed] of Object.entries(ACTION_ROLES)) {
    if (SESSION_ONLY_ACTIONS.includes(action)) continue;
    it(`${action}: ${allowed.join(", ")}`, async () => {
      await withTargets();
      for (const role of Object.keys(LOGIN) as AccessRole[]) {
        signInAs(id(LOGIN[role]));
        const before = await denials();
        await CALLS[action]();
        const denied = (await denials()) > before;
        expect({ role, denied }).toEqual({ role, denied: !allowed.includes(role) });
      }
    });
  }
});
