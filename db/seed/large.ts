import { sql } from "drizzle-orm";
import { engineOfDb, sqliteClient, type Db } from "@/db/client";
import { exec } from "@/db/raw";
import { hashPassword } from "@/lib/auth/password";
import { quarterRange } from "@/lib/domain/quarter";
import { DEFAULT_TRAITS } from "@/lib/domain/traits";
import { insertRows, maxId, resetSequences, seedTx, withCsatIndexDeferred, type SeedColumn, type SeedRow } from "./bulk";
import { DEMO_PASSWORD } from "./demo-people";
import { demoKeeperAnswer, demoRating } from "./demo-reviews";
import { createRandom } from "./random";

/**
 * A large contact centre for benchmarks (`keeper demo seed --scale large`): 50 directors, 1,000
 * team managers, 10,000 agents, HR and an admin; eight quarters of cycles with reviews; 5,000,000
 * CSAT responses from five helpdesks. Deterministic. Every account shares one password hash (the
 * demo password): hashing 11,000 passwords would take minutes and proves nothing here.
 */
export const LARGE = { directors: 50, managersPerDirector: 20, agentsPerManager: 10, responses: 5_000_000 };
export const LARGE_QUARTERS = ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3", "2026-Q4"];
const CURRENT = "2026-Q4";
const CSAT_UNTIL = Date.UTC(2026, 10, 20);
const SOURCES = ["zendesk", "freshdesk", "intercom", "helpscout", "chatwoot"] as const;
const COMMENTS = [
  "Quick and friendly, thank you!",
  "Solved it in one go.",
  "Took days to get an answer.",
  "Felt like talking to a script.",
  "Really listened to me.",
];

export interface LargeSeedResult {
  employees: number;
  reviews: number;
  csatResponses: number;
  seconds: number;
}

/** The organisation's shape; smaller ones (tests, quick timings) keep its structure. */
export type LargeSize = typeof LARGE;

const text = (name: string): SeedColumn => ({ name, type: "text" });
const int = (name: string): SeedColumn => ({ name, type: "integer" });
const ms = (name: string): SeedColumn => ({ name, type: "bigint" });
const json = (name: string): SeedColumn => ({ name, type: "jsonb" });

const EMPLOYEE_COLUMNS = [
  int("id"),
  text("email"),
  text("name"),
  text("title"),
  int("team_id"),
  int("manager_id"),
  text("role"),
  int("active"),
  text("hired_at"),
  text("password_hash"),
  ms("created_at"),
  ms("updated_at"),
];
const TRAIT_COLUMNS = [text("key"), text("label"), text("description"), json("levels"), int("position")];
const REVIEW_COLUMNS = [
  int("id"),
  int("cycle_id"),
  int("employee_id"),
  int("reviewer_id"),
  text("status"),
  int("version"),
  text("keeper_answer"),
  text("keeper_reason"),
  text("summary"),
  text("private_notes"),
  ms("submitted_at"),
  ms("created_at"),
  ms("updated_at"),
];
const RATING_COLUMNS = [int("review_id"), int("cycle_trait_id"), int("rating"), int("not_observed"), text("comment")];
const RESPONSE_COLUMNS = [
  text("source"),
  text("source_record_id"),
  text("agent_external_id"),
  int("employee_id"),
  ms("rated_at"),
  text("quarter"),
  int("satisfied"),
  text("raw_value"),
  text("scale"),
  text("channel"),
  text("comment"),
  text("ticket_ref"),
  ms("updated_at"),
];
/** Rows per PostgreSQL statement: larger chunks than the default halve the round trips of 5,000,000 rows. */
const PG_CHUNK = 20_000;

/**
 * Seeds the large organisation into an empty database, on either engine, with the same rows and
 * ids: every id but the CSAT responses' and rollups' is given explicitly (they follow insertion
 * order), and the random draws happen in the same order. The rows go through db/seed/bulk.ts.
 */
