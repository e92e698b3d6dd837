import "server-only";
import type { Db } from "@/db/client";
import { perConnection } from "@/db/per-connection";

/**
 * Reuses an expensive read until the data it was read from changes. Internal to lib/dal: the
 * caller has verified the session and puts the viewer's scope in `key`, so a memoised value is
 * only ever what the same query with the same access rule would return now.
 *
 * "Changes" is exact, not a time-to-live (docs/decisions/0007-talent-overview-memo.md):
 *
 * - `memoUntilWrite`: any write anywhere. `PRAGMA data_version` moves when another connection
 *   (the CLI, an import in another process) commits, and `total_changes()` counts every row this
 *   connection has written, even an audit row.
 * - `memoUntilTalentChange`: the `talent` row of `data_versions`, which triggers move in the same
 *   transaction as any write to what talent figures read (migration 0006): the org chart, cycles
 *   and their traits, CSAT rollups, and reviews and ratings except a draft that stays a draft.
 *   A manager saving drafts no longer throws away HR's organisation overview; a submission does.
 */

const MAX_ENTRIES = 16;

interface Entry {
  version: string | number;
  value: unknown;
}

const holder = globalThis as unknown as { __keeperReadMemo?: WeakMap<Db, Map<string, Entry>> };
// Asked on every memoised read, so compiled once per connection.
const anyWriteToken = perConnection((db) => db.$client.prepare("select (select data_version from pragma_data_version) || ':' || total_changes()").pluck());
const talentToken = perConnection((db) => db.$client.prepare("select version from data_versions where topic = 'talent'").pluck());

function memo<T>(db: Db, key: string, version: string | number, compute: () => T, keep: (value: T) => boolean): T {
  holder.__keeperReadMemo ??= new WeakMap();
  let entries = holder.__keeperReadMemo.get(db);
  if (!entries) holder.__keeperReadMemo.set(db, (entries = new Map()));
  const hit = entries.get(key);
  if (hit && hit.version === version) return hit.value as T;
  const value = compute();
  entries.delete(key);
  if (!keep(value)) return value;
  // A read inside compute() writes nothing the token counts, so the token taken before it still
  // describes the data.
  entries.set(key, { version, value });
  if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return value;
}

const always = () => true;

export function memoUntilWrite<T>(db: Db, key: string, compute: () => T): T {
  return memo(db, `write:${key}`, anyWriteToken(db).get() as string, compute, always);
}

/**
 * `keep` decides whether a result is worth remembering: a denial must not be, since it is audited
 * inside `compute` and an audit row no longer forgets talent memos.
 */
export function memoUntilTalentChange<T>(db: Db, key: string, compute: () => T, keep: (value: T) => boolean = always): T {
  return memo(db, `talent:${key}`, talentToken(db).get() as number, compute, keep);
}
