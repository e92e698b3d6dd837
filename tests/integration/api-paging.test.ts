import { beforeEach, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { GET as getReviews } from "@/app/api/v1/reviews/route";
import { GET as getTalent } from "@/app/api/v1/talent/route";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
  signInAs(idOf(ctx.db, "hr"));
});

type Handler = (request: NextRequest) => Promise<Response>;

async function call(handler: Handler, path: string) {
  const res = await handler(new NextRequest(`http://localhost${path}`));
  return { status: res.status, body: await res.json() };
}

/** Follows `next` from the first page to the last, returning every page's items. */
async function allPages(handler: Handler, first: string, items: (body: Record<string, unknown>) => unknown[]) {
  const pages: unknown[][] = [];
  let path: string | null = first;
  while (path) {
    const { status, body } = await call(handler, path);
    expect(status).toBe(200);
    pages.push(items(body));
    path = body.next;
    expect(pages.length).toBeLessThan(200);
  }
  return pages;
}

describe("GET /api/v1/reviews pages", () => {
  it("pages by id with a next link until the last page, with every review once", async () => {
    const whole = await call(getReviews, "/api/v1/reviews?cycle=2026-Q3&limit=500");
    expect(whole.body.next).toBeNull();
    const ids = whole.body.reviews.map((r: { id: number }) => r.id);
    expect(ids.length).toBeGreaterThan(10);
    const pages = await allPages(getReviews, "/api/v1/reviews?cycle=2026-Q3&limit=7", (b) => b.reviews as unknown[]);
    expect(pages.length).toBe(Math.ceil(ids.length / 7));
    expect(pages.slice(0, -1).every((p) => p.length === 7)).toBe(true);
    expect(pages.flat().map((r) => (r as { id: number }).id)).toEqual(ids);
  });

  it("defaults to 100 and refuses a limit over 500, under 1 or a made-up cursor", async () => {
    const first = await call(getReviews, "/api/v1/reviews?cycle=2026-Q3");
    expect(first.body.reviews.length).toBeLessThanOrEqual(100);
    for (const bad of [
      "limit=501",
      "limit=0",
      "limit=abc",
      "cursor=not-a-cursor",
      `cursor=${Buffer.from('{"after":"x"}').toString("base64url")}`,
    ]) {
      const res = await call(getReviews, `/api/v1/reviews?cycle=2026-Q3&${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.message, bad).toMatch(/limit|cursor/);
    }
  });
});

describe("GET /api/v1/talent pages", () => {
  it("pages teams by name and keeps the organisation figures on every page", async () => {
    const whole = await call(getTalent, "/api/v1/talent?cycle=2026-Q3");
    expect(whole.body.next).toBeNull();
    const names = whole.body.teams.map((t: { team: string }) => t.team);
    expect(names.length).toBeGreaterThanOrEqual(3);
    expect([...names].sort()).toEqual(names);
    const bodies: Record<string, unknown>[] = [];
    const pages = await allPages(getTalent, "/api/v1/talent?cycle=2026-Q3&limit=1", (b) => (bodies.push(b), b.teams as unknown[]));
    expect(pages.map((p) => p.length)).toEqual(names.map(() => 1));
    expect(pages.flat().map((t) => (t as { team: string }).team)).toEqual(names);
    for (const body of bodies) expect(body.organisation).toEqual(whole.body.organisation);
  });

  it("refuses a bad limit or cursor", async () => {
    expect((await call(getTalent, "/api/v1/talent?cycle=2026-Q3&limit=900")).status).toBe(400);
    expect((await call(getTalent, `/api/v1/talent?cycle=2026-Q3&cursor=${Buffer.from('{"after":3}').toString("base64url")}`)).status).toBe(
      400,
    );
  });
});
