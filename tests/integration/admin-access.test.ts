import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { auditLog } from "@/db/schema";
import { readAuditLog } from "@/lib/dal/audit-read";
import { recordAudit } from "@/lib/dal/audit";
import { getReviewCalibration } from "@/lib/dal/calibration";
import { checkinStatsByManager } from "@/lib/dal/checkins";
import { getEmployeeCsat, listImports } from "@/lib/dal/csat";
import { createCycle, cycleProgress, listCycleRefs } from "@/lib/dal/cycles";
import { exportReviewsCsv } from "@/lib/dal/export";
import { listOutbox } from "@/lib/dal/notifications";
import { getReflectionFor } from "@/lib/dal/reflections";
import { listVisibleReviews } from "@/lib/dal/review-read";
import { getViewer } from "@/lib/dal/session";
import { getTalentReport } from "@/lib/dal/talent";
import { getTalentApiPage } from "@/lib/dal/talent-api";
import { getTalentOverview } from "@/lib/dal/talent-overview";
import { getTalentTrends } from "@/lib/dal/talent-trends";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

/**
 * docs/decisions/0012-admins-are-not-hr.md: an admin runs the system (API tokens, outbox, audit
 * log) and is not HR: no review, private note, talent figure, CSAT, reflection or cycle
 * management. HR keeps all of it.
 */
const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const denials = async () => (await ctx.db.select().from(auditLog).where(eq(auditLog.action, "access.denied"))).length;

describe("an admin is not HR", () => {
  it("has the admin flag and not the HR one", async () => {
    signInAs(idOf(ctx.db, "admin"));
    expect(await getViewer()).toMatchObject({ isAdmin: true, isHr: false });
    signInAs(idOf(ctx.db, "hr"));
    expect(await getViewer()).toMatchObject({ isAdmin: false, isHr: true });
  });

  it("reads no review, private note, calibration history, CSAT or reflection, and each refusal is audited", async () => {
    const ava = idOf(ctx.db, "ava");
    signInAs(idOf(ctx.db, "hr"));
    const hrReviews = await listVisibleReviews("2026-Q3", { afterId: 0, limit: 500 });
    expect(hrReviews.length).toBeGreaterThan(0);
    expect(hrReviews.some((r) => typeof r.privateNotes === "string" && r.privateNotes.length > 0)).toBe(true);

    signInAs(idOf(ctx.db, "admin"));
    expect(await listVisibleReviews("2026-Q3", { afterId: 0, limit: 500 })).toEqual([]);
    const before = await denials();
    expect(await getReviewCalibration("2026-Q3", ava)).toBeNull();
    expect(await getEmployeeCsat(ava, "2026-Q3")).toBeNull();
    expect(await getReflectionFor("2026-Q3", ava)).toBeNull();
    expect(await denials()).toBe(before + 3);
  });

  it("sees no talent page, API body, trend or export", async () => {
    signInAs(idOf(ctx.db, "admin"));
    const before = await denials();
    for (const result of [
      await getTalentReport({ cycle: "2026-Q3" }),
      await getTalentOverview({ cycle: "2026-Q3" }),
      await getTalentTrends({ cycle: "2026-Q3" }),
      await getTalentApiPage({ cycle: "2026-Q3" }, { afterTeam: null, limit: 500 }),
      await exportReviewsCsv({ cycle: "2026-Q3" }),
    ]) {
      expect(result).toEqual({ ok: false, reason: "not_found" });
    }
    expect(await denials()).toBe(before + 5);
  });

  it("does not run cycles or imports, nor see check-in statistics or draft cycles", async () => {
    signInAs(idOf(ctx.db, "hr"));
    expect((await createCycle({ key: "2027-Q2" })).ok).toBe(true);
    expect((await listCycleRefs()).some((c) => c.key === "2027-Q2")).toBe(true);

    signInAs(idOf(ctx.db, "admin"));
    expect((await createCycle({ key: "2027-Q3" })).ok).toBe(false);
    expect((await listCycleRefs()).some((c) => c.state === "draft")).toBe(false);
    expect(await checkinStatsByManager()).toBeNull();
    expect(await listImports()).toBeNull();
    const cycle = (await listCycleRefs())[0];
    expect(await cycleProgress(cycle)).toBeNull();
  });

  it("runs the outbox and reads the audit log, without the review content an entry may hold", async () => {
    const hr = idOf(ctx.db, "hr");
    await recordAudit({
      actorId: hr,
      action: "review.calibrate",
      targetType: "review",
      targetId: 1,
      detail: { field: "keeper_answer", before: "keep", after: "let_go" },
    });
    await recordAudit({
      actorId: hr,
      action: "cycle.transition",
      targetType: "cycle",
      targetId: "2026-Q4",
      detail: { from: "open", to: "calibration" },
    });

    signInAs(idOf(ctx.db, "admin"));
    expect(await listOutbox()).not.toBeNull();
    const admin = await readAuditLog({});
    expect(admin).not.toBeNull();
    const calibration = admin!.rows.find((r) => r.action === "review.calibrate")!;
    expect(calibration.detail).toBeNull();
    expect(JSON.stringify(admin)).not.toContain("let_go");
    expect(admin!.rows.find((r) => r.action === "cycle.transition")!.detail).toEqual({ from: "open", to: "calibration" });

    signInAs(hr);
    const hrLog = await readAuditLog({});
    expect(hrLog!.rows.find((r) => r.action === "review.calibrate")!.detail).toMatchObject({ after: "let_go" });
  });
});
