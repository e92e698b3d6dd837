import "server-only";
import type { Db } from "@/db/client";
import { perConnection } from "@/db/per-connection";

/**
 * Reuses an expensive read until the database changes. Internal to lib/dal: the caller has
 * verified the session and puts the viewer's scope in `key`, so a memoised value is only ever
 * what the same query with the same access rule would return now.
 *
 * "Changes" is exact, not a time-to-live: `PRAGMA data_version` moves when another connection
 * (the CLI, an import in another process) commits, and `total_changes()` counts every row this
 * connection has written. Any write anywhere, even an audit row, forgets everything.
 * See docs/decisions/0007-talent-overview-memo.md.
 */

const MAX_ENTRIES = 16;

interface Entry {
  version: string;
  value: unknown;
}

const holder = globalThis as unknown as { __keeperReadMemo?: WeakMap<Db, Map<string, Entry>> };
// Asked on every memoised read, so compiled once per connection.
const tokenStatement = perConnection((db) => db.$client.prepare("select (select data_version from pragma_data_version) || ':' || total_changes()").pluck());

function changeToken(db: Db): string {
  return tokenStatement(db).get() as string;
}

export function memoUntilWrite<T>(db: Db, key: string, compute: () => T): T {
  holder.__keeperReadMemo ??= new WeakMap();
  let entries = holder.__keeperReadMemo.get(db);
  if (!entries) holder.__keeperReadMemo.set(db, (entries = new Map()));
  const version = changeToken(db);
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  entries.delete(key);
  // A read inside compute() writes nothing, so the token taken before it still describes the data.
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}
