import { sql } from "drizzle-orm";
import { bigint, index, integer, jsonb, pgTable, primaryKey, text, uniqueIndex, type AnyPgColumn } from "drizzle-orm/pg-core";

import { CYCLE_STATES, REVIEW_STATUSES } from "../lib/domain/cycle-state";
import { KEEPER_ANSWERS } from "../lib/domain/keeper";
import { FOLLOW_UP_KINDS } from "../lib/domain/follow-ups";
import { LEAVE_TYPES } from "../lib/domain/departures";
import { ROLES } from "../lib/domain/roles";
import { TOKEN_SCOPES } from "../lib/domain/token-scopes";
import { FALSE, flag, TRUE } from "./pg-types";

/**
 * The PostgreSQL declaration of db/schema.sqlite.ts (the source of truth): the same tables, columns
 * (SQL and TypeScript names), defaults, keys and indexes, in PostgreSQL's types
 * (docs/decisions/0023-postgres-schema-types.md). tests/unit/db/schema-parity.test.ts fails on any
 * difference. Migrations: db/migrations-pg (drizzle.pg.config.ts); the talent-version triggers and
 * the data_versions seed are its custom migration.
 *
 * - ids: identity BY DEFAULT, so seeds and the SQLite copy can insert explicit ids (then reset the sequences).
 * - Times are bigint epoch milliseconds (UTC), read back as numbers (the INT8 parser in db/client.ts);
 *   calendar dates 'YYYY-MM-DD' text.
 * - Flags are 0/1 integers (`flag`, db/pg-types.ts), as on SQLite, so hand-written SQL is portable.
 * - JSON is jsonb; enums are text with drizzle's `enum` option (no CREATE TYPE to migrate).
 */

export const teams = pgTable("teams", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  name: text("name").notNull().unique(),
});

export const employees = pgTable(
  "employees",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull().unique(),
    name: text("name").notNull(),
    title: text("title").notNull().default(""),
    teamId: integer("team_id").references(() => teams.id),
    managerId: integer("manager_id").references((): AnyPgColumn => employees.id),
    role: text("role", { enum: ROLES }).notNull().default("agent"),
    active: flag("active").notNull().default(TRUE),
    hiredAt: text("hired_at"),
    passwordHash: text("password_hash"),
    /** The OpenID Connect `sub` of the person's single sign-on identity, stored at first sign-in. */
    oidcSubject: text("oidc_subject"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("employees_oidc_subject_uq").on(t.oidcSubject),
    // Covers the "most common manager of the team's active agents" subquery (lib/dal/talent-scope.ts),
    // run for every team on each talent page; team_id first, so it also serves lookups by team.
    index("employees_team_role_idx").on(t.teamId, t.role, t.active, t.managerId),
    index("employees_manager_idx").on(t.managerId),
  ],
);

export const identities = pgTable(
  "identities",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    source: text("source").notNull(),
    externalId: text("external_id").notNull(),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
  },
  (t) => [uniqueIndex("identities_source_external_uq").on(t.source, t.externalId), index("identities_employee_idx").on(t.employeeId)],
);

/** The current trait template that new cycles copy. */
export const traitTemplate = pgTable("trait_template", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  key: text("key").notNull().unique(),
  label: text("label").notNull(),
  description: text("description").notNull(),
  /** JSON array of five one-line behavioural descriptions, level 1 first. */
  levels: jsonb("levels").$type<string[]>().notNull(),
  position: integer("position").notNull(),
  retired: flag("retired").notNull().default(FALSE),
});

export const cycles = pgTable(
  "cycles",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    key: text("key").notNull().unique(),
    state: text("state", { enum: CYCLE_STATES }).notNull().default("draft"),
    dueDate: text("due_date"),
    shareKeeper: flag("share_keeper").notNull().default(TRUE),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [index("cycles_state_idx").on(t.state)],
);

/** A cycle's own copy of the trait template, so editing the template never rewrites the past. */
export const cycleTraits = pgTable(
  "cycle_traits",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => cycles.id),
    key: text("key").notNull(),
    label: text("label").notNull(),
    description: text("description").notNull(),
    levels: jsonb("levels").$type<string[]>().notNull(),
    position: integer("position").notNull(),
  },
  (t) => [uniqueIndex("cycle_traits_cycle_key_uq").on(t.cycleId, t.key)],
);