export async function seedLarge(db: Db, log: (line: string) => void = () => {}, size: LargeSize = LARGE): Promise<LargeSeedResult> {
  const started = Date.now();
  const random = createRandom(10_000);
  const hash = await hashPassword(DEMO_PASSWORD);
  const sqlite = engineOfDb(db) === "sqlite";
  if (sqlite) sqliteFastFill(db, true);
  const now = Date.UTC(2026, 10, 20, 12);
  const quality = new Map<number, number>();
  const reviewed: { id: number; managerId: number }[] = [];
  const agents: { id: number; source: (typeof SOURCES)[number]; externalId: string }[] = [];
  const levels = DEFAULT_TRAITS.map((t) => JSON.stringify(t.levels));
  const base = {
    employees: await maxId(db, "employees"),
    teams: await maxId(db, "teams"),
    identities: await maxId(db, "identities"),
    cycles: await maxId(db, "cycles"),
    cycleTraits: await maxId(db, "cycle_traits"),
    reviews: await maxId(db, "reviews"),
  };

  // People: ids in the order SQLite's autoincrement gave them (HR, admin, then each director
  // followed by their managers, each manager by their agents).
  const teamRows: SeedRow[] = [];
  const employeeRows: SeedRow[] = [];
  const identityRows: SeedRow[] = [];
  const emp = (email: string, name: string, title: string, team: number | null, manager: number | null, role: string) => {
    const id = base.employees + employeeRows.length + 1;
    employeeRows.push([id, email, name, title, team, manager, role, 1, "2022-01-10", hash, now, now]);
    return id;
  };
  emp("hr@large.keeper.test", "Harper Quinn", "HR Business Partner", null, null, "hr");
  emp("admin@large.keeper.test", "Alex Morgan", "Administrator", null, null, "admin");
  for (let d = 0; d < size.directors; d++) {
    const director = emp(`director${d}@large.keeper.test`, `Director ${d}`, "Director of Support", null, null, "manager");
    for (let m = 0; m < size.managersPerDirector; m++) {
      const n = d * size.managersPerDirector + m;
      const team = base.teams + teamRows.length + 1;
      teamRows.push([team, `Team ${String(n).padStart(4, "0")}`]);
      const manager = emp(`manager${n}@large.keeper.test`, `Manager ${n}`, "Team Manager", team, director, "manager");
      reviewed.push({ id: manager, managerId: director });
      quality.set(manager, 0.3 + random.next() * 0.6);
      for (let a = 0; a < size.agentsPerManager; a++) {
        const k = n * size.agentsPerManager + a;
        const agent = emp(`agent${k}@large.keeper.test`, `Agent ${k}`, "Customer Support Agent", team, manager, "agent");
        reviewed.push({ id: agent, managerId: manager });
        quality.set(agent, 0.15 + random.next() * 0.8);
        const source = SOURCES[n % SOURCES.length];
        const externalId = `${source}-${k}`;
        identityRows.push([base.identities + identityRows.length + 1, source, externalId, agent]);
        agents.push({ id: agent, source, externalId });
      }
    }
  }
  await seedTx(db, async (tx) => {
    await insertRows(tx, "teams", [int("id"), text("name")], teamRows);
    await insertRows(tx, "employees", EMPLOYEE_COLUMNS, employeeRows);
    await insertRows(tx, "identities", [int("id"), text("source"), text("external_id"), int("employee_id")], identityRows);
    await insertRows(
      tx,
      "trait_template",
      TRAIT_COLUMNS,
      DEFAULT_TRAITS.map((t, i) => [t.key, t.label, t.description, levels[i], i]),
    );
    await resetSequences(tx, ["teams", "employees", "identities"]);
  });
  log(`people: ${employeeRows.length} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let reviewCount = 0;
  let cycleId = base.cycles;
  let cycleTraitId = base.cycleTraits;
  let reviewId = base.reviews;
  for (const quarter of LARGE_QUARTERS) {
    const current = quarter === CURRENT;
    const at = current ? now : quarterRange(quarter).end - 10 * 86_400_000;
    cycleId += 1;
    const traitIds = DEFAULT_TRAITS.map(() => ++cycleTraitId);
    const reviewRows: SeedRow[] = [];
    const ratingRows: SeedRow[] = [];
    reviewed.forEach((p, index) => {
      const slot = index % 4;
      if (current && slot === 3) return;
      const status = current && slot === 2 ? "draft" : "submitted";
      const q = quality.get(p.id)!;
      reviewId += 1;
      reviewRows.push([
        reviewId,
        cycleId,
        p.id,
        p.managerId,
        status,
        1,
        demoKeeperAnswer(q, random),
        "Seeded for the benchmark.",
        status === "submitted" ? "A solid quarter." : "",
        "Private note.",
        status === "submitted" ? at : null,
        at,
        at,
      ]);
      for (const traitId of traitIds) ratingRows.push([reviewId, traitId, demoRating(q, random), 0, ""]);
    });
    await seedTx(db, async (tx) => {
      await insertRows(
        tx,
        "cycles",
        [int("id"), text("key"), text("state"), text("due_date"), int("share_keeper"), ms("created_at"), ms("updated_at")],
        [[cycleId, quarter, current ? "open" : "released", current ? "2026-12-15" : null, 1, at, at]],
      );
      await insertRows(
        tx,
        "cycle_traits",
        [int("id"), int("cycle_id"), ...TRAIT_COLUMNS],
        DEFAULT_TRAITS.map((t, i) => [traitIds[i], cycleId, t.key, t.label, t.description, levels[i], i]),
      );
      // The cycle's record of who it covers: the large organisation never moves. Ordered, so
      // the participants' ids are the same on both engines.
      await exec(
        tx,
        sql`insert into cycle_participants (cycle_id, employee_id, team_id, manager_id, reviewer_id, role, title, added_at)
        select ${cycleId}, id, team_id, manager_id, manager_id, role, title, ${at} from employees
        where active = 1 and manager_id is not null order by id`,
      );
      await insertRows(tx, "reviews", REVIEW_COLUMNS, reviewRows, { chunkSize: PG_CHUNK });
      await insertRows(tx, "review_ratings", RATING_COLUMNS, ratingRows, { chunkSize: PG_CHUNK });
      await resetSequences(tx, ["cycles", "cycle_traits", "reviews"]);
    });
    reviewCount += reviewRows.length;
  }
  log(`reviews: ${reviewCount} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const perQuarterPerAgent = Math.round(size.responses / (LARGE_QUARTERS.length * agents.length));
  let responses = 0;
  function* responseRows(): Generator<SeedRow> {
    for (const quarter of LARGE_QUARTERS) {
      const { start, end } = quarterRange(quarter);
      const span = Math.min(end, CSAT_UNTIL) - start;
      for (const agent of agents) {
        const p = 0.55 + quality.get(agent.id)! * 0.4;
        for (let i = 0; i < perQuarterPerAgent; i++) {
          const ratedAt = start + Math.floor(random.next() * span);
          const satisfied = random.next() < p;
          responses += 1;
          const comment = responses % 7 === 0 ? COMMENTS[responses % COMMENTS.length] : null;
          yield [
            agent.source,
            `L${responses}`,
            agent.externalId,
            agent.id,
            ratedAt,
            quarter,
            satisfied ? 1 : 0,
            satisfied ? "5" : "2",
            "5",
            "chat",
            comment,
            null,
            ratedAt,
          ];
        }
      }
    }
  }
  await seedTx(db, async (tx) => {
    await withCsatIndexDeferred(tx, () => insertRows(tx, "csat_responses", RESPONSE_COLUMNS, responseRows(), { chunkSize: PG_CHUNK }));
    await exec(
      tx,
      sql`insert into csat_rollups (employee_id, quarter, responses, satisfied)
      select employee_id, quarter, count(*), sum(satisfied) from csat_responses where employee_id is not null
      group by employee_id, quarter order by employee_id, quarter`,
    );
  });
  await exec(db, sql`analyze`);
  if (sqlite) sqliteFastFill(db, false);
  const seconds = (Date.now() - started) / 1000;
  log(`csat responses: ${responses} in ${seconds.toFixed(1)} s`);
  return { employees: employeeRows.length, reviews: reviewCount, csatResponses: responses, seconds };
}

/**
 * SQLite only. A fresh database that nothing else has open: no journal and no fsync while filling
 * it (a crash means seeding again), then back to WAL for the server. The WAL would otherwise grow
 * to gigabytes. (PostgreSQL needs no such switch: each phase is one transaction.)
 */
function sqliteFastFill(db: Db, on: boolean): void {
  const c = sqliteClient(db);
  if (on) {
    c.pragma("journal_mode = OFF");
    c.pragma("synchronous = OFF");
    c.pragma("cache_size = -262144");
  } else {
    c.pragma("journal_mode = WAL");
    c.pragma("synchronous = NORMAL");
  }
}
