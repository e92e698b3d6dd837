/**
 * The access matrix: every page, API route and server action of the app, with the demo roles that
 * may use it. `tests/unit/route-inventory.test.ts` fails when a route or action exists that is not
 * listed here, so a new endpoint cannot ship without an access expectation;
 * `tests/integration/action-access.test.ts` checks every action for every role, and
 * `tests/e2e/access-matrix.spec.ts` every page and API route over HTTP.
 *
 * Roles are demo accounts: agent = Ava (Team Portland), otherAgent = Liam (Team Denver),
 * manager = Mia (Ava's manager), otherManager = Noah, director = Mia's and Noah's manager.
 * Admins are not HR (docs/decisions/0012-admins-are-not-hr.md): they run tokens, the outbox and
 * read the audit log, and see no review, talent figure, CSAT or reflection of anyone else.
 */
export type AccessRole = "agent" | "otherAgent" | "manager" | "otherManager" | "director" | "hr" | "admin";
export const ROLES: AccessRole[] = ["agent", "otherAgent", "manager", "otherManager", "director", "hr", "admin"];
export const LOGINS: Record<AccessRole, string> = {
  agent: "ava",
  otherAgent: "liam",
  manager: "mia",
  otherManager: "noah",
  director: "director",
  hr: "hr",
  admin: "admin",
};

const ALL = ROLES;
const HR: AccessRole[] = ["hr"];
/** The audit log: HR, and admins for access investigations. */
const AUDIT: AccessRole[] = ["hr", "admin"];
const MANAGERS: AccessRole[] = ["manager", "otherManager", "director", "hr"];
/** Ava's own data: Ava, her manager, her manager's manager, HR (not the admin). */
const AVA: AccessRole[] = ["agent", "manager", "director", "hr"];
/** People with a released review of their own (the director, HR and admin have no manager). */
const REVIEWED: AccessRole[] = ["agent", "otherAgent", "manager", "otherManager"];

/** Ids a URL needs, looked up in the test's database. */
export interface Ids {
  ava: number;
  avaQ3Review: number;
  portlandTeam: number;
  latestImport: number;
}

export interface HttpCase {
  /** The route file under app/ this case exercises. */
  file: string;
  method: "GET" | "POST";
  path: (ids: Ids) => string;
  body?: string;
  contentType?: string;
  /** Signed-in roles that get the resource; the others get 404 (pages and API alike). */
  allow: AccessRole[];
}

export const PAGE_CASES: HttpCase[] = [
  { file: "app/(app)/page.tsx", method: "GET", path: () => "/", allow: ALL },
  { file: "app/(app)/reviews/[cycle]/[employeeId]/page.tsx", method: "GET", path: (i) => `/reviews/2026-Q3/${i.ava}`, allow: AVA },
  { file: "app/(app)/feedback/page.tsx", method: "GET", path: () => "/feedback", allow: ALL },
  { file: "app/(app)/feedback/[cycle]/page.tsx", method: "GET", path: () => "/feedback/2026-Q3", allow: REVIEWED },
  { file: "app/(app)/customers/page.tsx", method: "GET", path: () => "/customers", allow: ALL },
  { file: "app/(app)/checkins/page.tsx", method: "GET", path: () => "/checkins", allow: ALL },
  { file: "app/(app)/notifications/page.tsx", method: "GET", path: () => "/notifications", allow: ALL },
  { file: "app/(app)/talent/page.tsx", method: "GET", path: () => "/talent?cycle=2026-Q3", allow: MANAGERS },
  {
    file: "app/(app)/talent/[teamId]/page.tsx",
    method: "GET",
    path: (i) => `/talent/${i.portlandTeam}?cycle=2026-Q3`,
    allow: ["manager", "director", "hr"],
  },
  { file: "app/(app)/talent/trends/page.tsx", method: "GET", path: () => "/talent/trends?cycle=2026-Q3", allow: MANAGERS },
  { file: "app/(app)/talent/calibration/page.tsx", method: "GET", path: () => "/talent/calibration?cycle=2026-Q3", allow: MANAGERS },
  { file: "app/(app)/talent/outcomes/page.tsx", method: "GET", path: () => "/talent/outcomes?cycle=2026-Q3", allow: MANAGERS },
  { file: "app/(app)/follow-ups/page.tsx", method: "GET", path: () => "/follow-ups", allow: MANAGERS },
  { file: "app/(app)/hr/cycles/page.tsx", method: "GET", path: () => "/hr/cycles", allow: HR },
  { file: "app/(app)/hr/cycles/[key]/page.tsx", method: "GET", path: () => "/hr/cycles/2026-Q4", allow: HR },
  { file: "app/(app)/hr/people/page.tsx", method: "GET", path: () => "/hr/people?q=ava", allow: HR },
  { file: "app/(app)/hr/people/[id]/page.tsx", method: "GET", path: (i) => `/hr/people/${i.ava}`, allow: HR },
  { file: "app/(app)/hr/audit/page.tsx", method: "GET", path: () => "/hr/audit", allow: AUDIT },
  { file: "app/(app)/hr/import/page.tsx", method: "GET", path: () => "/hr/import", allow: HR },
  { file: "app/(app)/hr/imports/page.tsx", method: "GET", path: () => "/hr/imports", allow: HR },
  { file: "app/(app)/hr/imports/[id]/page.tsx", method: "GET", path: (i) => `/hr/imports/${i.latestImport}`, allow: HR },
  { file: "app/(app)/hr/connections/page.tsx", method: "GET", path: () => "/hr/connections", allow: HR },
  { file: "app/(app)/admin/tokens/page.tsx", method: "GET", path: () => "/admin/tokens", allow: AUDIT },
  { file: "app/(app)/admin/outbox/page.tsx", method: "GET", path: () => "/admin/outbox", allow: ["admin"] },
];

