import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { perConnection } from "@/db/per-connection";
import { employees } from "@/db/schema";
import { bearerToken, currentUserId } from "@/lib/auth/session-source";
import { rememberRequestId } from "@/lib/observability/request-context";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import type { Role } from "@/lib/domain/roles";
import { resolveToken, type TokenScope } from "./token-resolve";

export type { Role };

export interface Viewer {
  id: number;
  email: string;
  name: string;
  role: Role;
  teamId: number | null;
  /** HR sees the whole organisation's people data. Admins do not (docs/decisions/0011-rules-admin-access.md). */
  isHr: boolean;
  /** System administration: API tokens, the outbox, the audit log. Not HR. */
  isAdmin: boolean;
  /** Anyone with direct reports is a manager, whatever their role says. */
  hasReports: boolean;
  /** How the request authenticated: the session cookie, or an admin's API token (API only). */
  via: "session" | "token";
  tokenScope: TokenScope | null;
}

// Every request asks, so the query is prepared once per connection.
const viewerRow = perConnection((db) =>
  db
    .select({
      id: employees.id,
      email: employees.email,
      name: employees.name,
      role: employees.role,
      teamId: employees.teamId,
      // Qualified by hand: drizzle leaves columns unqualified in single-table selects.
      hasReports: sql<number>`exists (select 1 from employees r where r.manager_id = "employees"."id" and r.active = 1)`,
    })
    .from(employees)
    .where(and(eq(employees.id, sql.placeholder("id")), eq(employees.active, true)))
    .prepare(),
);

/** Keeps the request's id for the audit entries and logs this request writes (lib/observability/request-context.ts). */
async function rememberThisRequest(): Promise<void> {
  try {
    rememberRequestId((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    // Outside a request (the CLI, tests calling the layer directly) there is no id to keep.
  }
}

/**
 * The signed-in, active employee, re-read from the database on every request so a deactivated
 * user or a changed role takes effect at once. Null when there is no valid session.
 */
export const getViewer = cache(async (): Promise<Viewer | null> => {
  await rememberThisRequest();
  let id = await currentUserId();
  let token: { employeeId: number; scope: TokenScope } | null = null;
  if (id === null) {
    const bearer = await bearerToken();
    token = bearer ? resolveToken(bearer) : null;
    id = token?.employeeId ?? null;
  }
  if (id === null) return null;
  const row = viewerRow(getDb()).get({ id });
  if (!row) return null;
  // A token is only as good as its creator: it dies when they are deactivated or stop being admin.
  if (token && row.role !== "admin") return null;
  return {
    ...row,
    via: token ? "token" : "session",
    tokenScope: token?.scope ?? null,
    isHr: row.role === "hr",
    isAdmin: row.role === "admin",
    hasReports: Boolean(row.hasReports),
  };
});

/** For pages and server actions: the viewer, or a redirect to the login page. */
export const verifySession = cache(async (): Promise<Viewer> => {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
});