export const reviews = pgTable(
  "reviews",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => cycles.id),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    reviewerId: integer("reviewer_id")
      .notNull()
      .references(() => employees.id),
    status: text("status", { enum: REVIEW_STATUSES }).notNull().default("draft"),
    version: integer("version").notNull().default(1),
    keeperAnswer: text("keeper_answer", { enum: KEEPER_ANSWERS }),
    keeperReason: text("keeper_reason").notNull().default(""),
    summary: text("summary").notNull().default(""),
    privateNotes: text("private_notes").notNull().default(""),
    submittedAt: bigint("submitted_at", { mode: "number" }),
    acknowledgedAt: bigint("acknowledged_at", { mode: "number" }),
    agentReply: text("agent_reply"),
    repliedAt: bigint("replied_at", { mode: "number" }),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("reviews_cycle_employee_uq").on(t.cycleId, t.employeeId),
    index("reviews_employee_idx").on(t.employeeId),
    // Also answers "this manager's submitted reviews in this cycle" (the manager flag) without
    // reading every submitted review of the cycle, which the cycle index alone would.
    index("reviews_reviewer_cycle_idx").on(t.reviewerId, t.cycleId, t.status),
    // keeper_answer included so organisation and team keeper counts never read the table rows.
    index("reviews_cycle_status_answer_idx").on(t.cycleId, t.status, t.keeperAnswer),
  ],
);

/**
 * Who a cycle covers, as they were when it opened (docs/decisions/0016-cycle-participants.md):
 * team, manager, reviewer, role and title. Talent figures, trends, exports and the API read this,
 * never today's org chart, so later moves never rewrite a past cycle.
 */
export const cycleParticipants = pgTable(
  "cycle_participants",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => cycles.id),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    teamId: integer("team_id").references(() => teams.id),
    managerId: integer("manager_id").references(() => employees.id),
    /** Who writes the review; the manager at opening unless HR reassigns it. */
    reviewerId: integer("reviewer_id").references(() => employees.id),
    role: text("role", { enum: ROLES }).notNull(),
    title: text("title").notNull().default(""),
    addedAt: bigint("added_at", { mode: "number" }).notNull(),
    /** Null when added by the cycle opening (or the backfill); HR's id when added by hand. */
    addedBy: integer("added_by").references(() => employees.id),
  },
  (t) => [
    uniqueIndex("cycle_participants_cycle_employee_uq").on(t.cycleId, t.employeeId),
    // The "most common manager of the team's agents" per cycle, from the index alone.
    index("cycle_participants_cycle_team_idx").on(t.cycleId, t.teamId, t.role, t.managerId),
    // Walking a manager's subtree within one cycle's record.
    index("cycle_participants_manager_cycle_idx").on(t.managerId, t.cycleId),
    index("cycle_participants_reviewer_cycle_idx").on(t.reviewerId, t.cycleId),
    index("cycle_participants_employee_idx").on(t.employeeId),
    index("cycle_participants_team_idx").on(t.teamId),
    index("cycle_participants_added_by_idx").on(t.addedBy),
  ],
);

/** Someone left: when, why and whether the organisation wanted to keep them. */
export const departures = pgTable(
  "departures",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    /** 'YYYY-MM-DD', the last day of employment. */
    leftAt: text("left_at").notNull(),
    leaveType: text("leave_type", { enum: LEAVE_TYPES }).notNull(),
    regretted: flag("regretted").notNull(),
    /** Where the details came from: HR's page or the org CSV. */
    source: text("source", { enum: ["hr", "import"] }).notNull(),
    recordedBy: integer("recorded_by").references(() => employees.id),
    recordedAt: bigint("recorded_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("departures_employee_uq").on(t.employeeId),
    index("departures_left_at_idx").on(t.leftAt),
    index("departures_recorded_by_idx").on(t.recordedBy),
  ],
);

/** What a manager did after answering unsure or let_go in a released cycle. */
export const keeperFollowUps = pgTable(
  "keeper_follow_ups",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id),
    kind: text("kind", { enum: FOLLOW_UP_KINDS }).notNull(),
    /** 'YYYY-MM-DD': the conversation, the plan's start, or the separation. */
    happenedOn: text("happened_on").notNull(),
    /** 'YYYY-MM-DD': when an improvement plan is reviewed; null otherwise. */
    reviewOn: text("review_on"),
    note: text("note").notNull().default(""),
    recordedBy: integer("recorded_by")
      .notNull()
      .references(() => employees.id),
    recordedAt: bigint("recorded_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("keeper_follow_ups_review_uq").on(t.reviewId), index("keeper_follow_ups_recorded_by_idx").on(t.recordedBy)],
);

