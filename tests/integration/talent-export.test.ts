import { beforeEach, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { NextRequest } from "next/server";
import Papa from "papaparse";
import { auditLog, employees } from "@/db/schema";
import { GET } from "@/app/api/v1/export/reviews.csv/route";
import { useFreshDb } from "../helpers/db";
import { idOf, seedDemoFast } from "../helpers/demo";
import { signInAs } from "../helpers/session";

vi.mock("@/lib/auth/session-source", () => import("../helpers/session"));

const ctx = useFreshDb();
beforeEach(async () => {
  await seedDemoFast(ctx.db);
});

async function download(local: string | null, query: string) {
  signInAs(local === null ? null : idOf(ctx.db, local));
  const res = await GET(new NextRequest(`http://localhost/api/v1/export/reviews.csv${query}`));
  const bytes = new Uint8Array(await res.arrayBuffer());
  return { res, bytes, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(bytes) };
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF) as papaparse reads them. */
function parseCsv(text: string): string[][] {
  return Papa.parse<string[]>(text, { skipEmptyLines: true }).data;
}

const exports = async () => await ctx.db.select().from(auditLog).where(eq(auditLog.action, "export.reviews"));

describe("GET /api/v1/export/reviews.csv", () => {
  it("sends HR a UTF-8 CSV download with a BOM, one row per person, and audits it", async () => {
    const { res, bytes, text } = await download("hr", "?cycle=2026-Q3");
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="keeper-reviews-2026-Q3.csv"');
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parseCsv(text.slice(1));
    const [header, ...data] = rows;
    expect(header.slice(0, 8)).toEqual(["Cycle", "Team", "Manager", "Employee ID", "Name", "Email", "Status", "Keeper answer"]);
    expect(header).toEqual(
      expect.arrayContaining([
        "Politeness",
        "CSAT",
        "CSAT 95% low",
        "CSAT 95% high",
        "CSAT responses",
        "CSAT band",
        "Keeper 2026-Q3",
        "Flags",
      ]),
    );
    expect(data).toHaveLength(43);
    expect(data.every((r) => r.length === header.length)).toBe(true);
    const ava = data.find((r) => r[header.indexOf("Email")] === "ava@demo.keeper.test")!;
    expect(ava.slice(0, 8)).toEqual([
      "2026-Q3",
      "Team Portland",
      "Mia Chen",
      String(idOf(ctx.db, "ava")),
      "Ava Thompson",
      "ava@demo.keeper.test",
      "Submitted",
      "Fight hard",
    ]);
    expect(await exports()).toEqual([
      expect.objectContaining({ actorId: idOf(ctx.db, "hr"), targetId: "2026-Q3", detail: { team: null, rows: 43 } }),
    ]);
  });

  it("defuses spreadsheet formulas typed into names", async () => {
    const evil = '=HYPERLINK("http://evil.example","Click for bonus")';
    await ctx.db
      .update(employees)
      .set({ name: evil })
      .where(eq(employees.id, idOf(ctx.db, "ava")));
    await ctx.db
      .update(employees)
      .set({ name: "@SUM(1+1)" })
      .where(eq(employees.id, idOf(ctx.db, "liam")));
    await ctx.db.update(employees).set({ name: "-2+3" }).where(eq(employees.email, "mia@demo.keeper.test"));
    const { text } = await download("hr", "?cycle=2026-Q3");
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Click for bonus"")"`);
    const rows = parseCsv(text.slice(1));
    const cells = rows.flat();
    expect(cells).toContain(`'${evil}`);
    expect(cells).toContain("'@SUM(1+1)");
    // The manager's name in the Manager column, too.
    expect(cells).toContain("'-2+3");
    expect(cells.filter((c) => /^[=+@\t\r]/.test(c) || /^-\D/.test(c))).toEqual([]);
  });

  it("gives managers their subtree only, and 404 to everyone else", async () => {
    const mia = parseCsv((await download("mia", "?cycle=2026-Q3")).text.slice(1));
    expect(mia.length - 1).toBe(14);
    expect(new Set(mia.slice(1).map((r) => r[1]))).toEqual(new Set(["Team Portland"]));

    const director = parseCsv((await download("director", "?cycle=2026-Q3")).text.slice(1));
    expect(director.length - 1).toBe(43);

    const team = await download("noah", "?cycle=2026-Q3&team=Team%20Denver");
    expect(team.res.status).toBe(200);
    expect(team.res.headers.get("content-disposition")).toBe('attachment; filename="keeper-reviews-2026-Q3-team-denver.csv"');
    expect((await download("noah", "?cycle=2026-Q3&team=Team%20Portland")).res.status).toBe(404);
    expect((await download("ava", "?cycle=2026-Q3")).res.status).toBe(404);
    expect((await download("liam", "?cycle=2026-Q3")).res.status).toBe(404);
    expect((await download(null, "?cycle=2026-Q3")).res.status).toBe(401);
    expect((await download("hr", "?cycle=Q3")).res.status).toBe(400);
    // Only the three successful downloads are audited as exports.
    expect(await exports()).toHaveLength(3);
  });
});
