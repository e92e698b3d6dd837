import { sql } from "drizzle-orm";
import { writeTx, type Db } from "@/db/client";
import {
  cycleParticipants,
  cycles,
  cycleTraits,
  employees,
  identities,
  reviewRatings,
  reviews,
  settings,
  teams,
  traitTemplate,
} from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { DEFAULT_TRAITS } from "@/lib/domain/traits";
import { seedDemoCsat, type CsatAgent } from "./demo-csat";
import { DEMO_SIGN_INS_SETTING } from "@/db/settings-keys";
import { seedDemoFollowUps, seedDemoLeavers } from "./demo-history";
import { DEMO_ACCOUNTS, DEMO_DOMAIN, DEMO_PASSWORD, demoPeople } from "./demo-people";
import { demoComment, demoKeeperAnswer, demoPrivateNote, demoRating, demoReason, demoSummary } from "./demo-reviews";
import { createRandom } from "./random";

/** Fixed so that the same seed always gives the same data, whatever day it runs. */
export const DEMO_CURRENT_QUARTER = "2026-Q4";
const PAST_QUARTERS = ["2026-Q1", "2026-Q2", "2026-Q3"];
const CSAT_UNTIL = Date.UTC(2026, 10, 20);
const DAY = 86_400_000;
/** The seed of the demo's random draws; every draw happens in the same order on both engines. */
const DEMO_SEED = 20261122;

export async function isDatabaseEmpty(db: Db): Promise<boolean> {
  return (await db.select({ n: sql<number>`count(*)` }).from(employees))[0]!.n === 0;
}

export interface DemoSeedResult {
  employees: number;
  reviews: number;
  csatResponses: number;
}

