import { sqliteClient } from "@/db/client";
import type { Db } from "@/db/client";
import { hashPassword } from "@/lib/auth/password";
import { quarterRange } from "@/lib/domain/quarter";
import { DEFAULT_TRAITS } from "@/lib/domain/traits";
import { dropDeferrableIndexes, recreateIndexes } from "@/lib/importers/csat/bulk-indexes";
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

export async function seedLarge(db: Db, log: (line: string) => void = () => {}): Promise<LargeSeedResult> {
  const started = Date.now();
  const random = createRandom(10_000);
  const hash = await hashPassword(DEMO_PASSWORD);
  const c = sqliteClient(db);
  // A fresh database that nothing else has open: no journal and no fsync while filling it (a crash
  // means seeding again), then back to WAL for the server. The WAL would otherwise grow to gigabytes.
  c.pragma("journal_mode = OFF");
  c.pragma("synchronous = OFF");
  c.pragma("cache_size = -262144");
  const now = Date.UTC(2026, 10, 20, 12);
  const quality = new Map<number, number>();
  const reviewed: { id: number; managerId: number }[] = [];
  const agents: { id: number; source: (typeof SOURCES)[number]; externalId: string }[] = [];

  c.transaction(() => {
    const insEmp = c.prepare(
      `insert into employees (email, name, title, team_id, manager_id, role, active, hired_at, password_hash, created_at, updated_at) values (?, ?, ?, ?, ?, ?, 1, '2022-01-10', ?, ?, ?)`,
    );
    const insTeam = c.prepare("insert into teams (name) values (?)");
    const insIdentity = c.prepare("insert into identities (source, external_id, employee_id) values (?, ?, ?)");
    const emp = (email: string, name: string, title: string, team: number | null, manager: number | null, role: string) =>
      Number(insEmp.run(email, name, title, team, manager, role, hash, now, now).lastInsertRowid);
    emp("hr@large.keeper.test", "Harper Quinn", "HR Business Partner", null, null, "hr");
    emp("admin@large.keeper.test", "Alex Morgan", "Administrator", null, null, "admin");
    for (let d = 0; d < LARGE.directors; d++) {
      const director = emp(`director${d}@large.keeper.test`, `Director ${d}`, "Director of Support", null, null, "manager");
      for (let m = 0; m < LARGE.managersPerDirector; m++) {
        const n = d * LARGE.managersPerDirector + m;
        const team = Number(insTeam.run(`Team ${String(n).padStart(4, "0")}`).lastInsertRowid);
        const manager = emp(`manager${n}@large.keeper.test`, `Manager ${n}`, "Team Manager", team, director, "manager");
        reviewed.push({ id: manager, managerId: director });
        quality.set(manager, 0.3 + random.next() * 0.6);
        for (let a = 0; a < LARGE.agentsPerManager; a++) {
          const k = n * LARGE.agentsPerManager + a;
          const agent = emp(`agent${k}@large.keeper.test`, `Agent ${k}`, "Customer Support Agent", team, manager, "agent");
          reviewed.push({ id: agent, managerId: manager });
          quality.set(agent, 0.15 + random.next() * 0.8);
          const source = SOURCES[n % SOURCES.length];
          const externalId = `${source}-${k}`;
          insIdentity.run(source, externalId, agent);
          agents.push({ id: agent, source, externalId });
        }
      }
    }
    const insTrait = c.prepare("insert into trait_template (key, label, description, levels, position) values (?, ?, ?, ?, ?)");
    DEFAULT_TRAITS.forEach((t, i) => insTrait.run(t.key, t.label, t.description, JSON.stringify(t.levels), i));
  }).immediate();
  log(`people: ${reviewed.length + 2 + LARGE.directors} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  let reviewCount = 0;
  const insCycle = c.prepare("insert into cycles (key, state, due_date, share_keeper, created_at, updated_at) values (?, ?, ?, 1, ?, ?)");
  const insCycleTrait = c.prepare(
    "insert into cycle_traits (cycle_id, key, label, description, levels, position) values (?, ?, ?, ?, ?, ?)",
  );
  const insReview =
    c.prepare(`insert into reviews (cycle_id, employee_id, reviewer_id, status, version, keeper_answer, keeper_reason, summary, private_notes, submitted_at, created_at, updated_at)
    values (?, ?, ?, ?, 1, ?, 'Seeded for the benchmark.', ?, 'Private note.', ?, ?, ?)`);
  const insRating = c.prepare(
    "insert into review_ratings (review_id, cycle_trait_id, rating, not_observed, comment) values (?, ?, ?, 0, '')",
  );
  for (const quarter of LARGE_QUARTERS) {
    c.transaction(() => {
      const current = quarter === CURRENT;
      const at = current ? now : quarterRange(quarter).end - 10 * 86_400_000;
      const cycleId = Number(insCycle.run(quarter, current ? "open" : "released", current ? "2026-12-15" : null, at, at).lastInsertRowid);
      const traitIds = DEFAULT_TRAITS.map((t, i) =>
        Number(insCycleTrait.run(cycleId, t.key, t.label, t.description, JSON.stringify(t.levels), i).lastInsertRowid),
      );
      // The cycle's record of who it covers: the large organisation never moves.
      c.prepare(
        `insert into cycle_participants (cycle_id, employee_id, team_id, manager_id, reviewer_id, role, title, added_at)
        select ?, id, team_id, manager_id, manager_id, role, title, ? from employees where active = 1 and manager_id is not null`,
      ).run(cycleId, at);
      reviewed.forEach((p, index) => {
        const slot = index % 4;
        if (current && slot === 3) return;
        const status = current && slot === 2 ? "draft" : "submitted";
        const q = quality.get(p.id)!;
        const reviewId = Number(
          insReview.run(
            cycleId,
            p.id,
            p.managerId,
            status,
            demoKeeperAnswer(q, random),
            status === "submitted" ? "A solid quarter." : "",
            status === "submitted" ? at : null,
            at,
            at,
          ).lastInsertRowid,
        );
        for (const traitId of traitIds) insRating.run(reviewId, traitId, demoRating(q, random));
        reviewCount += 1;
      });
    }).immediate();
  }
  log(`reviews: ${reviewCount} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const perQuarterPerAgent = Math.round(LARGE.responses / (LARGE_QUARTERS.length * agents.length));
  let responses = 0;
  c.transaction(() => {
    const deferred = dropDeferrableIndexes(c);
    const insResponse =
      c.prepare(`insert into csat_responses (source, source_record_id, agent_external_id, employee_id, rated_at, quarter, satisfied, raw_value, scale, channel, comment, ticket_ref, updated_at)
      values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'chat', ?, null, ?)`);
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
          insResponse.run(
            agent.source,
            `L${responses}`,
            agent.externalId,
            agent.id,
            ratedAt,
            quarter,
            satisfied ? 1 : 0,
            satisfied ? "5" : "2",
            "5",
            comment,
            ratedAt,
          );
        }
      }
    }
    recreateIndexes(c, deferred);
    c.exec(`insert into csat_rollups (employee_id, quarter, responses, satisfied)
      select employee_id, quarter, count(*), sum(satisfied) from csat_responses where employee_id is not null group by employee_id, quarter`);
  }).immediate();
  c.exec("analyze");
  c.pragma("journal_mode = WAL");
  c.pragma("synchronous = NORMAL");
  const seconds = (Date.now() - started) / 1000;
  log(`csat responses: ${responses} in ${seconds.toFixed(1)} s`);
  return { employees: reviewed.length + 2 + LARGE.directors, reviews: reviewCount, csatResponses: responses, seconds };
}