export const reviewRatings = pgTable(
  "review_ratings",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    cycleTraitId: integer("cycle_trait_id")
      .notNull()
      .references(() => cycleTraits.id),
    /** 1..5, or null when not rated yet. */
    rating: integer("rating"),
    notObserved: flag("not_observed").notNull().default(FALSE),
    comment: text("comment").notNull().default(""),
  },
  (t) => [
    uniqueIndex("review_ratings_review_trait_uq").on(t.reviewId, t.cycleTraitId),
    index("review_ratings_trait_idx").on(t.cycleTraitId),
  ],
);

export const auditLog = pgTable(
  "audit_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    at: bigint("at", { mode: "number" }).notNull(),
    actorId: integer("actor_id").references(() => employees.id),
    /** e.g. 'auth.sign_in', 'review.submit', 'cycle.transition', 'access.denied' */
    action: text("action").notNull(),
    outcome: text("outcome", { enum: ["ok", "denied", "failed"] })
      .notNull()
      .default("ok"),
    targetType: text("target_type"),
    targetId: text("target_id"),
    detail: jsonb("detail").$type<Record<string, unknown>>(),
    /** The HTTP request that wrote it (x-request-id), to join with the server's log; null from the CLI. */
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_at_idx").on(t.at),
    index("audit_request_idx").on(t.requestId),
    index("audit_actor_idx").on(t.actorId),
    index("audit_action_idx").on(t.action),
  ],
);

export const settings = pgTable("settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
});

// ---- CSAT -------------------------------------------------------------------------------

export const csatImports = pgTable(
  "csat_imports",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    actorId: integer("actor_id").references(() => employees.id),
    via: text("via", { enum: ["cli", "upload", "api", "sync"] }).notNull(),
    fileName: text("file_name").notNull(),
    source: text("source").notNull(),
    rowsRead: integer("rows_read").notNull().default(0),
    imported: integer("imported").notNull().default(0),
    updated: integer("updated").notNull().default(0),
    unchanged: integer("unchanged").notNull().default(0),
    notResponses: integer("not_responses").notNull().default(0),
    rejected: integer("rejected").notNull().default(0),
    /** JSON: { rejected: [{ref, reason}] (first 1000), unmatched: [{source, externalId, count}] } */
    report: jsonb("report").$type<Record<string, unknown>>(),
  },
  (t) => [index("csat_imports_created_idx").on(t.createdAt), index("csat_imports_actor_idx").on(t.actorId)],
);

export const csatResponses = pgTable(
  "csat_responses",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    source: text("source").notNull(),
    sourceRecordId: text("source_record_id").notNull(),
    /** The agent as the source names them (id, or lower-cased email for CSV). */
    agentExternalId: text("agent_external_id").notNull(),
    /** Null while the source's agent id maps to nobody; matched later by an org import. */
    employeeId: integer("employee_id").references(() => employees.id),
    ratedAt: bigint("rated_at", { mode: "number" }).notNull(),
    quarter: text("quarter").notNull(),
    satisfied: flag("satisfied").notNull(),
    rawValue: text("raw_value").notNull(),
    scale: text("scale").notNull(),
    channel: text("channel"),
    comment: text("comment"),
    ticketRef: text("ticket_ref"),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
    importId: integer("import_id").references(() => csatImports.id),
  },
  (t) => [
    uniqueIndex("csat_responses_source_record_uq").on(t.source, t.sourceRecordId),
    index("csat_responses_employee_quarter_idx").on(t.employeeId, t.quarter, t.ratedAt),
    index("csat_responses_import_idx").on(t.importId),
    // Only unmatched responses are looked up by agent id (rematching after an org import), so it
    // is partial: responses credited to an employee cost an import nothing here. No quarter index:
    // organisation figures come from csat_rollups, and responses are read per employee.
    index("csat_responses_agent_external_idx")
      .on(t.source, t.agentExternalId)
      .where(sql`${t.employeeId} IS NULL`),
  ],
);

