import { and, asc, desc, eq, isNull, lt, lte, ne, or } from "drizzle-orm";
import { getDb, writeTx } from "@/db/client";
import { csatImports, helpdeskConnections, helpdeskSyncRuns } from "@/db/schema";
import { credentialHint, credentialsOf, hasCredentials, missingForSource, type ConnectionFields } from "./connection-input";
import { decryptSecret, encryptSecret, SecretKeyError } from "./secret-box";
import type { ConnectionConfig, ConnectorSource, Credentials } from "./types";

/**
 * Helpdesk connections in the database, for the CLI and the DAL (which checks the session first).
 * Nothing here returns stored credentials except `loadConfig`, which only the sync calls.
 */

export type ConnectionView = {
  id: number;
  name: string;
  source: ConnectorSource;
  baseUrl: string;
  accountId: string | null;
  credentialHint: string;
  intervalMinutes: number;
  status: string;
  lastError: string | null;
  lastSyncAt: number | null;
  lastSuccessAt: number | null;
  nextRunAt: number;
  running: boolean;
  lastRun: SyncRunView | null;
  recentRuns: SyncRunView[];
};

export type SyncRunView = {
  id: number;
  importId: number | null;
  status: string;
  trigger: string;
  startedAt: number;
  finishedAt: number | null;
  pages: number;
  records: number;
  error: string | null;
  imported: number | null;
  updated: number | null;
  unchanged: number | null;
  rejected: number | null;
};

export type SaveResult = { ok: true; id: number } | { ok: false; field?: string; message: string };

const VIEW_COLUMNS = {
  id: helpdeskConnections.id,
  name: helpdeskConnections.name,
  source: helpdeskConnections.source,
  baseUrl: helpdeskConnections.baseUrl,
  accountId: helpdeskConnections.accountId,
  credentialHint: helpdeskConnections.credentialHint,
  intervalMinutes: helpdeskConnections.intervalMinutes,
  status: helpdeskConnections.status,
  lastError: helpdeskConnections.lastError,
  lastSyncAt: helpdeskConnections.lastSyncAt,
  lastSuccessAt: helpdeskConnections.lastSuccessAt,
  nextRunAt: helpdeskConnections.nextRunAt,
  leaseUntil: helpdeskConnections.leaseUntil,
};

/** A connection's latest sync runs, newest first (a handful: it syncs hourly for years). */
export function recentRuns(connectionId: number, limit = 5): SyncRunView[] {
  return getDb()
    .select({
      id: helpdeskSyncRuns.id,
      importId: helpdeskSyncRuns.importId,
      status: helpdeskSyncRuns.status,
      trigger: helpdeskSyncRuns.trigger,
      startedAt: helpdeskSyncRuns.startedAt,
      finishedAt: helpdeskSyncRuns.finishedAt,
      pages: helpdeskSyncRuns.pages,
      records: helpdeskSyncRuns.records,
      error: helpdeskSyncRuns.error,
      imported: csatImports.imported,
      updated: csatImports.updated,
      unchanged: csatImports.unchanged,
      rejected: csatImports.rejected,
    })
    .from(helpdeskSyncRuns)
    .leftJoin(csatImports, eq(csatImports.id, helpdeskSyncRuns.importId))
    .where(eq(helpdeskSyncRuns.connectionId, connectionId))
    .orderBy(desc(helpdeskSyncRuns.startedAt), desc(helpdeskSyncRuns.id))
    .limit(limit)
    .all();
}

export function listConnectionViews(now = Date.now(), where?: { id?: number; name?: string }): ConnectionView[] {
  const filter =
    where?.id !== undefined
      ? eq(helpdeskConnections.id, where.id)
      : where?.name !== undefined
        ? eq(helpdeskConnections.name, where.name)
        : undefined;
  const rows = getDb().select(VIEW_COLUMNS).from(helpdeskConnections).where(filter).orderBy(asc(helpdeskConnections.name)).all();
  return rows.map(({ leaseUntil, ...r }) => {
    const runs = recentRuns(r.id);
    return { ...r, running: leaseUntil !== null && leaseUntil > now, lastRun: runs[0] ?? null, recentRuns: runs };
  });
}

export function findConnection(nameOrId: string | number): ConnectionView | null {
  const views =
    typeof nameOrId === "number" ? listConnectionViews(Date.now(), { id: nameOrId }) : listConnectionViews(Date.now(), { name: nameOrId });
  return views[0] ?? null;
}