/** `passwordHash` lets tests reuse one hash instead of paying scrypt for every account. */
export async function seedDemo(db: Db, options: { passwordHash?: string } = {}): Promise<DemoSeedResult> {
  // Hash before the transaction: scrypt is async and a write lock must never wait on it.
  const count = demoPeople(createRandom(DEMO_SEED)).length;
  const hashes = options.passwordHash
    ? new Array<string>(count).fill(options.passwordHash)
    : await Promise.all(Array.from({ length: count }, () => hashPassword(DEMO_PASSWORD)));
  const now = Date.UTC(2026, 10, 20, 12);

  return writeTx(async (db) => {
    // Drawn inside the transaction: if PostgreSQL retries it, the draws start over and the data is the same.
    const random = createRandom(DEMO_SEED);
    const people = demoPeople(random);
    const teamIds = new Map<string, number>();
    for (const name of new Set(people.map((p) => p.team).filter((t): t is string => !!t))) {
      teamIds.set(name, (await db.insert(teams).values({ name }).returning({ id: teams.id }))[0].id);
    }
    const ids = new Map<string, number>();
    for (const [i, p] of people.entries()) {
      const row = (
        await db
          .insert(employees)
          .values({
            email: p.email,
            name: p.name,
            title: p.title,
            teamId: p.team ? teamIds.get(p.team)! : null,
            role: p.role,
            hiredAt: `20${20 + (i % 6)}-0${1 + (i % 9)}-15`,
            passwordHash: hashes[i],
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: employees.id })
      )[0];
      ids.set(p.email, row.id);
    }
    for (const p of people) {
      if (p.managerEmail)
        await db
          .update(employees)
          .set({ managerId: ids.get(p.managerEmail)! })
          .where(sql`${employees.id} = ${ids.get(p.email)!}`);
    }
    for (const [position, t] of DEFAULT_TRAITS.entries()) await db.insert(traitTemplate).values({ ...t, position });

    const agents = people.filter((p) => p.role === "agent");
    const reviewed = people.filter((p) => p.managerEmail);
    let reviewCount = 0;
    const seededCycles: { id: number; key: string; traitIds: number[] }[] = [];
    for (const quarter of [...PAST_QUARTERS, DEMO_CURRENT_QUARTER]) {
      const current = quarter === DEMO_CURRENT_QUARTER;
      const cycle = (
        await db
          .insert(cycles)
          .values({
            key: quarter,
            state: current ? "open" : "released",
            dueDate: current ? "2026-12-15" : null,
            shareKeeper: true,
            createdAt: now,
            updatedAt: now,
          })
          .returning({ id: cycles.id })
      )[0];
      const traitIds: number[] = [];
      for (const [position, t] of DEFAULT_TRAITS.entries()) {
        const [trait] = await db
          .insert(cycleTraits)
          .values({ cycleId: cycle.id, ...t, position })
          .returning({ id: cycleTraits.id });
        traitIds.push(trait.id);
      }
      seededCycles.push({ id: cycle.id, key: quarter, traitIds });
      // Every cycle's record of who it covered (the demo org has not moved since).
      for (const p of reviewed) {
        const managerId = ids.get(p.managerEmail!)!;
        await db.insert(cycleParticipants).values({
          cycleId: cycle.id,
          employeeId: ids.get(p.email)!,
          teamId: p.team ? teamIds.get(p.team)! : null,
          managerId,
          reviewerId: managerId,
          role: p.role,
          title: p.title,
          addedAt: now,
        });
      }
      for (const [index, p] of reviewed.entries()) {
        // Current quarter: about half submitted, a quarter drafts, the rest not started (Ava among them).
        const slot = (index * 7) % 4;
        if (current && (slot === 3 || p.email.startsWith("ava@"))) continue;
        // Liam's current review is a draft, so the demo shows both an untouched and a started review.
        const status = current && (slot === 2 || p.email.startsWith("liam@")) ? "draft" : "submitted";
        const answer = demoKeeperAnswer(p.quality, random);
        const at = current
          ? now - (index % 9) * DAY
          : Date.parse(`${quarter.slice(0, 4)}-${String(Number(quarter.slice(-1)) * 3).padStart(2, "0")}-20T10:00:00Z`);
        const review = (
          await db
            .insert(reviews)
            .values({
              cycleId: cycle.id,
              employeeId: ids.get(p.email)!,
              reviewerId: ids.get(p.managerEmail!)!,
              status,
              version: 1,
              keeperAnswer: answer,
              keeperReason: demoReason(answer, random),
              summary: status === "submitted" ? demoSummary(random) : "",
              privateNotes: demoPrivateNote(answer),
              submittedAt: status === "submitted" ? at : null,
              createdAt: at,
              updatedAt: at,
            })
            .returning({ id: reviews.id })
        )[0];
        for (const [t, cycleTraitId] of traitIds.entries()) {
          const skip = status === "draft" && t >= 3;
          const notObserved = !skip && random.chance(0.04);
          await db.insert(reviewRatings).values({
            reviewId: review.id,
            cycleTraitId,
            rating: skip || notObserved ? null : demoRating(p.quality, random),
            notObserved,
            comment: skip ? "" : demoComment(random),
          });
        }
        reviewCount += 1;
      }
    }

    const sources = ["zendesk", "freshdesk", "intercom"] as const;
    const csatAgents: CsatAgent[] = [];
    for (const [i, p] of agents.entries()) {
      const source = sources[["Team Portland", "Team Denver", "Team Austin"].indexOf(p.team!) % 3];
      const externalId = source === "intercom" ? `ic-${1000 + i}` : String(360000 + i);
      const employeeId = ids.get(p.email)!;
      await db.insert(identities).values({ source, externalId, employeeId });
      csatAgents.push({ id: employeeId, quality: p.quality, source, externalId });
    }
    const csatResponses = await seedDemoCsat(db, csatAgents, [...PAST_QUARTERS, DEMO_CURRENT_QUARTER], CSAT_UNTIL, random);
    await seedDemoLeavers(db, {
      teamIds,
      ids,
      cycles: seededCycles.filter((c) => c.key !== DEMO_CURRENT_QUARTER),
      recordedBy: ids.get(people[0].email)!,
      now,
    });
    await seedDemoFollowUps(db, {
      cycleId: seededCycles.find((c) => c.key === "2026-Q3")!.id,
      managerIds: [ids.get(`noah@${DEMO_DOMAIN}`)!, ids.get(`grace@${DEMO_DOMAIN}`)!],
      now,
    });
    // The login page lists these from the database, so no production code imports the seed.
    const signIns = JSON.stringify({ accounts: DEMO_ACCOUNTS, password: DEMO_PASSWORD });
    await db
      .insert(settings)
      .values({ key: DEMO_SIGN_INS_SETTING, value: signIns })
      .onConflictDoUpdate({ target: settings.key, set: { value: signIns } });
    return { employees: people.length, reviews: reviewCount, csatResponses };
  }, db);
}
