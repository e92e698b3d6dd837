import { allConnectionIds, dueConnectionIds, findConnection } from "./store";
import { syncConnection, type SyncOptions, type SyncOutcome } from "./sync";

/**
 * `keeper sync` without a name: every connection whose next run is due, one after another (they
 * share the database's write lock anyway). With `all`, every connection whether due or not.
 */
export async function syncDue(options: SyncOptions & { all?: boolean }): Promise<SyncOutcome[]> {
  const ids = options.all ? await allConnectionIds() : await dueConnectionIds((options.now ?? Date.now)());
  const out: SyncOutcome[] = [];
  for (const id of ids) out.push(await syncConnection(id, options));
  return out;
}

export async function syncByName(name: string, options: SyncOptions): Promise<SyncOutcome | null> {
  const conn = await findConnection(name);
  return conn ? syncConnection(conn.id, options) : null;
}