/** Per-agent, per-quarter counts kept current by every import; pages read these, not responses. */
export const csatRollups = pgTable(
  "csat_rollups",
  {
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    quarter: text("quarter").notNull(),
    responses: integer("responses").notNull(),
    satisfied: integer("satisfied").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.employeeId, t.quarter] }),
    // Covering: the organisation's CSAT for a quarter sums 10,000 rows from the index alone.
    index("csat_rollups_quarter_counts_idx").on(t.quarter, t.responses, t.satisfied),
  ],
);

// ---- Calibration, check-ins, reflections, notifications ------------------------------------

/** Every change made to a submitted review during calibration: who, when, before, after, why. */
export const calibrationChanges = pgTable(
  "calibration_changes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    reviewId: integer("review_id")
      .notNull()
      .references(() => reviews.id),
    actorId: integer("actor_id")
      .notNull()
      .references(() => employees.id),
    at: bigint("at", { mode: "number" }).notNull(),
    /** 'keeper_answer' or 'trait:<cycle trait key>' */
    field: text("field").notNull(),
    before: text("before"),
    after: text("after"),
    reason: text("reason").notNull(),
  },
  (t) => [index("calibration_changes_review_idx").on(t.reviewId), index("calibration_changes_actor_idx").on(t.actorId)],
);

/** An agent asks their manager the keeper question about themselves. */
export const keeperCheckins = pgTable(
  "keeper_checkins",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    agentId: integer("agent_id")
      .notNull()
      .references(() => employees.id),
    managerId: integer("manager_id")
      .notNull()
      .references(() => employees.id),
    askedAt: bigint("asked_at", { mode: "number" }).notNull(),
    message: text("message").notNull().default(""),
    answeredAt: bigint("answered_at", { mode: "number" }),
    answer: text("answer", { enum: KEEPER_ANSWERS }),
    note: text("note"),
  },
  (t) => [index("keeper_checkins_agent_idx").on(t.agentId), index("keeper_checkins_manager_idx").on(t.managerId, t.answeredAt)],
);

/** An agent's self-reflection for a cycle, shown to the manager beside the review form. */
export const reflections = pgTable(
  "reflections",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => cycles.id),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    proudOf: text("proud_of").notNull().default(""),
    growth: text("growth").notNull().default(""),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [uniqueIndex("reflections_cycle_employee_uq").on(t.cycleId, t.employeeId), index("reflections_employee_idx").on(t.employeeId)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    recipientId: integer("recipient_id")
      .notNull()
      .references(() => employees.id),
    /** 'review_released' | 'checkin_asked' | 'checkin_answered' | 'reply_received' | 'review_due' | 'review_overdue' | 'follow_up_due' */
    kind: text("kind").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    link: text("link"),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    readAt: bigint("read_at", { mode: "number" }),
  },
  (t) => [index("notifications_recipient_idx").on(t.recipientId, t.readAt, t.createdAt)],
);

/** Mail waiting to be sent, or kept for admins to read when no SMTP server is configured. */
export const outboxEmails = pgTable(
  "outbox_emails",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    toAddress: text("to_address").notNull(),
    subject: text("subject").notNull(),
    body: text("body").notNull(),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    sentAt: bigint("sent_at", { mode: "number" }),
    error: text("error"),
  },
  (t) => [index("outbox_emails_created_idx").on(t.createdAt)],
);

/** One reminder per review per UTC day, however often the reminder job runs. */
export const reminderLog = pgTable(
  "reminder_log",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    cycleId: integer("cycle_id")
      .notNull()
      .references(() => cycles.id),
    employeeId: integer("employee_id")
      .notNull()
      .references(() => employees.id),
    day: text("day").notNull(),
    kind: text("kind", { enum: ["due_soon", "overdue", "follow_up"] }).notNull(),
    sentAt: bigint("sent_at", { mode: "number" }).notNull(),
  },
  (t) => [
    uniqueIndex("reminder_log_review_day_uq").on(t.cycleId, t.employeeId, t.day),
    index("reminder_log_employee_idx").on(t.employeeId),
  ],
);

// ---- Security ------------------------------------------------------------------------------

