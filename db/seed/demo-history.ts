import type { Db } from "@/db/client";
import { and, asc, eq, inArray } from "drizzle-orm";
import { cycleParticipants, departures, employees, keeperFollowUps, reviewRatings, reviews } from "@/db/schema";
import type { KeeperAnswer } from "@/lib/domain/keeper";
import { quarterRange } from "@/lib/domain/quarter";
import { DEMO_DOMAIN } from "./demo-people";

/**
 * People who have left, so the keeper-accuracy view has outcomes to show. Fixed, not drawn from
 * the seed's random stream: adding them changes nobody else's data. Each was reviewed in every
 * cycle whose quarter ended before they left, and is in no later cycle.
 */
interface DemoLeaver {
  local: string;
  name: string;
  team: string;
  managerLocal: string;
  /** Keeper answers in 2026-Q1 and Q2 (only those before leaving are used; none later, so 2026-Q3 and Q4 stay as they were). */
  answers: KeeperAnswer[];
  /** Null: deactivated with the details still to come (as a SCIM deactivation leaves them). */
  departure: { leftAt: string; leaveType: "voluntary" | "involuntary"; regretted: boolean } | null;
}

export const DEMO_LEAVERS: DemoLeaver[] = [
  {
    local: "rosa.delgado",
    name: "Rosa Delgado",
    team: "Team Portland",
    managerLocal: "mia",
    answers: ["fight_hard"],
    departure: { leftAt: "2026-05-20", leaveType: "voluntary", regretted: true },
  },
  {
    local: "samir.aziz",
    name: "Samir Aziz",
    team: "Team Denver",
    managerLocal: "noah",
    answers: ["fight_hard"],
    departure: { leftAt: "2026-07-10", leaveType: "voluntary", regretted: true },
  },
  {
    local: "wen.li",
    name: "Wen Li",
    team: "Team Austin",
    managerLocal: "grace",
    answers: ["fight_hard"],
    departure: { leftAt: "2026-08-31", leaveType: "voluntary", regretted: true },
  },
  {
    local: "pablo.ortega",
    name: "Pablo Ortega",
    team: "Team Denver",
    managerLocal: "noah",
    answers: ["fight_hard"],
    departure: { leftAt: "2026-09-15", leaveType: "voluntary", regretted: false },
  },
  {
    local: "greta.holm",
    name: "Greta Holm",
    team: "Team Austin",
    managerLocal: "grace",
    answers: ["keep"],
    departure: { leftAt: "2026-06-30", leaveType: "voluntary", regretted: false },
  },
  {
    local: "dario.conti",
    name: "Dario Conti",
    team: "Team Denver",
    managerLocal: "noah",
    answers: ["let_go"],
    departure: { leftAt: "2026-05-31", leaveType: "involuntary", regretted: false },
  },
  {
    local: "ngozi.eze",
    name: "Ngozi Eze",
    team: "Team Austin",
    managerLocal: "grace",
    answers: ["let_go"],
    departure: { leftAt: "2026-06-15", leaveType: "involuntary", regretted: false },
  },
  {
    local: "tomas.varga",
    name: "Tomas Varga",
    team: "Team Portland",
    managerLocal: "mia",
    answers: ["unsure"],
    departure: { leftAt: "2026-08-01", leaveType: "voluntary", regretted: false },
  },
  {
    local: "beatriz.lima",
    name: "Beatriz Lima",
    team: "Team Portland",
    managerLocal: "mia",
    answers: ["fight_hard", "fight_hard"],
    departure: { leftAt: "2026-07-20", leaveType: "voluntary", regretted: true },
  },
  {
    local: "kenji.mori",
    name: "Kenji Mori",
    team: "Team Austin",
    managerLocal: "grace",
    answers: ["keep", "let_go"],
    departure: { leftAt: "2026-07-09", leaveType: "involuntary", regretted: false },
  },
  { local: "viktor.stahl", name: "Viktor Stahl", team: "Team Denver", managerLocal: "noah", answers: ["unsure"], departure: null },
];

