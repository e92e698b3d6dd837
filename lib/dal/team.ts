import "server-only";
import { and, asc, eq, ne, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { getDb } from "@/db/client";
import { cycles, employees, reviews, teams } from "@/db/schema";
import type { KeeperAnswer } from "@/lib/domain/keeper";
import { subtreeIdsSql } from "./org-scope";
import { verifySession } from "./session";

export interface ReportStatus {
  id: number;
  name: string;
  email: string;
  title: string;
  team: string | null;
  managerName: string;
  status: "not_started" | "draft" | "submitted";
  keeperAnswer: KeeperAnswer | null;
  updatedAt: number | null;
}

const manager = alias(employees, "manager");

function reportsQuery(cycleKey: string) {
  return getDb()
    .select({
      id: employees.id,
      name: employees.name,
      email: employees.email,
      title: employees.title,
      team: teams.name,
      managerName: manager.name,
      status: sql<ReportStatus["status"]>`coalesce(${reviews.status}, 'not_started')`,
      keeperAnswer: reviews.keeperAnswer,
      updatedAt: reviews.updatedAt,
    })
    .from(employees)
    .innerJoin(manager, eq(manager.id, employees.managerId))
    .leftJoin(teams, eq(teams.id, employees.teamId))
    .leftJoin(cycles, eq(cycles.key, cycleKey))
    .leftJoin(reviews, and(eq(reviews.employeeId, employees.id), eq(reviews.cycleId, cycles.id)));
}

/**
 * The viewer's direct reports and where each review stands in the cycle, plus anyone whose review
 * the cycle's participant record gives the viewer to write (a report who moved away mid-cycle,
 * or a review HR reassigned to them).
 */
export async function listDirectReports(cycleKey: string): Promise<ReportStatus[]> {
  const viewer = await verifySession();
  // One id list (both halves use an index: manager_id, and reviewer_id + cycle_id) rather than
  // `manager = me or exists (…)`, which made SQLite test every employee of the organisation.
  const mine = sql`${employees.id} in (
    select r.id from employees r where r.manager_id = ${viewer.id}
    union
    select cp.employee_id from cycle_participants cp join cycles c2 on c2.id = cp.cycle_id
    where cp.reviewer_id = ${viewer.id} and c2.key = ${cycleKey})`;
  return await reportsQuery(cycleKey)
    .where(and(mine, eq(employees.active, true)))
    .orderBy(asc(employees.name));
}

/** Reports of the viewer's reports (and below), for managers of managers: read only. */
export async function listIndirectReports(cycleKey: string): Promise<ReportStatus[]> {
  const viewer = await verifySession();
  return await reportsQuery(cycleKey)
    .where(and(sql`${employees.id} in ${subtreeIdsSql(viewer.id)}`, ne(employees.managerId, viewer.id), eq(employees.active, true)))
    .orderBy(asc(manager.name), asc(employees.name));
}
