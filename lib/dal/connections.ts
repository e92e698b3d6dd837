import "server-only";
import { z } from "zod";
import { connectionFields } from "@/lib/connectors/connection-input";
import {
  deleteConnection,
  findConnection,
  insertConnection,
  listConnectionViews,
  updateConnection,
  type ConnectionView,
} from "@/lib/connectors/store";
import { syncConnection, testConnectionConfig } from "@/lib/connectors/sync";
import { recordAudit } from "./audit";
import { requireRole } from "./policy";

/**
 * Helpdesk connections for HR signed in with a session (they bring people's CSAT in, which
 * admins do not handle: docs/decisions/0012-admins-are-not-hr.md); API tokens cannot manage
 * them. Nothing here returns credentials: views carry only a hint such as "token ending …abcd".
 */

async function requireHrSession(what: string, target: string | number): Promise<number | null> {
  const viewer = await requireRole("hr", { type: "helpdesk_connection", id: target, action: `hr only (${what})` });
  return viewer && viewer.via === "session" ? viewer.id : null;
}

export type ConnectionFormState =
  { ok: true; message: string; id: number } | { ok: false; message: string; fieldErrors?: Record<string, string> };
export type ConnectionActionResult = { ok: boolean; message: string };

const idSchema = z.object({ id: z.coerce.number().int().positive() });

export async function listConnections(): Promise<ConnectionView[] | null> {
  if ((await requireHrSession("list", "all")) === null) return null;
  return listConnectionViews();
}

/** Adds a connection, or changes one (`id`); blank credential fields keep the stored credentials. */
export async function saveConnection(raw: Record<string, unknown>): Promise<ConnectionFormState> {
  const editing = raw.id !== undefined && raw.id !== null && raw.id !== "";
  const actorId = await requireHrSession(editing ? "edit" : "create", editing ? String(raw.id) : "new");
  if (actorId === null) return { ok: false, message: "Only HR can manage helpdesk connections." };
  const id = editing ? idSchema.safeParse(raw) : null;
  if (id && !id.success) return { ok: false, message: "Unknown connection." };
  const parsed = connectionFields.safeParse(raw);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return { ok: false, message: "Check the highlighted fields.", fieldErrors };
  }
  const saved = id?.success ? await updateConnection(id.data.id, parsed.data) : await insertConnection(parsed.data, actorId);
  if (!saved.ok) return { ok: false, message: saved.message, fieldErrors: saved.field ? { [saved.field]: saved.message } : undefined };
  const { name, source, baseUrl, intervalMinutes } = parsed.data;
  await recordAudit({
    actorId,
    action: editing ? "connection.update" : "connection.create",
    targetType: "helpdesk_connection",
    targetId: saved.id,
    detail: { name, source, baseUrl, intervalMinutes },
  });
  return {
    ok: true,
    message: editing ? `Connection '${name}' saved.` : `Connection '${name}' added. Test it, then sync now or wait for the next run.`,
    id: saved.id,
  };
}

export async function removeConnection(raw: unknown): Promise<ConnectionActionResult> {
  const parsed = idSchema.safeParse(raw);
  const actorId = await requireHrSession("remove", parsed.success ? parsed.data.id : "?");
  if (actorId === null) return { ok: false, message: "Only HR can manage helpdesk connections." };
  if (!parsed.success || !(await deleteConnection(parsed.data.id))) return { ok: false, message: "That connection no longer exists." };
  await recordAudit({ actorId, action: "connection.remove", targetType: "helpdesk_connection", targetId: parsed.data.id });
  return { ok: true, message: "Connection removed. The CSAT it brought in stays." };
}

export async function testConnection(raw: unknown): Promise<ConnectionActionResult> {
  const parsed = idSchema.safeParse(raw);
  const actorId = await requireHrSession("test", parsed.success ? parsed.data.id : "?");
  if (actorId === null) return { ok: false, message: "Only HR can manage helpdesk connections." };
  if (!parsed.success || !(await findConnection(parsed.data.id))) return { ok: false, message: "That connection no longer exists." };
  return testConnectionConfig(parsed.data.id);
}

/**
 * "Sync now": starts the sync and returns at once; the page follows its progress. The sync runs
 * on in this server process (it commits page by page, so stopping midway loses nothing).
 */
export async function startSync(raw: unknown): Promise<ConnectionActionResult> {
  const parsed = idSchema.safeParse(raw);
  const actorId = await requireHrSession("sync", parsed.success ? parsed.data.id : "?");
  if (actorId === null) return { ok: false, message: "Only HR can manage helpdesk connections." };
  const conn = parsed.success ? await findConnection(parsed.data.id) : null;
  if (!conn) return { ok: false, message: "That connection no longer exists." };
  if (conn.running) return { ok: false, message: "A sync of this connection is already running." };
  await recordAudit({ actorId, action: "connection.sync", targetType: "helpdesk_connection", targetId: conn.id });
  // The sync runs on after the answer, but only once it holds the connection: on PostgreSQL the
  // claim is a few round trips, and a progress poll before it would read "not running" and stop.
  await new Promise<void>((claimed) => {
    syncConnection(conn.id, { trigger: "manual", actorId, onClaimed: claimed })
      .catch((error: unknown) => {
        // syncConnection records its own failures; this is a bug or a lost database, worth a log line.
        console.error("Helpdesk sync crashed", { connection: conn.id, error: (error as Error).message });
      })
      .finally(claimed);
  });
  return { ok: true, message: "Sync started." };
}

export type SyncProgress = { running: boolean; status: string; pages: number; records: number; error: string | null };

export async function syncProgress(raw: unknown): Promise<SyncProgress | null> {
  const parsed = idSchema.safeParse(raw);
  const actorId = await requireHrSession("progress", parsed.success ? parsed.data.id : "?");
  if (actorId === null || !parsed.success) return null;
  const conn = await findConnection(parsed.data.id);
  if (!conn) return null;
  const run = conn.lastRun;
  return { running: conn.running, status: conn.status, pages: run?.pages ?? 0, records: run?.records ?? 0, error: conn.lastError };
}
