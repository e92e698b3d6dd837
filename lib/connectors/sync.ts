import { and, eq, inArray, sql } from "drizzle-orm";
import { getDb, writeTx } from "@/db/client";
import { csatImports, employees, helpdeskConnections, helpdeskSyncRuns } from "@/db/schema";
import { insertImportRow } from "@/lib/importers/csat/import-record";
import { importCsat } from "@/lib/importers/csat/run-import";
import { notify } from "@/lib/mail/notify";
import { AuthFailure, requestJson, type HttpOptions } from "./http";
import { CONNECTORS } from "./registry";
import { SecretKeyError } from "./secret-box";
import { loadConfig } from "./store";
import { sameOrigin, withHeaders, type PageRequest } from "./types";

export type SyncTrigger = "manual" | "cli" | "schedule";

export type SyncOptions = {
  trigger: SyncTrigger;
  actorId?: number | null;
  http?: HttpOptions;
  now?: () => number;
  /** Runs after each page has committed; tests throw here to crash a sync midway. */
  afterPage?: (page: number) => void | Promise<void>;
  /** Each page's commit renews the hold on the connection for this long. */
  leaseMs?: number;
  /** Called once the connection is held (or found busy): "Sync now" answers after this, so the first progress poll sees it running. */
  onClaimed?: () => void;
};

export type SyncStatus = "ok" | "failed" | "needs_credentials" | "busy";

export type SyncOutcome = {
  connectionId: number;
  name: string;
  status: SyncStatus;
  runId: number | null;
  importId: number | null;
  pages: number;
  records: number;
  imported: number;
  updated: number;
  unchanged: number;
  rejected: number;
  unmatched: number;
  error: string | null;
};

/** Where an interrupted pass goes on: the next page, and when the pass began (the cursor it earns). */
type Resume = { request: PageRequest; passStartedAt: number };

const LEASE_MS = 10 * 60_000;
/** A connection that failed is tried again sooner than its interval, but not hammered. */
const RETRY_FAILED_MS = 15 * 60_000;

type Started = {
  runId: number;
  importId: number;
  cursorSince: number | null;
  resume: Resume | null;
  intervalMinutes: number;
  status: string;
};

/** Claims the connection (no other sync may hold it) and opens its run and its import-history row. */
async function begin(id: number, options: SyncOptions, now: number): Promise<Started | null> {
  return writeTx(async (db) => {
    const conn = (await db.select().from(helpdeskConnections).where(eq(helpdeskConnections.id, id)))[0];
    if (!conn) throw new Error(`No helpdesk connection #${id}.`);
    if (conn.leaseUntil !== null && conn.leaseUntil > now) return null;
    await db
      .update(helpdeskConnections)
      .set({ leaseUntil: now + (options.leaseMs ?? LEASE_MS) })
      .where(eq(helpdeskConnections.id, id));
    // A run still marked running lost its process: its committed pages stay, `resume` goes on from there.
    await db
      .update(helpdeskSyncRuns)
      .set({ status: "interrupted", finishedAt: now })
      .where(and(eq(helpdeskSyncRuns.connectionId, id), eq(helpdeskSyncRuns.status, "running")));
    const label = CONNECTORS[conn.source].label;
    const importId = await insertImportRow(db, options.actorId ?? null, "sync", `${label} connection '${conn.name}'`, conn.source, now);
    const run = (
      await db
        .insert(helpdeskSyncRuns)
        .values({ connectionId: id, importId, trigger: options.trigger, status: "running", startedAt: now })
        .returning({ id: helpdeskSyncRuns.id })
    )[0];
    return {
      runId: run.id,
      importId,
      cursorSince: conn.cursorSince,
      resume: (conn.resume as Resume | null) ?? null,
      intervalMinutes: conn.intervalMinutes,
      status: conn.status,
    };
  });
}

/** HR hears about credentials that stopped working, once per breakage (admins do not manage connections). */
async function tellHr(db: Parameters<Parameters<typeof writeTx>[0]>[0], name: string, message: string, now: number): Promise<void> {
  const people = await db
    .select({ id: employees.id })
    .from(employees)
    .where(and(inArray(employees.role, ["hr"]), eq(employees.active, true)));
  for (const p of people) {
    await notify(
      db,
      {
        recipientId: p.id,
        kind: "connection_credentials",
        title: `Helpdesk connection '${name}' needs new credentials`,
        body: `${message}. CSAT from it is not being updated until someone enters working credentials.`,
        link: "/hr/connections",
      },
      now,
    );
  }
}

async function finish(
  id: number,
  name: string,
  started: Started,
  status: Exclude<SyncStatus, "busy">,
  error: string | null,
  now: number,
  passStartedAt: number | null,
  pages: number,
): Promise<void> {
  await writeTx(async (db) => {
    // A run that committed no page brought nothing in: its error is in the sync run, not an empty import.
    const emptyImport = pages === 0 && status !== "ok";
    const interval = started.intervalMinutes * 60_000;
    await db
      .update(helpdeskConnections)
      .set({
        status,
        lastError: error,
        lastSyncAt: now,
        leaseUntil: null,
        nextRunAt: now + (status === "ok" ? interval : Math.min(interval, RETRY_FAILED_MS)),
        ...(status === "ok" ? { lastSuccessAt: now, cursorSince: passStartedAt, resume: null } : {}),
      })
      .where(eq(helpdeskConnections.id, id));
    await db
      .update(helpdeskSyncRuns)
      .set({ status, finishedAt: now, error, ...(emptyImport ? { importId: null } : {}) })
      .where(eq(helpdeskSyncRuns.id, started.runId));
    if (emptyImport) await db.delete(csatImports).where(eq(csatImports.id, started.importId));
    if (status === "needs_credentials" && started.status !== "needs_credentials")
      await tellHr(db, name, error ?? "The helpdesk refused the credentials", now);
  });
}

