import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { rows } from "@/db/raw";
import type { Db } from "@/db/client";
import { isDatabaseEmpty } from "@/db/seed/demo";
import { LARGE_QUARTERS, seedLarge } from "@/db/seed/large";
import { useFreshDb } from "../helpers/db";
import { seedDemoFast } from "../helpers/demo";

/**
 * The seeds give the same data on SQLite and PostgreSQL (issue #17). These numbers are the same
 * for both engines: `npm test` and `npm run test:pg` run this file, and either failing means
 * that engine's seed has diverged (or the demo changed on purpose: update both runs' numbers).
 */
const ctx = useFreshDb();

async function counts(db: Db, tables: string[]): Promise<Record<string, number>> {
  const result: Record<string, number> = {};
  for (const table of tables) {
    result[table] = Number((await rows<{ n: number }>(db, sql`select count(*) as "n" from ${sql.identifier(table)}`))[0].n);
  }
  return result;
}

/** A short fingerprint of the chosen columns of every row, in id order: same values, same ids. */
async function fingerprint(db: Db, table: string, columns: string[]): Promise<string> {
  const list = sql.join(
    columns.map((c) => sql.identifier(c)),
    sql`, `,
  );
  const all = await rows<Record<string, unknown>>(db, sql`select ${list} from ${sql.identifier(table)} order by ${list}`);
  const hash = createHash("sha256");
  for (const r of all) hash.update(`${columns.map((c) => JSON.stringify(r[c] ?? null)).join("|")}\n`);
  return `${all.length}:${hash.digest("hex").slice(0, 16)}`;
}

const DEMO_COUNTS = {
  teams: 3,
  employees: 60,
  identities: 43,
  trait_template: 6,
  cycles: 4,
  cycle_traits: 24,
  cycle_participants: 197,
  reviews: 184,
  review_ratings: 1104,
  departures: 10,
  keeper_follow_ups: 2,
  csat_responses: 6021,
  csat_rollups: 172,
  settings: 1,
  audit_log: 0,
  calibration_changes: 0,
  keeper_checkins: 0,
  notifications: 0,
  csat_imports: 0,
};

describe("the demo seed on this engine", () => {
  it("fills a fresh database with exactly the demo organisation", async () => {
    const result = await seedDemoFast(ctx.db);
    expect(result).toEqual({ employees: 49, reviews: 171, csatResponses: 6021 });
    expect(await counts(ctx.db, Object.keys(DEMO_COUNTS))).toEqual(DEMO_COUNTS);
    expect(await isDatabaseEmpty(ctx.db)).toBe(false);
  });

  it("draws the same people, reviews, ratings and CSAT, with the same ids", async () => {
    await seedDemoFast(ctx.db);
    const db = ctx.db;
    expect({
      employees: await fingerprint(db, "employees", ["id", "email", "name", "team_id", "manager_id", "role", "active", "hired_at"]),
      reviews: await fingerprint(db, "reviews", ["id", "cycle_id", "employee_id", "reviewer_id", "status", "keeper_answer", "summary"]),
      ratings: await fingerprint(db, "review_ratings", ["id", "review_id", "cycle_trait_id", "rating", "not_observed", "comment"]),
      participants: await fingerprint(db, "cycle_participants", ["id", "cycle_id", "employee_id", "team_id", "manager_id"]),
      csat: await fingerprint(db, "csat_responses", [
        "id",
        "source_record_id",
        "employee_id",
        "rated_at",
        "satisfied",
        "raw_value",
        "channel",
        "comment",
      ]),
      rollups: await fingerprint(db, "csat_rollups", ["employee_id", "quarter", "responses", "satisfied"]),
    }).toEqual({
      employees: "60:14722dd2f23b0ac7",
      reviews: "184:564c459dbff99bb5",
      ratings: "1104:e581cafa550a7183",
      participants: "197:00d53b48d22d16b6",
      csat: "6021:63bcac1a85f5f18e",
      rollups: "172:0d2011cb5525277f",
    });
  });
});

describe("the large seed on this engine (scaled down)", () => {
  it("seeds the same organisation and CSAT, then accepts ordinary inserts (sequences moved past explicit ids)", async () => {
    const size = { directors: 1, managersPerDirector: 2, agentsPerManager: 3, responses: LARGE_QUARTERS.length * 6 * 25 };
    const result = await seedLarge(ctx.db, () => {}, size);
    expect(result).toMatchObject({ employees: 11, reviews: 62, csatResponses: 1200 });
    expect(
      await counts(ctx.db, ["teams", "employees", "identities", "cycles", "reviews", "review_ratings", "csat_responses", "csat_rollups"]),
    ).toEqual({
      teams: 2,
      employees: 11,
      identities: 6,
      cycles: 8,
      reviews: 62,
      review_ratings: 372,
      csat_responses: 1200,
      csat_rollups: 48,
    });
    expect({
      employees: await fingerprint(ctx.db, "employees", ["id", "email", "team_id", "manager_id", "role"]),
      ratings: await fingerprint(ctx.db, "review_ratings", ["id", "review_id", "cycle_trait_id", "rating"]),
      csat: await fingerprint(ctx.db, "csat_responses", ["id", "employee_id", "rated_at", "satisfied", "comment"]),
    }).toEqual({ employees: "11:16721335cedd1a87", ratings: "372:a3747c63ab8ce149", csat: "1200:0865138647b7ec81" });
    // An ordinary insert after the explicit ids gets the next id, on both engines.
    const next = await rows<{ id: number }>(ctx.db, sql`insert into teams (name) values ('Team new') returning id as "id"`);
    expect(next[0].id).toBe(3);
  });
});

describe("keeper demo seed on this engine", () => {
  it("seeds an empty database, says where without a password, and refuses one that has people", async () => {
    const keeper = () =>
      spawnSync(process.execPath, [join(process.cwd(), "bin", "keeper"), "demo", "seed"], {
        env: { ...process.env, DATABASE_URL: ctx.url },
        encoding: "utf8",
        timeout: 120_000,
      });
    const first = keeper();
    expect(first.status, first.stderr).toBe(0);
    expect(first.stdout).toContain("Seeded the demo organisation");
    expect(first.stdout).toContain("mia@demo.keeper.test");
    expect((await counts(ctx.db, ["employees", "csat_responses"])).csat_responses).toBe(DEMO_COUNTS.csat_responses);
    const second = keeper();
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain("already has people in it");
    expect(await counts(ctx.db, ["employees"])).toEqual({ employees: DEMO_COUNTS.employees });
    // Where the data is: a path, or postgres://host:port/database, never user:password@.
    for (const out of [first.stdout, second.stdout]) expect(out).not.toMatch(/\/\/[^/\s]*@/);
  });
});
