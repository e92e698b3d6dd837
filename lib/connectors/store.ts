import { and, asc, desc, eq, isNull, lt, lte, ne, or } from "drizzle-orm";
import { getDb, writeTx } from "@/db/client";
import { csatImports, helpdeskConnections, helpdeskSyncRuns } from "@/db/schema";
import { credentialHint, credentialsOf, hasCredentials, missingForSource, type ConnectionFields } from "./connection-input";
import { decryptSecret, encryptSecret, SecretKeyError } from "./secret-box";
import type { ConnectionConfig, ConnectorSource, Credentials } from "./types";
import { affected } from "@/db/raw";

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
export async function recentRuns(connectionId: number, limit = 5): Promise<SyncRunView[]> {
  return await getDb()
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
    .limit(limit);
}

export async function listConnectionViews(now = Date.now(), where?: { id?: number; name?: string }): Promise<ConnectionView[]> {
  const filter =
    where?.id !== undefined
      ? eq(helpdeskConnections.id, where.id)
      : where?.name !== undefined
        ? eq(helpdeskConnections.name, where.name)
        : undefined;
  const rows = await getDb().select(VIEW_COLUMNS).from(helpdeskConnections).where(filter).orderBy(asc(helpdeskConnections.name));
  return Promise.all(
    rows.map(async ({ leaseUntil, ...r }) => {
      const runs = await recentRuns(r.id);
      return { ...r, running: leaseUntil !== null && leaseUntil > now, lastRun: runs[0] ?? null, recentRuns: runs };
    }),
  );
}

export async function findConnection(nameOrId: string | number): Promise<ConnectionView | null> {
  const views =
    typeof nameOrId === "number"
      ? await listConnectionViews(Date.now(), { id: nameOrId })
      : await listConnectionViews(Date.now(), { name: nameOrId });
  return views[0] ?? null;
}

export async function insertConnection(fields: ConnectionFields, actorId: number | null, now = Date.now()): Promise<SaveResult> {
  const credentials = credentialsOf(fields);
  const problem = missingForSource({ source: fields.source, baseUrl: fields.baseUrl, accountId: fields.accountId ?? null, credentials });
  if (problem) return { ok: false, field: "token", message: problem };
  return writeTx(async (db) => {
    if ((await db.select({ id: helpdeskConnections.id }).from(helpdeskConnections).where(eq(helpdeskConnections.name, fields.name)))[0]) {
      return { ok: false as const, field: "name", message: `A connection named '${fields.name}' exists already.` };
    }
    const row = (
      await db
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
    )[0];
    return { ok: true as const, id: row.id };
  });
}

/**
 * Changes a connection; blank credential fields keep the stored ones. New credentials clear a
 * "needs new credentials" state and make the connection due at once.
 */
export async function updateConnection(id: number, fields: ConnectionFields, now = Date.now()): Promise<SaveResult> {
  const stored = (await getDb().select().from(helpdeskConnections).where(eq(helpdeskConnections.id, id)))[0];
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
  return writeTx(async (db) => {
    const clash = (
      await db.select({ id: helpdeskConnections.id }).from(helpdeskConnections).where(eq(helpdeskConnections.name, fields.name))
    )[0];
    if (clash && clash.id !== id)
      return { ok: false as const, field: "name", message: `A connection named '${fields.name}' exists already.` };
    await db
      .update(helpdeskConnections)
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
      .where(eq(helpdeskConnections.id, id));
    return { ok: true as const, id };
  });
}

/** Removes the connection and its sync history; the CSAT it brought in stays (it is the organisation's data). */
export async function deleteConnection(id: number): Promise<boolean> {
  return writeTx(async (db) => affected(await db.delete(helpdeskConnections).where(eq(helpdeskConnections.id, id))) > 0);
}

/** The decrypted configuration, for the sync and the connection test only. */
export async function loadConfig(id: number): Promise<ConnectionConfig & { id: number; name: string }> {
  const row = (await getDb().select().from(helpdeskConnections).where(eq(helpdeskConnections.id, id)))[0];
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
export async function dueConnectionIds(now = Date.now()): Promise<number[]> {
  return (
    await getDb()
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
  ).map((r) => r.id);
}

export async function allConnectionIds(): Promise<number[]> {
  return (await getDb().select({ id: helpdeskConnections.id }).from(helpdeskConnections).orderBy(asc(helpdeskConnections.name))).map(
    (r) => r.id,
  );
}