/**
 * Pulls a connection's new and changed ratings, page by page. Each page goes through the file
 * importer (the same parsing, validation, idempotent writes, rollups and report), in its own
 * short transaction that also records where the next page starts: a failure or a crash at any
 * point leaves every committed page counted once and the next sync carrying on after it
 * (docs/decisions/0018-helpdesk-connectors.md).
 */
export async function syncConnection(id: number, options: SyncOptions): Promise<SyncOutcome> {
  const clock = options.now ?? Date.now;
  const started = await begin(id, options, clock());
  options.onClaimed?.();
  const name =
    (await getDb().select({ name: helpdeskConnections.name }).from(helpdeskConnections).where(eq(helpdeskConnections.id, id)))[0]?.name ??
    `#${id}`;
  const outcome: SyncOutcome = {
    connectionId: id,
    name,
    status: "busy",
    runId: null,
    importId: null,
    pages: 0,
    records: 0,
    imported: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    unmatched: 0,
    error: null,
  };
  if (!started) return { ...outcome, error: "A sync of this connection is already running." };
  Object.assign(outcome, { runId: started.runId, importId: started.importId });
  const unmatched = new Set<string>();
  let passStartedAt: number | null = null;
  try {
    const config = await loadConfig(id);
    const connector = CONNECTORS[config.source];
    const missing = connector.missing(config);
    if (missing) throw new AuthFailure(0, missing);
    const headers = await connector.headers(config, options.http ?? {});
    passStartedAt = started.resume?.passStartedAt ?? clock();
    let request: PageRequest | null = started.resume?.request ?? connector.firstPage(config, started.cursorSince, passStartedAt);
    request = { ...request, url: sameOrigin(config, request.url) };
    while (request) {
      const { text, doc } = await requestJson(withHeaders(request, headers), options.http);
      const next: PageRequest | null = connector.nextPage(config, doc, request);
      const page = outcome.pages + 1;
      const resume: Resume | null = next ? { request: next, passStartedAt } : null;
      const report = await importCsat({
        inputs: [{ name: `${config.name} page ${page}`, text }],
        source: config.source,
        via: "sync",
        actorId: options.actorId ?? null,
        now: clock(),
        appendTo: {
          importId: started.importId,
          // Inside the page's transaction (which PostgreSQL may run again): database writes only.
          inTx: async (db, r) => {
            // A page of another shape is a failure, not an empty page: roll it back, cursor and all.
            if (r.fileErrors.length > 0) throw new Error(`Page ${page} from ${connector.label} ${r.fileErrors[0].reason}`);
            await db
              .update(helpdeskConnections)
              .set({ resume: resume as Record<string, unknown> | null, leaseUntil: clock() + (options.leaseMs ?? LEASE_MS) })
              .where(eq(helpdeskConnections.id, id));
            await db
              .update(helpdeskSyncRuns)
              .set({ pages: sql`${helpdeskSyncRuns.pages} + 1`, records: sql`${helpdeskSyncRuns.records} + ${r.rowsRead}` })
              .where(eq(helpdeskSyncRuns.id, started.runId));
          },
        },
      });
      outcome.pages = page;
      outcome.records += report.rowsRead;
      outcome.imported += report.imported;
      outcome.updated += report.updated;
      outcome.unchanged += report.unchanged;
      outcome.rejected += report.rejectedCount;
      for (const u of report.unmatched) unmatched.add(u.externalId);
      await options.afterPage?.(page);
      request = next;
    }
    outcome.status = "ok";
  } catch (err) {
    const e = err as Error;
    outcome.status = err instanceof AuthFailure || err instanceof SecretKeyError ? "needs_credentials" : "failed";
    outcome.error = e.message;
  }
  outcome.unmatched = unmatched.size;
  await finish(id, name, started, outcome.status as Exclude<SyncStatus, "busy">, outcome.error, clock(), passStartedAt, outcome.pages);
  if (outcome.pages === 0 && outcome.status !== "ok") outcome.importId = null;
  return outcome;
}

export async function testConnectionConfig(id: number, http?: HttpOptions): Promise<{ ok: boolean; message: string }> {
  try {
    const config = await loadConfig(id);
    const connector = CONNECTORS[config.source];
    const missing = connector.missing(config);
    if (missing) return { ok: false, message: missing };
    const headers = await connector.headers(config, http ?? {});
    const { doc } = await requestJson(withHeaders(connector.firstPage(config, null, Date.now()), headers), {
      ...http,
      backoff: { maxAttempts: 2, baseMs: 500, capMs: 2000, maxTotalMs: 10_000 },
    });
    const n = connector.count(doc);
    return { ok: true, message: `Connected to ${connector.label}: ${n} rating${n === 1 ? "" : "s"} on the first page.` };
  } catch (err) {
    return { ok: false, message: (err as Error).message };
  }
}