export function insertConnection(fields: ConnectionFields, actorId: number | null, now = Date.now()): SaveResult {
  const credentials = credentialsOf(fields);
  const problem = missingForSource({ source: fields.source, baseUrl: fields.baseUrl, accountId: fields.accountId ?? null, credentials });
  if (problem) return { ok: false, field: "token", message: problem };
  return writeTx((db) => {
    if (db.select({ id: helpdeskConnections.id }).from(helpdeskConnections).where(eq(helpdeskConnections.name, fields.name)).get()) {
      return { ok: false as const, field: "name", message: `A connection named '${fields.name}' exists already.` };
    }
    const row = db
      .insert(helpdeskConnections)
      .values({
        name: fields.name,
        source: fields.source,
        baseUrl: fields.baseUrl,
        accountId: fields.accountId ?? null,
        credentials: encryptSecret(JSON.stringify(credentials)),
        credentialHint: credentialHint(credentials),
        intervalMinutes: fields.intervalMinutes,
        nextRunAt: now,
        createdBy: actorId,
        createdAt: now,
        updatedAt: now,
      })
      .returning({ id: helpdeskConnections.id })
      .get();
    return { ok: true as const, id: row.id };
  });
}

/**
 * Changes a connection; blank credential fields keep the stored ones. New credentials clear a
 * "needs new credentials" state and make the connection due at once.
 */
export function updateConnection(id: number, fields: ConnectionFields, now = Date.now()): SaveResult {
  const stored = getDb().select().from(helpdeskConnections).where(eq(helpdeskConnections.id, id)).get();
  if (!stored) return { ok: false, message: "That connection no longer exists." };
  if (stored.source !== fields.source)
    return { ok: false, field: "source", message: "A connection's helpdesk cannot change; add a new connection instead." };
  const given = credentialsOf(fields);
  const replacing = hasCredentials(given);
  // Fields given replace the stored ones (a new token keeps the stored Zendesk email, and so on).
  let credentials: Credentials = given;
  try {
    credentials = { ...(JSON.parse(decryptSecret(stored.credentials)) as Credentials), ...given };
  } catch (error) {
    if (!(error instanceof SecretKeyError)) throw error;
    // Unreadable (the key changed): only a complete new set will do.
    if (!replacing) return { ok: false, field: "token", message: error.message };
  }
  const problem = missingForSource({ source: fields.source, baseUrl: fields.baseUrl, accountId: fields.accountId ?? null, credentials });
  if (problem) return { ok: false, field: "token", message: problem };
  return writeTx((db) => {
    const clash = db
      .select({ id: helpdeskConnections.id })
      .from(helpdeskConnections)
      .where(eq(helpdeskConnections.name, fields.name))
      .get();
    if (clash && clash.id !== id)
      return { ok: false as const, field: "name", message: `A connection named '${fields.name}' exists already.` };
    db.update(helpdeskConnections)
      .set({
        name: fields.name,
        baseUrl: fields.baseUrl,
        accountId: fields.accountId ?? null,
        intervalMinutes: fields.intervalMinutes,
        updatedAt: now,
        ...(replacing
          ? {
              credentials: encryptSecret(JSON.stringify(credentials)),
              credentialHint: credentialHint(credentials),
              status: "new",
              lastError: null,
              nextRunAt: now,
            }
          : {}),
        // Another address is another data set: start again from the beginning.
        ...(fields.baseUrl !== stored.baseUrl || (fields.accountId ?? null) !== stored.accountId
          ? { cursorSince: null, resume: null, nextRunAt: now }
          : {}),
      })
      .where(eq(helpdeskConnections.id, id))
      .run();
    return { ok: true as const, id };
  });
}

/** Removes the connection and its sync history; the CSAT it brought in stays (it is the organisation's data). */
export function deleteConnection(id: number): boolean {
  return writeTx((db) => db.delete(helpdeskConnections).where(eq(helpdeskConnections.id, id)).run().changes > 0);
}

/** The decrypted configuration, for the sync and the connection test only. */
export function loadConfig(id: number): ConnectionConfig & { id: number; name: string } {
  const row = getDb().select().from(helpdeskConnections).where(eq(helpdeskConnections.id, id)).get();
  if (!row) throw new Error(`No helpdesk connection #${id}.`);
  return {
    id: row.id,
    name: row.name,
    source: row.source,
    baseUrl: row.baseUrl,
    accountId: row.accountId,
    credentials: JSON.parse(decryptSecret(row.credentials)) as Credentials,
  };
}

/** Connections whose next run is due and that no sync holds; refused credentials wait for new ones (or "Sync now"). */
export function dueConnectionIds(now = Date.now()): number[] {
  return getDb()
    .select({ id: helpdeskConnections.id })
    .from(helpdeskConnections)
    .where(
      and(
        lte(helpdeskConnections.nextRunAt, now),
        ne(helpdeskConnections.status, "needs_credentials"),
        or(isNull(helpdeskConnections.leaseUntil), lt(helpdeskConnections.leaseUntil, now)),
      ),
    )
    .orderBy(asc(helpdeskConnections.nextRunAt))
    .all()
    .map((r) => r.id);
}

export function allConnectionIds(): number[] {
  return getDb()
    .select({ id: helpdeskConnections.id })
    .from(helpdeskConnections)
    .orderBy(asc(helpdeskConnections.name))
    .all()
    .map((r) => r.id);
}