export const apiTokens = pgTable(
  "api_tokens",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    /** SHA-256 of the token; the token itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull().unique(),
    scope: text("scope", { enum: TOKEN_SCOPES }).notNull(),
    createdBy: integer("created_by")
      .notNull()
      .references(() => employees.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    expiresAt: bigint("expires_at", { mode: "number" }).notNull(),
    lastUsedAt: bigint("last_used_at", { mode: "number" }),
    revokedAt: bigint("revoked_at", { mode: "number" }),
  },
  (t) => [index("api_tokens_created_by_idx").on(t.createdBy)],
);

/** Sign-in attempts per account and per client address, for throttling. */
export const signInAttempts = pgTable(
  "sign_in_attempts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    /** 'account:<email>' or 'ip:<address>' */
    key: text("key").notNull(),
    at: bigint("at", { mode: "number" }).notNull(),
    ok: flag("ok").notNull(),
  },
  (t) => [index("sign_in_attempts_key_at_idx").on(t.key, t.at)],
);

/**
 * Change counters, one row per topic, bumped by triggers (SQLite migration 0006; db/migrations-pg talent_version_triggers) in the same transaction
 * as the writes they count. `talent`: anything the memoised talent figures read (lib/dal/read-memo.ts).
 */
export const dataVersions = pgTable("data_versions", {
  topic: text("topic").primaryKey(),
  version: integer("version").notNull().default(0),
});

/**
 * A helpdesk whose CSAT Keeper pulls from its API (lib/connectors). Credentials are AES-256-GCM
 * ciphertext (lib/connectors/secret-box.ts) and never leave the server; `credentialHint` is the
 * only part pages show. `cursorSince` is where the next full pass starts; `resume` the page a
 * failed or interrupted pass stopped after, written in the same transaction as that page's records.
 */
export const helpdeskConnections = pgTable(
  "helpdesk_connections",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull().unique(),
    source: text("source", { enum: ["zendesk", "freshdesk", "intercom", "helpscout", "chatwoot"] }).notNull(),
    baseUrl: text("base_url").notNull(),
    /** Chatwoot's account id; null for the others. */
    accountId: text("account_id"),
    credentials: text("credentials").notNull(),
    credentialHint: text("credential_hint").notNull(),
    intervalMinutes: integer("interval_minutes").notNull().default(60),
    /** 'new' | 'ok' | 'failed' | 'needs_credentials' */
    status: text("status").notNull().default("new"),
    lastError: text("last_error"),
    lastSyncAt: bigint("last_sync_at", { mode: "number" }),
    lastSuccessAt: bigint("last_success_at", { mode: "number" }),
    nextRunAt: bigint("next_run_at", { mode: "number" }).notNull(),
    cursorSince: bigint("cursor_since", { mode: "number" }),
    resume: jsonb("resume").$type<Record<string, unknown>>(),
    /** A running sync holds the connection until then (renewed per page), so two never overlap. */
    leaseUntil: bigint("lease_until", { mode: "number" }),
    createdBy: integer("created_by").references(() => employees.id),
    createdAt: bigint("created_at", { mode: "number" }).notNull(),
    updatedAt: bigint("updated_at", { mode: "number" }).notNull(),
  },
  (t) => [index("helpdesk_connections_next_run_idx").on(t.nextRunAt), index("helpdesk_connections_created_by_idx").on(t.createdBy)],
);

/** One sync of a connection: its progress while it runs, then its outcome; counts live in its csat_imports row. */
export const helpdeskSyncRuns = pgTable(
  "helpdesk_sync_runs",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    connectionId: integer("connection_id")
      .notNull()
      .references(() => helpdeskConnections.id, { onDelete: "cascade" }),
    importId: integer("import_id").references(() => csatImports.id),
    /** 'manual' | 'cli' | 'schedule' */
    trigger: text("trigger").notNull(),
    /** 'running' | 'ok' | 'failed' | 'needs_credentials' | 'interrupted' */
    status: text("status").notNull(),
    startedAt: bigint("started_at", { mode: "number" }).notNull(),
    finishedAt: bigint("finished_at", { mode: "number" }),
    pages: integer("pages").notNull().default(0),
    records: integer("records").notNull().default(0),
    error: text("error"),
  },
  (t) => [
    index("helpdesk_sync_runs_connection_idx").on(t.connectionId, t.startedAt),
    index("helpdesk_sync_runs_import_idx").on(t.importId),
  ],
);
