import { ENGINE } from "./engine";
import * as pg from "./schema.pg";
import * as sqlite from "./schema.sqlite";

/**
 * The tables the data-access layer imports, for the engine this process runs on
 * (docs/decisions/0022-one-dal-two-engines.md). db/schema.sqlite.ts is the source of truth and
 * types every query; db/schema.pg.ts declares the same tables, columns and indexes in
 * PostgreSQL's types, and tests/unit/db/schema-parity.test.ts fails on any difference.
 */
const chosen = (ENGINE === "postgres" ? pg : sqlite) as unknown as typeof sqlite;

export const teams = chosen.teams;
export const employees = chosen.employees;
export const identities = chosen.identities;
export const traitTemplate = chosen.traitTemplate;
export const cycles = chosen.cycles;
export const cycleTraits = chosen.cycleTraits;
export const reviews = chosen.reviews;
export const cycleParticipants = chosen.cycleParticipants;
export const departures = chosen.departures;
export const keeperFollowUps = chosen.keeperFollowUps;
export const reviewRatings = chosen.reviewRatings;
export const auditLog = chosen.auditLog;
export const settings = chosen.settings;
export const csatImports = chosen.csatImports;
export const csatResponses = chosen.csatResponses;
export const csatRollups = chosen.csatRollups;
export const calibrationChanges = chosen.calibrationChanges;
export const keeperCheckins = chosen.keeperCheckins;
export const reflections = chosen.reflections;
export const notifications = chosen.notifications;
export const outboxEmails = chosen.outboxEmails;
export const reminderLog = chosen.reminderLog;
export const apiTokens = chosen.apiTokens;
export const signInAttempts = chosen.signInAttempts;
export const dataVersions = chosen.dataVersions;
export const helpdeskConnections = chosen.helpdeskConnections;
export const helpdeskSyncRuns = chosen.helpdeskSyncRuns;
