import { describe, expect, it, vi } from "vitest";
import { desc, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { auditLog } from "@/db/schema";
import { closeDatabase, engineOfDb, openDatabase, setDb } from "@/db/client";
import { ENGINE } from "@/db/engine";
import { exec } from "@/db/raw";
import { GET as health } from "@/app/api/health/route";
import { withViewer } from "@/lib/api/respond";
import { recordAudit, recordDenied } from "@/lib/dal/audit";
import { runWithRequestId } from "@/lib/observability/request-context";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import { proxy } from "@/proxy";
import { freshDb, useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

describe("request ids", () => {
  it("the proxy gives every request an id, keeps a load balancer's well-formed one, and returns it", () => {
    const fresh = proxy(new NextRequest("http://localhost/api/v1/me"));
    expect(fresh.headers.get(REQUEST_ID_HEADER)).toMatch(/^[0-9a-f-]{36}$/);
    const kept = proxy(new NextRequest("http://localhost/api/v1/me", { headers: { [REQUEST_ID_HEADER]: "lb-0123456789" } }));
    expect(kept.headers.get(REQUEST_ID_HEADER)).toBe("lb-0123456789");
    const bad = proxy(new NextRequest("http://localhost/api/v1/me", { headers: { [REQUEST_ID_HEADER]: "<script>" } }));
    expect(bad.headers.get(REQUEST_ID_HEADER)).not.toBe("<script>");
    // The redirect of an anonymous page visit carries one too.
    const redirect = proxy(new NextRequest("http://localhost/talent"));
    expect(redirect.status).toBe(307);
    expect(redirect.headers.get(REQUEST_ID_HEADER)).toBeTruthy();
  });
});

describe("audit entries and errors carry the request id", () => {
  const ctx = useFreshDb();

  it("writes the request's id with each audit entry, and none outside a request", async () => {
    await runWithRequestId("req-audit-0001", async () => recordDenied(null, "page", "/hr", "test"));
    await recordAudit({ actorId: null, action: "cli.something" });
    const rows = await ctx.db.select().from(auditLog).orderBy(desc(auditLog.id));
    expect(rows[0]).toMatchObject({ action: "cli.something", requestId: null });
    expect(rows[1]).toMatchObject({ action: "access.denied", requestId: "req-audit-0001" });
  });

  it("logs a failing API handler with the request id and tells the client the id", async () => {
    await seedDemoFast(ctx.db);
    signInAs(idOf(ctx.db, "hr"));
    const logged = vi.spyOn(console, "error").mockImplementation(() => {});
    const res = await runWithRequestId("req-fail-0001", () =>
      withViewer(new Request("http://localhost/api/v1/me"), async () => {
        throw new Error("boom");
      }),
    );
    expect(res.status).toBe(500);
    expect(await res.json()).toEqual({ error: "internal_error", requestId: "req-fail-0001" });
    expect(logged).toHaveBeenCalledWith(
      "API handler failed",
      expect.objectContaining({ requestId: "req-fail-0001", viewer: idOf(ctx.db, "hr") }),
    );
    expect(await ctx.db.select().from(auditLog).where(eq(auditLog.requestId, "req-fail-0001"))).toEqual([]);
  });
});

describe("GET /api/health", () => {
  it("is ready when the database answers and every migration is applied", async () => {
    const { db, dispose } = await freshDb();
    try {
      const res = await health();
      expect(res.status).toBe(200);
      const body = await res.json();
      expect(body).toMatchObject({ status: "ok", database: "ok", migrations: { current: true } });
      expect(body.migrations.applied).toBe(body.migrations.expected);
      const migrations = engineOfDb(db) === "postgres" ? sql.raw("drizzle.__drizzle_migrations") : sql.raw("__drizzle_migrations");
      await exec(db, sql`delete from ${migrations} where created_at = (select max(created_at) from ${migrations})`);
      const behind = await health();
      expect(behind.status).toBe(503);
      expect(await behind.json()).toMatchObject({ status: "unavailable", database: "ok", migrations: { current: false } });
    } finally {
      await dispose();
    }
  });

  it("is not ready on a database with no migrations", async () => {
    // An empty database of the engine under test: for PostgreSQL, a fresh one with the migrations table emptied.
    const onPg = ENGINE === "postgres";
    const pgFresh = onPg ? await freshDb() : undefined;
    const db = pgFresh?.db ?? openDatabase(":memory:");
    if (onPg) await exec(db, sql`drop schema drizzle cascade`);
    setDb(db);
    try {
      const res = await health();
      expect(res.status).toBe(503);
      expect(await res.json()).toMatchObject({ database: "ok", migrations: { applied: 0, current: false } });
    } finally {
      setDb(undefined);
      if (pgFresh) await pgFresh.dispose();
      else await closeDatabase(db);
    }
  });
});
