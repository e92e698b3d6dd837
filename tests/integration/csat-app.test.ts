import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { eq } from "drizzle-orm";
import { auditLog, csatResponses } from "@/db/schema";
import { POST as postResponses } from "@/app/api/v1/csat/responses/route";
import { GET as getEmployeeCsatRoute } from "@/app/api/v1/employees/[id]/csat/route";
import { createApiToken } from "@/lib/dal/api-tokens";
import { getEmployeeCsat, listImports } from "@/lib/dal/csat";
import { runCsatImport } from "@/lib/dal/csat-import";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs, useBearer } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

const post = (body: unknown) =>
  postResponses(
    new NextRequest("http://localhost/api/v1/csat/responses", {
      method: "POST",
      body: JSON.stringify(body),
      headers: { "content-type": "application/json" },
    }),
  );

describe("CSAT panel data", () => {
  it("shows an agent's CSAT with its interval to the agent, their managers and HR only", async () => {
    const ava = idOf(ctx.db, "ava");
    for (const who of ["ava", "mia", "director", "hr"]) {
      signInAs(idOf(ctx.db, who));
      const csat = await getEmployeeCsat(ava, "2026-Q3");
      expect(csat?.figure.responses, who).toBeGreaterThan(0);
      expect(csat?.figure.ci95?.[0]).toBeLessThanOrEqual(csat!.figure.csat!);
      expect(csat?.trend.map((t) => t.quarter)).toEqual(["2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"]);
      expect(csat?.organisation.responses).toBeGreaterThan(csat!.figure.responses);
    }
    for (const who of ["liam", "noah"]) {
      signInAs(idOf(ctx.db, who));
      expect(await getEmployeeCsat(ava, "2026-Q3"), who).toBeNull();
    }
  });

  it("filters comments by sentiment and never returns another agent's", async () => {
    const ava = idOf(ctx.db, "ava");
    signInAs(ava);
    const negative = await getEmployeeCsat(ava, "2026-Q3", { sentiment: "negative", commentLimit: 50 });
    expect(negative!.comments.every((c) => !c.satisfied)).toBe(true);
    const all = await getEmployeeCsat(ava, "2026-Q3", { commentLimit: 200 });
    const ids = all!.comments.map((c) => c.id);
    const owners = await Promise.all(
      ids.map(
        async (id) => (await ctx.db.select({ e: csatResponses.employeeId }).from(csatResponses).where(eq(csatResponses.id, id)))[0]!.e,
      ),
    );
    expect(new Set(owners)).toEqual(new Set([ava]));
  });

  it("answers the API with 404 for an employee the caller may not see", async () => {
    signInAs(idOf(ctx.db, "liam"));
    const res = await getEmployeeCsatRoute(
      new NextRequest(`http://localhost/api/v1/employees/${idOf(ctx.db, "ava")}/csat?quarter=2026-Q3`),
      { params: Promise.resolve({ id: String(idOf(ctx.db, "ava")) }) },
    );
    expect(res.status).toBe(404);
    signInAs(idOf(ctx.db, "mia"));
    const ok = await getEmployeeCsatRoute(
      new NextRequest(`http://localhost/api/v1/employees/${idOf(ctx.db, "ava")}/csat?quarter=2026-Q3`),
      { params: Promise.resolve({ id: String(idOf(ctx.db, "ava")) }) },
    );
    const body = await ok.json();
    expect(body).toMatchObject({ quarter: "2026-Q3", tooFewResponses: false });
    expect(body.ci95).toHaveLength(2);
  });
});

describe("importing CSAT through the app", () => {
  const csv =
    "response_id,agent_email,rating,scale_max,responded_at\nweb-1,ava@demo.keeper.test,5,5,2026-08-01T10:00:00Z\nweb-2,ava@demo.keeper.test,9,5,2026-08-01T10:00:00Z\n";

  it("lets HR import, audits it, and lists it in the history; managers get not found", async () => {
    signInAs(idOf(ctx.db, "mia"));
    expect(await runCsatImport({ name: "x.csv", text: csv }, "auto", "upload")).toMatchObject({ ok: false, status: 404 });
    expect(await listImports()).toBeNull();
    signInAs(idOf(ctx.db, "hr"));
    const result = await runCsatImport({ name: "x.csv", text: csv }, "auto", "upload");
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.report).toMatchObject({ imported: 1, rejectedCount: 1 });
    expect(result.report.rejected[0]).toMatchObject({ ref: "line 3" });
    const history = await listImports();
    expect(history?.[0]).toMatchObject({ fileName: "x.csv", via: "upload", imported: 1, rejected: 1 });
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.action, "csat.import"))).toHaveLength(1);
  });

  it("POST /api/v1/csat/responses takes generic records and export pages, with the same report", async () => {
    signInAs(idOf(ctx.db, "hr"));
    const generic = await post({
      records: [
        {
          response_id: "api-1",
          agent_email: "AVA@demo.keeper.test",
          rating: 4,
          scale_max: 5,
          responded_at: "2026-09-01T10:00:00Z",
          comment: "=cmd|' /C calc'!A0",
        },
      ],
    });
    expect(generic.status).toBe(200);
    expect(await generic.json()).toMatchObject({ imported: 1, rejectedCount: 0 });
    const stored = (await ctx.db.select().from(csatResponses).where(eq(csatResponses.sourceRecordId, "api-1")))[0];
    expect(stored).toMatchObject({ source: "csv", employeeId: idOf(ctx.db, "ava"), satisfied: true, comment: "=cmd|' /C calc'!A0" });

    const zendesk = JSON.parse(readFileSync(join(process.cwd(), "tests", "fixtures", "csat", "zendesk.json"), "utf8"));
    const page = await post(zendesk);
    const report = await page.json();
    expect(report.files[0]).toMatchObject({ source: "zendesk", detected: true });
    expect(report.notResponses).toBe(1);
    expect(report.unmatched.length).toBeGreaterThan(0);
  });

  it("refuses more than 10,000 records, and callers without import rights", async () => {
    signInAs(idOf(ctx.db, "hr"));
    const many = Array.from({ length: 10_001 }, (_, i) => ({
      response_id: `m-${i}`,
      agent_email: "ava@demo.keeper.test",
      rating: 5,
      scale_max: 5,
      responded_at: "2026-09-01T10:00:00Z",
    }));
    expect((await post({ records: many })).status).toBe(413);
    signInAs(idOf(ctx.db, "mia"));
    expect((await post({ records: [] })).status).toBe(404);

    signInAs(idOf(ctx.db, "admin"));
    const read = await createApiToken({ name: "r", scope: "read", expiresInDays: 1 });
    const imp = await createApiToken({ name: "i", scope: "import", expiresInDays: 1 });
    if (!read.ok || !imp.ok) throw new Error("token");
    useBearer(read.token);
    expect((await post({ records: [] })).status).toBe(403);
    useBearer(imp.token);
    const ok = await post({
      records: [
        { response_id: "tok-1", agent_email: "liam@demo.keeper.test", rating: 1, scale_max: 5, responded_at: "2026-09-02T10:00:00Z" },
      ],
    });
    expect(ok.status).toBe(200);
  });
});
