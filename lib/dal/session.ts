import "server-only";
import { AsyncLocalStorage } from "node:async_hooks";
import { cache } from "react";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { and, eq, sql } from "drizzle-orm";
import { getDb } from "@/db/client";
import { perConnection, prepareNamed } from "@/db/per-connection";
import { employees } from "@/db/schema";
import { currentUserId } from "@/lib/auth/session-source";
import type { Role } from "@/lib/domain/roles";
import { rememberRequestId } from "@/lib/observability/request-context";
import { REQUEST_ID_HEADER } from "@/lib/observability/request-id";
import type { TokenScope } from "./token-resolve";

export type { Role };

export interface Viewer {
  id: number;
  email: string;
  name: string;
  role: Role;
  teamId: number | null;
  /** HR sees the whole organisation's people data. Admins do not (docs/decisions/0012-admins-are-not-hr.md). */
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
  prepareNamed(
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
      .where(and(eq(employees.id, sql.placeholder("id")), eq(employees.active, true))),
    "keeper_viewer_row",
  ),
);

/** Keeps the request's id for the audit entries and logs this request writes (lib/observability/request-context.ts). */
async function rememberThisRequest(): Promise<void> {
  try {
    rememberRequestId((await headers()).get(REQUEST_ID_HEADER));
  } catch {
    // Outside a request (the CLI, tests calling the layer directly) there is no id to keep.
  }
}

/** The active employee `id` as a viewer; null when they do not exist or are deactivated. */
export async function loadViewer(id: number, token: { scope: TokenScope } | null): Promise<Viewer | null> {
  const [row] = await viewerRow(getDb()).execute({ id });
  if (!row) return null;
  return {
    ...row,
    via: token ? "token" : "session",
    tokenScope: token?.scope ?? null,
    isHr: row.role === "hr",
    isAdmin: row.role === "admin",
    hasReports: Boolean(row.hasReports),
  };
}

/**
 * The viewer an API route handler resolved from its own request (lib/dal/api-viewer.ts), for the
 * data-access calls it makes while handling that request. Pages and server actions never run
 * inside it, so for them only the session cookie counts.
 */
const apiRequestViewer = new AsyncLocalStorage<Viewer>();

export function runAsApiViewer<T>(viewer: Viewer, fn: () => Promise<T>): Promise<T> {
  return apiRequestViewer.run(viewer, fn);
}

/** The employee signed in with the session cookie, re-read from the database. */
export const sessionViewer = cache(async (): Promise<Viewer | null> => {
  await rememberThisRequest();
  const id = await currentUserId();
  return id === null ? null : await loadViewer(id, null);
});

/**
 * The signed-in, active employee, re-read from the database on every request so a deactivated
 * user or a changed role takes effect at once. Null when there is no valid session.
 */
export async function getViewer(): Promise<Viewer | null> {
  return apiRequestViewer.getStore() ?? sessionViewer();
}

/** For pages and server actions: the viewer, or a redirect to the login page. */
export const verifySession = cache(async (): Promise<Viewer> => {
  const viewer = await getViewer();
  if (!viewer) redirect("/login");
  return viewer;
});