/** Viktor's last working day as far as the seed is concerned (his details are HR's to fill in). */
const UNDATED_LEFT = "2026-06-01";

const RATING: Record<KeeperAnswer, number> = { fight_hard: 5, keep: 4, unsure: 3, let_go: 2 };

export async function seedDemoLeavers(
  db: Db,
  ctx: {
    teamIds: Map<string, number>;
    ids: Map<string, number>;
    cycles: { id: number; key: string; traitIds: number[] }[];
    recordedBy: number;
    now: number;
  },
): Promise<void> {
  const email = (local: string) => `${local}@${DEMO_DOMAIN}`;
  for (const leaver of DEMO_LEAVERS) {
    const managerId = ctx.ids.get(email(leaver.managerLocal))!;
    const teamId = ctx.teamIds.get(leaver.team)!;
    const id = (
      await db
        .insert(employees)
        .values({
          email: email(leaver.local),
          name: leaver.name,
          title: "Customer Support Agent",
          teamId,
          managerId,
          role: "agent",
          active: false,
          hiredAt: "2024-02-01",
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: employees.id })
    )[0].id;
    const leftAt = leaver.departure?.leftAt ?? UNDATED_LEFT;
    for (const [index, cycle] of ctx.cycles.entries()) {
      const answer = leaver.answers[index];
      // Reviewed in a cycle only when its quarter ended before they left.
      if (!answer || quarterRange(cycle.key).end > Date.parse(`${leftAt}T00:00:00Z`)) continue;
      const at = quarterRange(cycle.key).end - 11 * 86_400_000;
      await db.insert(cycleParticipants).values({
        cycleId: cycle.id,
        employeeId: id,
        teamId,
        managerId,
        reviewerId: managerId,
        role: "agent",
        title: "Customer Support Agent",
        addedAt: at,
      });
      const review = (
        await db
          .insert(reviews)
          .values({
            cycleId: cycle.id,
            employeeId: id,
            reviewerId: managerId,
            status: "submitted",
            version: 1,
            keeperAnswer: answer,
            keeperReason: "Seeded history.",
            summary: "A quarter on record.",
            submittedAt: at,
            createdAt: at,
            updatedAt: at,
          })
          .returning({ id: reviews.id })
      )[0];
      for (const cycleTraitId of cycle.traitIds)
        await db.insert(reviewRatings).values({ reviewId: review.id, cycleTraitId, rating: RATING[answer] });
    }
    if (leaver.departure) {
      await db
        .insert(departures)
        .values({ employeeId: id, ...leaver.departure, source: "hr", recordedBy: ctx.recordedBy, recordedAt: ctx.now });
    }
  }
}

/**
 * A recorded follow-up from Noah and one from Grace on their teams' latest unsure or let go
 * answers, so the follow-ups page shows recorded ones beside those still waiting.
 */
export async function seedDemoFollowUps(db: Db, ctx: { cycleId: number; managerIds: number[]; now: number }): Promise<void> {
  const plans = [
    {
      kind: "conversation" as const,
      happenedOn: "2026-10-14",
      reviewOn: null,
      note: "Talked through the hand-offs; agreed to check in fortnightly.",
    },
    {
      kind: "improvement_plan" as const,
      happenedOn: "2026-10-20",
      reviewOn: "2027-01-20",
      note: "Plan on tone and first-contact resolution, with pairing twice a week.",
    },
  ];
  for (const [i, managerId] of ctx.managerIds.entries()) {
    const answer = (
      await db
        .select({ id: reviews.id })
        .from(reviews)
        .innerJoin(employees, eq(employees.id, reviews.employeeId))
        .where(
          and(
            eq(reviews.cycleId, ctx.cycleId),
            eq(employees.managerId, managerId),
            eq(employees.active, true),
            inArray(reviews.keeperAnswer, ["unsure", "let_go"]),
          ),
        )
        .orderBy(asc(reviews.id))
    )[0];
    if (answer)
      await db
        .insert(keeperFollowUps)
        .values({ reviewId: answer.id, ...plans[i % plans.length], recordedBy: managerId, recordedAt: ctx.now });
  }
}