const EMPTY_CSV = "response_id,agent_email,rating,scale_max,responded_at\n";

export const API_CASES: HttpCase[] = [
  { file: "app/api/v1/me/route.ts", method: "GET", path: () => "/api/v1/me", allow: ALL },
  { file: "app/api/v1/cycles/route.ts", method: "GET", path: () => "/api/v1/cycles", allow: ALL },
  { file: "app/api/v1/reviews/route.ts", method: "GET", path: () => "/api/v1/reviews?cycle=2026-Q3", allow: ALL },
  { file: "app/api/v1/reviews/[id]/route.ts", method: "GET", path: (i) => `/api/v1/reviews/${i.avaQ3Review}`, allow: AVA },
  {
    file: "app/api/v1/employees/[id]/csat/route.ts",
    method: "GET",
    path: (i) => `/api/v1/employees/${i.ava}/csat?quarter=2026-Q3`,
    allow: AVA,
  },
  {
    file: "app/api/v1/talent/route.ts",
    method: "GET",
    path: () => "/api/v1/talent?cycle=2026-Q3&team=Team%20Portland",
    allow: ["manager", "director", "hr"],
  },
  {
    file: "app/api/v1/export/reviews.csv/route.ts",
    method: "GET",
    path: () => "/api/v1/export/reviews.csv?cycle=2026-Q3",
    allow: MANAGERS,
  },
  { file: "app/api/v1/outcomes/route.ts", method: "GET", path: () => "/api/v1/outcomes?cycle=2026-Q3", allow: MANAGERS },
  {
    file: "app/api/v1/export/outcomes.csv/route.ts",
    method: "GET",
    path: () => "/api/v1/export/outcomes.csv?cycle=2026-Q3",
    allow: MANAGERS,
  },
  { file: "app/api/v1/feedback/route.ts", method: "GET", path: () => "/api/v1/feedback", allow: ALL },
  { file: "app/api/v1/checkins/route.ts", method: "GET", path: () => "/api/v1/checkins", allow: ALL },
  { file: "app/api/v1/notifications/route.ts", method: "GET", path: () => "/api/v1/notifications", allow: ALL },
  {
    file: "app/api/v1/csat/responses/route.ts",
    method: "POST",
    path: () => "/api/v1/csat/responses",
    body: JSON.stringify({ source: "csv", records: [] }),
    contentType: "application/json",
    allow: HR,
  },
  {
    file: "app/api/imports/csat/route.ts",
    method: "POST",
    path: () => "/api/imports/csat?source=csv",
    body: EMPTY_CSV,
    contentType: "application/octet-stream",
    allow: HR,
  },
];

/**
 * SCIM provisioning (/scim/v2): only a `scim` API token opens these; every session, signed in or
 * not, gets a SCIM 401. tests/integration/scim.test.ts drives them with tokens.
 */
export const SCIM_CASES: HttpCase[] = [
  { file: "app/scim/v2/Users/route.ts", method: "GET", path: () => "/scim/v2/Users", allow: [] },
  { file: "app/scim/v2/Users/[id]/route.ts", method: "GET", path: (i) => `/scim/v2/Users/${i.ava}`, allow: [] },
  { file: "app/scim/v2/ServiceProviderConfig/route.ts", method: "GET", path: () => "/scim/v2/ServiceProviderConfig", allow: [] },
  { file: "app/scim/v2/Schemas/route.ts", method: "GET", path: () => "/scim/v2/Schemas", allow: [] },
  { file: "app/scim/v2/ResourceTypes/route.ts", method: "GET", path: () => "/scim/v2/ResourceTypes", allow: [] },
  { file: "app/scim/v2/[...unknown]/route.ts", method: "GET", path: () => "/scim/v2/Groups", allow: [] },
];

/**
 * Routes open to everyone by design, checked only for being listed: signing in, the load
 * balancer's health check (it says only whether this server can serve) and the API's description.
 */
export const PUBLIC_ROUTES = [
  "app/(auth)/login/page.tsx",
  "app/(auth)/login/error/page.tsx",
  "app/api/auth/[...nextauth]/route.ts",
  "app/api/health/route.ts",
  "app/api/v1/openapi.json/route.ts",
];

/** Server actions and the roles that pass their access rule. */
export const ACTION_ROLES: Record<string, AccessRole[]> = {
  saveDraftAction: ["manager"],
  submitReviewAction: ["manager"],
  reopenReviewAction: ["manager"],
  createCycleAction: HR,
  updateCycleSettingsAction: HR,
  transitionCycleAction: HR,
  addLateHiresAction: HR,
  reassignReviewerAction: HR,
  recordDepartureAction: HR,
  recordFollowUpAction: ["manager"],
  createTokenAction: AUDIT,
  revokeTokenAction: AUDIT,
  calibrateAction: ["director", "hr"],
  saveConnectionAction: HR,
  removeConnectionAction: HR,
  testConnectionAction: HR,
  syncConnectionAction: HR,
  syncProgressAction: HR,
  answerCheckinAction: ["manager"],
  openNotificationAction: ["agent"],
  acknowledgeAction: REVIEWED,
  replyAction: REVIEWED,
  // Own data only: every signed-in person may call them, and they touch nobody else's data.
  askCheckinAction: ALL,
  saveReflectionAction: ALL,
  markAllReadAction: ALL,
  // Signing in and out act on the caller's own session only.
  loginAction: ALL,
  ssoLoginAction: ALL,
  signOutAction: ALL,
};
export const SESSION_ONLY_ACTIONS = ["loginAction", "ssoLoginAction", "signOutAction"];
